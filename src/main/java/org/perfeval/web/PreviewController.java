package org.perfeval.web;

import java.util.ArrayList;
import java.util.List;

import org.perfeval.exchange.EvaluationForm;
import org.perfeval.form.FormHeader;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.org.CurrentUser;
import org.perfeval.scoring.ScoringResult;
import org.perfeval.shared.FieldProblem;
import org.perfeval.shared.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Scores an unsaved form so the page can show scores and findings while the user types. */
@RestController
class PreviewController {
    private final EvaluationFormService formService;
    private final ObjectMapper strict;

    PreviewController(EvaluationFormService formService, ObjectMapper objectMapper) {
        this.formService = formService;
        this.strict = objectMapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    @PostMapping(path = "/forms/{id}/preview", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ScoringResult preview(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @RequestBody String body) {
        FormHeader header = formService.visibleHeader(user.actor(), id);
        EvaluationForm form = read(body);
        form.setRuleSet(header.getRuleSet());
        form.setFormType(header.getFormType());
        return formService.preview(form);
    }

    private EvaluationForm read(String body) {
        try {
            return strict.readValue(body, EvaluationForm.class);
        } catch (JsonMappingException e) {
            throw new InvalidInputException(List.of(new FieldProblem(path(e), "字段 " + path(e) + " 的值无效："
                    + e.getOriginalMessage().split("\n")[0])));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("", "不是有效的 JSON（第 " + e.getLocation().getLineNr() + " 行第 "
                    + e.getLocation().getColumnNr() + " 列）");
        }
    }

    private static String path(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                parts.add((parts.isEmpty() ? "" : ".") + ref.getFieldName());
            } else {
                parts.add("[" + ref.getIndex() + "]");
            }
        }
        return String.join("", parts);
    }
}
