package org.perfeval.campaign;

import java.io.IOException;
import java.io.InputStream;

import org.perfeval.exchange.EvaluationForm;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Blank forms per form type from forms/templates/*.json (the exchange shape, mostly empty). */
@Component
public class FormTemplates {
    private final ObjectMapper objectMapper;

    public FormTemplates(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public EvaluationForm copy(EvaluationForm form) {
        return objectMapper.convertValue(form, EvaluationForm.class);
    }

    public EvaluationForm blank(String template) {
        if (!template.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("bad template name " + template);
        }
        try (InputStream in = new ClassPathResource("forms/templates/" + template + ".json").getInputStream()) {
            return objectMapper.readValue(in, EvaluationForm.class);
        } catch (IOException e) {
            throw new IllegalStateException("表单模板 " + template + " 无法读取", e);
        }
    }
}
