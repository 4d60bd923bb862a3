package org.perfeval.followup;

import java.time.Instant;

/** 整改事项: what a review opinion asks the unit to do, and where it stands. */
public record FollowUp(Long id, Long formId, String formTitle, Long unitId, String unitName, Long supervisingUnitId,
                       Integer fiscalYear, String stage, String opinionOption, String detail, FollowUpStatus status,
                       boolean accepted, String unitNote, Instant dueAt, Instant updatedAt) {

    public boolean overdueAt(Instant now) {
        return !accepted && dueAt != null && dueAt.isBefore(now);
    }
}
