package org.perfeval.formpage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.json.ExchangeJson;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.organisation.CurrentUser;
import org.perfeval.shared.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Scores an unsaved form so the page can show scores and findings while the user types. */
@RestController
class PreviewController {
    /**
     * Live scoring takes any form the page may save: a save may post 10 MB form-encoded
     * (server.tomcat.max-http-form-post-size), where a Chinese character takes 9 bytes; in JSON it
     * takes 3, so the same form is at most about 3.4 MB here.
     */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final EvaluationFormService formService;

    PreviewController(EvaluationFormService formService) {
        this.formService = formService;
    }

    @PostMapping(path = "/forms/{id}/preview", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> preview(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                                   HttpServletRequest request) throws IOException {
        FormHeader header = formService.readableHeader(user.actor(), id);
        // Read no more than the limit: a body read whole first held whatever a caller sent in memory.
        byte[] body = request.getContentLengthLong() > MAX_BODY_BYTES ? null
                : request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body == null || body.length > MAX_BODY_BYTES) {
            throw new InvalidInputException("", "请求内容过大（不超过 " + MAX_BODY_BYTES / (1024 * 1024) + " MB）");
        }
        if (body.length == 0) {
            throw new InvalidInputException("", "请求内容为空");
        }
        String json = new String(body, StandardCharsets.UTF_8);
        // The page posts its fields; type and rule set come from the stored form.
        EvaluationForm form = ExchangeJson.readForm(withFormType(json, header));
        form.setRuleSet(header.getRuleSet());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(ExchangeJson.writeResult(formService.preview(form)));
    }

    private static String withFormType(String json, FormHeader header) {
        String trimmed = json.strip();
        if (trimmed.startsWith("{") && !trimmed.contains("\"formType\"")) {
            return "{\"formType\":\"" + header.getFormType().name() + "\"" + (trimmed.equals("{}") ? "}" : "," + trimmed.substring(1));
        }
        return json;
    }
}
