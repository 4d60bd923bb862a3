package org.perfeval.review;

import org.perfeval.approval.Decision;
import java.time.Instant;
import java.util.List;

/** A stored decision with its ticked options, as the history and the form page show it. */
public record ReviewOpinion(Long id, OpinionBlock stage, String reviewerName, Decision decision, String reason,
                            String overallOpinion, Instant createdAt, List<CheckedOption> options) {

    public record CheckedOption(String optionLabel, String detail) {
    }
}
