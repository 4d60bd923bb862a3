package org.perfeval.form;

import java.time.Instant;

/** One step in a form's history (审批记录). */
public record WorkflowRecord(Long id, Long formId, Long actorId, String actorName, String action,
                             FormStatus fromStatus, FormStatus toStatus, String detail, Instant createdAt) {

    public String actionLabel() {
        return WorkflowAction.valueOf(action).label();
    }
}
