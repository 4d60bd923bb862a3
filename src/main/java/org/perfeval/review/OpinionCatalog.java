package org.perfeval.review;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.perfeval.exchange.FormType;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The fixed checkbox vocabularies of forms/opinions.json: 结果应用建议 and 审核意见 per form type. */
@Component
public class OpinionCatalog {
    private final Map<FormType, Lists> lists;

    public OpinionCatalog(ObjectMapper objectMapper) throws IOException {
        try (InputStream in = new ClassPathResource("forms/opinions.json").getInputStream()) {
            lists = objectMapper.readValue(in, new TypeReference<Map<FormType, Lists>>() { });
        }
    }

    /** The review options of every form type, each once, in order: one opinion set for a batch of forms. */
    public List<String> batchReviewOptions() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        for (FormType type : FormType.values()) {
            all.addAll(reviewOptions(type));
        }
        return List.copyOf(all);
    }

    public List<String> reviewOptions(FormType type) {
        return lists.get(type).review();
    }

    public List<String> suggestionOptions(FormType type) {
        return lists.get(type).suggestions();
    }

    /** The review opinions that ask the unit to act: each becomes a 整改事项 when the form is published. */
    public List<String> actionOptions(FormType type) {
        List<String> actions = lists.get(type).actions();
        return actions == null ? List.of() : actions;
    }

    record Lists(List<String> suggestions, List<String> review, List<String> actions) {
    }
}
