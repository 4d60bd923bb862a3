package org.perfeval.library;

import java.util.List;

import org.perfeval.library.IndicatorLibrary;
import org.perfeval.library.LibraryEntry;
import org.perfeval.organisation.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 指标库: browsing and search for everyone logged in, additions by administrators. */
@Controller
class LibraryController {
    private final IndicatorLibrary library;

    LibraryController(IndicatorLibrary library) {
        this.library = library;
    }

    @GetMapping("/library")
    String page(@RequestParam(required = false) String q, @RequestParam(required = false) String formType,
                @RequestParam(required = false) String sector, Model model) {
        model.addAttribute("entries", library.search(q, formType, sector));
        model.addAttribute("q", q);
        model.addAttribute("formType", formType);
        model.addAttribute("sector", sector);
        return "library";
    }

    /** For the form editor: pick an indicator and its defaults fill the row. */
    @GetMapping(path = "/library/search", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<LibraryEntry> search(@RequestParam(required = false) String q, @RequestParam(required = false) String formType) {
        return library.search(q, formType, null);
    }

    @PostMapping("/admin/library")
    String add(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String formType,
               @RequestParam(required = false) String sector, @RequestParam(required = false) String category,
               @RequestParam(required = false) String subcategory, @RequestParam(required = false) String name,
               @RequestParam(required = false) String operator, @RequestParam(required = false) String unitOfMeasure,
               @RequestParam(required = false) String typicalTarget, @RequestParam(defaultValue = "false") boolean quantitative,
               @RequestParam(required = false) String definition, RedirectAttributes redirect) {
        String type = "DEPARTMENT".equals(formType) ? "DEPARTMENT" : "PROJECT";
        library.add(user.actor(), new LibraryEntry(null, type, sector, category, subcategory, name,
                operator == null || operator.isBlank() ? null : operator, unitOfMeasure, typicalTarget, quantitative,
                definition, 0, 0));
        redirect.addFlashAttribute("notice", "已加入指标库：" + name);
        return "redirect:/library";
    }
}
