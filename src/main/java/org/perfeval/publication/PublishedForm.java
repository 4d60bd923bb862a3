package org.perfeval.publication;

import java.util.List;

import org.perfeval.exchange.EvaluationForm;
import org.perfeval.review.ReviewOpinion;
import org.perfeval.scoring.ScoringResult;

/** A publication as the public pages show it: the frozen record and its parsed parts. */
public record PublishedForm(PublishedRecord record, EvaluationForm content, ScoringResult score,
                            List<ReviewOpinion> opinions) {
}
