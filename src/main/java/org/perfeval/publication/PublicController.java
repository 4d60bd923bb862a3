package org.perfeval.publication;

import org.perfeval.organisation.CurrentUser;
import org.perfeval.publication.PublicationService;
import org.perfeval.publication.PublishedForm;
import org.perfeval.publication.PublishedRecord;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 信息公开: published forms, readable without login; 撤回公开 for administrators. */
@Controller
class PublicController {
    private final PublicationService publication;
    private final org.perfeval.form.FormDiff diff;
    private final PublishedPdfs pdfs;

    PublicController(PublicationService publication, org.perfeval.form.FormDiff diff, PublishedPdfs pdfs) {
        this.publication = publication;
        this.diff = diff;
        this.pdfs = pdfs;
    }

    @GetMapping("/public")
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String department,
                @RequestParam(required = false) String unit, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("records", publication.search(year, department, unit, q));
        model.addAttribute("years", publication.years());
        model.addAttribute("departments", publication.departments());
        model.addAttribute("year", year);
        model.addAttribute("department", department);
        model.addAttribute("q", q);
        // Every published form offers its PDF (made when first asked for); without a CJK font, none can be made.
        model.addAttribute("pdfAvailable", pdfs.available());
        return "public/list";
    }

    @GetMapping("/public/forms/{id}")
    String show(@PathVariable Long id, Model model) {
        PublishedForm published = publication.publishedForm(id);
        model.addAttribute("record", published.record());
        model.addAttribute("form", published.content());
        model.addAttribute("score", published.score());
        model.addAttribute("opinions", published.opinions());
        model.addAttribute("pdfAvailable", pdfs.available());
        PublishedRecord previous = publication.previous(published.record());
        model.addAttribute("previous", previous);
        model.addAttribute("corrections", previous == null ? java.util.List.of()
                : diff.between(previous.contentJson(), published.record().contentJson()));
        return "public/form";
    }

    @GetMapping("/public/forms/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable Long id) {
        PublishedForm published = publication.publishedForm(id);
        byte[] bytes = publication.pdf(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(published.record().title() + ".pdf", java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .eTag("\"" + org.perfeval.publication.PublishedPdfs.sha256(bytes) + "\"")
                .body(bytes);
    }

    @PostMapping("/admin/forms/{id}/correct")
    String correct(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                   @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        publication.reopenForCorrection(user.actor(), id, reason);
        redirect.addFlashAttribute("notice", "已发起更正，评价表已退回单位修改；更正通过前仍公开原版本。");
        return "redirect:/forms/" + id;
    }

    @PostMapping("/admin/forms/{id}/unpublish")
    String unpublish(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                     @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        publication.unpublish(user.actor(), id, reason);
        redirect.addFlashAttribute("notice", "已撤回公开。");
        return "redirect:/forms/" + id;
    }
}
