package org.perfeval.inbox;

import java.math.BigDecimal;
import java.time.Instant;

import org.perfeval.form.FormStatus;
import org.perfeval.approval.Stage;

/** A row of someone's inbox (待办): the task and what the list shows of its form. */
public record InboxItem(String taskId, Long formId, String stage, String assignee, Instant createdAt, Instant dueAt,
                        String title, Integer fiscalYear, String unitName, String campaignName, FormStatus status,
                        BigDecimal scoreTotal, String scoreGrade, boolean hasErrors) {

    public String stageLabel() {
        return Stage.ofTaskKey(stage).label();
    }

    public boolean overdueAt(Instant now) {
        return dueAt != null && dueAt.isBefore(now);
    }
}
