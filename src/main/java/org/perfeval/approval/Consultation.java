package org.perfeval.approval;

import java.time.Instant;

/**
 * One request for an opinion (征求意见) and its answer, with what the lists show of its form.
 * {@code open}: the review task it was asked for still waits (only then can it be answered).
 */
public record Consultation(Long id, Long formId, String taskId, String stage, Long askerId, String askerName,
                           Long askedId, String askedName, String question, String answer, Instant askedAt,
                           Instant answeredAt, String formTitle, String unitName, Integer fiscalYear, boolean open) {

    public boolean answered() {
        return answeredAt != null;
    }

    public String stageLabel() {
        try {
            return Stage.ofTaskKey(stage).label();
        } catch (IllegalArgumentException e) {
            return stage;
        }
    }
}
