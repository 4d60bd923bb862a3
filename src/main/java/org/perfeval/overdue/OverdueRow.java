package org.perfeval.overdue;

import java.time.Duration;
import java.time.Instant;

import org.perfeval.approval.Stage;

/** An open task past its due date, as the overdue report lists it. */
public record OverdueRow(Long formId, String title, String unitName, String departmentName, Long supervisingUnitId,
                         String campaignName, String stage, String assignee, String candidateGroup, Instant dueAt,
                         Instant overdueAt) {

    public String stageLabel() {
        return Stage.ofTaskKey(stage).label();
    }

    public long daysOverdue(Instant now) {
        return Math.max(0, Duration.between(dueAt, now).toDays());
    }

    /** Who holds the task: the reviewer who claimed it, or the unit or department it waits for. */
    public String holder() {
        return assignee != null ? assignee : Stage.ofTaskKey(stage) == Stage.FILL ? unitName
                : Stage.ofTaskKey(stage) == Stage.SUPERVISOR_REVIEW ? departmentName : "财政部门";
    }
}
