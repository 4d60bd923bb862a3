package org.perfeval.publication;

import java.util.List;

import org.perfeval.exchange.EvaluationForm;
import org.perfeval.review.ReviewOpinion;
import org.perfeval.scoring.ScoringResult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A publication as the public pages show it: the frozen record and its parsed parts. */
public record PublishedForm(PublishedRecord record, EvaluationForm content, ScoringResult score,
                            List<ReviewOpinion> opinions) {

    /** Parses the record's frozen JSON parts. */
    static PublishedForm of(PublishedRecord record, ObjectMapper json) {
        return new PublishedForm(record, read(json, record.contentJson(), new TypeReference<EvaluationForm>() { }),
                record.scoreJson() == null ? null : read(json, record.scoreJson(), new TypeReference<ScoringResult>() { }),
                read(json, record.opinionsJson(), new TypeReference<List<ReviewOpinion>>() { }));
    }

    private static <T> T read(ObjectMapper json, String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("published record unreadable", e);
        }
    }
}
