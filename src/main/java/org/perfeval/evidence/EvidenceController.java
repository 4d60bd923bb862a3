package org.perfeval.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.perfeval.evidence.EvidenceService;
import org.perfeval.organisation.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 佐证材料: upload on the form page, download, delete while a draft. */
@Controller
class EvidenceController {
    private final EvidenceService evidence;

    EvidenceController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @PostMapping("/forms/{id}/evidence")
    String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                  @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "indicator", required = false) Integer indicator,
                  RedirectAttributes redirect) throws IOException {
        if (file == null) {
            throw new org.perfeval.shared.InvalidInputException("file", "请选择要上传的文件");
        }
        var saved = evidence.upload(user.actor(), id, indicator, file.getOriginalFilename(), file.getSize(),
                file.getInputStream());
        redirect.addFlashAttribute("notice", "已上传佐证材料「" + saved.originalName() + "」。");
        return "redirect:/forms/" + id + "#evidence";
    }

    @GetMapping("/evidence/{id}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        EvidenceService.Download download = evidence.download(user.actor(), id);
        // Always an attachment: an uploaded file is never rendered in our origin.
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.evidence().originalName(), StandardCharsets.UTF_8).build().toString())
                .body(download.bytes());
    }

    @PostMapping("/evidence/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                  RedirectAttributes redirect) {
        var deleted = evidence.delete(user.actor(), id);
        redirect.addFlashAttribute("notice", "已删除佐证材料。");
        return deleted.followUpId() != null ? "redirect:/follow-ups#follow-up-" + deleted.followUpId()
                : "redirect:/forms/" + deleted.formId() + "#evidence";
    }
}
