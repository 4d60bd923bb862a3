package org.perfeval.publication;

import java.time.Instant;
import java.util.List;

import org.perfeval.exchange.EvaluationForm;
import org.perfeval.review.ReviewOpinion;
import org.perfeval.scoring.ScoringResult;

/** What a published PDF shows. */
public record PdfContent(EvaluationForm form, ScoringResult score, String unitName, String supervisingUnitName,
                         List<ReviewOpinion> opinions, Instant publishedAt) {
}
