package org.perfeval.organisation;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.perfeval.shared.FieldProblem;
import org.perfeval.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * 单位管理 (/admin/units): the organisation tree with its recent changes; add, move, rename,
 * disable; Excel import with a preview. A refused change is shown beside its field, typed text kept.
 */
@Controller
class UnitAdminController {
    static final String IMPORT_ROWS = "unitImportRows";
    static final int HISTORY_SHOWN = 100;

    private final UnitEditing editing;
    private final UnitImport unitImport;

    UnitAdminController(UnitEditing editing, UnitImport unitImport) {
        this.editing = editing;
        this.unitImport = unitImport;
    }

    @GetMapping("/admin/units")
    String page(Model model) {
        return fill(model);
    }

    @PostMapping("/admin/units/new")
    String add(@AuthenticationPrincipal CurrentUser admin, @RequestParam(required = false) String code,
               @RequestParam(required = false) String name, @RequestParam(required = false) String kind,
               @RequestParam(required = false) String parentCode, Model model, RedirectAttributes redirect,
               HttpServletResponse response) {
        try {
            UnitKind k = kind == null ? null : java.util.Arrays.stream(UnitKind.values())
                    .filter(v -> v.name().equals(kind)).findFirst().orElse(null);
            OrgUnit unit = editing.add(admin.actor(), code, name, k, editing.parentIdByCode(parentCode));
            redirect.addFlashAttribute("notice", "已新增单位「" + unit.name() + "」。");
            return "redirect:/admin/units";
        } catch (InvalidInputException e) {
            model.addAttribute("typed", Map.of("code", nz(code), "name", nz(name), "kind", nz(kind), "parentCode", nz(parentCode)));
            return refused(model, "new", e, response);
        }
    }

    @PostMapping("/admin/units/{id}/move")
    String move(@AuthenticationPrincipal CurrentUser admin, @PathVariable Long id,
                @RequestParam(required = false) String parentCode, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        try {
            editing.move(admin.actor(), id, editing.parentIdByCode(parentCode));
            redirect.addFlashAttribute("notice", "已调整上级单位。");
            return "redirect:/admin/units";
        } catch (InvalidInputException e) {
            model.addAttribute("typed", Map.of("parentCode", nz(parentCode)));
            return refused(model, String.valueOf(id), e, response);
        }
    }

    @PostMapping("/admin/units/{id}/rename")
    String rename(@AuthenticationPrincipal CurrentUser admin, @PathVariable Long id,
                  @RequestParam(required = false) String name, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            editing.rename(admin.actor(), id, name);
            redirect.addFlashAttribute("notice", "已更名；已提交的评价表仍显示提交时的名称。");
            return "redirect:/admin/units";
        } catch (InvalidInputException e) {
            model.addAttribute("typed", Map.of("name", nz(name)));
            return refused(model, String.valueOf(id), e, response);
        }
    }

    @PostMapping("/admin/units/{id}/enabled")
    String enabled(@AuthenticationPrincipal CurrentUser admin, @PathVariable Long id,
                   @RequestParam(defaultValue = "false") boolean enabled, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        try {
            editing.setEnabled(admin.actor(), id, enabled);
            redirect.addFlashAttribute("notice", enabled ? "单位已启用。" : "单位已停用：不再下发新的评价表，其用户不能登录。");
            return "redirect:/admin/units";
        } catch (InvalidInputException e) {
            model.addAttribute("typed", Map.of());
            return refused(model, String.valueOf(id), e, response);
        }
    }

    @GetMapping("/admin/units/import")
    String importPage() {
        return "admin/unit-import";
    }

    @PostMapping("/admin/units/import")
    String preview(@AuthenticationPrincipal CurrentUser admin, @RequestParam(required = false) MultipartFile file,
                   Model model, HttpSession session, HttpServletResponse response) throws IOException {
        try {
            List<UnitImport.Row> rows = unitImport.preview(admin.actor(), file == null ? null : file.getBytes());
            model.addAttribute("rows", rows);
            boolean ok = !rows.isEmpty() && rows.stream().allMatch(UnitImport.Row::ok);
            model.addAttribute("importable", ok);
            if (ok) {
                session.setAttribute(IMPORT_ROWS, rows);
            } else {
                session.removeAttribute(IMPORT_ROWS);
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "admin/unit-import";
    }

    @PostMapping("/admin/units/import/confirm")
    @SuppressWarnings("unchecked")
    String confirm(@AuthenticationPrincipal CurrentUser admin, Model model, HttpSession session,
                   HttpServletResponse response) {
        List<UnitImport.Row> rows = (List<UnitImport.Row>) session.getAttribute(IMPORT_ROWS);
        try {
            if (rows == null) {
                throw new InvalidInputException("file", "没有待导入的预览，请重新上传表格");
            }
            model.addAttribute("imported", unitImport.importRows(admin.actor(), rows));
            session.removeAttribute(IMPORT_ROWS);
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "admin/unit-import";
    }

    private String refused(Model model, String formKey, InvalidInputException e, HttpServletResponse response) {
        Map<String, String> errors = new HashMap<>();
        for (FieldProblem p : e.problems()) {
            errors.putIfAbsent(p.path(), p.message());
        }
        model.addAttribute("errorForm", formKey);
        model.addAttribute("errors", errors);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return fill(model);
    }

    private String fill(Model model) {
        model.addAttribute("rows", editing.tree());
        model.addAttribute("changes", editing.recentChanges(HISTORY_SHOWN));
        model.addAttribute("kinds", UnitKind.values());
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "admin/units";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
