package org.perfeval.approval;

import java.time.Instant;

import org.perfeval.organisation.AccessPolicy;

/**
 * Where a form's tasks go and when they are due: its unit, its supervising department, its
 * campaign's deadlines and whether the campaign asks for 二级单位 review, read in one query whenever a
 * task starts (the candidate group, the due date and the review chain all ask for it; MyBatis answers
 * the repeats from the transaction's session). {@code returned}: the form carries a return reason (a
 * reviewer's return, or an administrator's 更正) and has not been submitted since.
 */
public record FormRoute(Long unitId, Long supervisingUnitId, Instant fillDue, Instant supervisorDue,
                        Instant financeDue, boolean secondaryReview, boolean returned) {

    public Instant dueAt(Stage stage) {
        return switch (stage) {
            case FILL -> fillDue;
            case SUPERVISOR_REVIEW -> supervisorDue;
            case FINANCE_REVIEW -> financeDue;
        };
    }

    public String candidateGroup(Stage stage) {
        return switch (stage) {
            case FILL -> AccessPolicy.unitGroup(unitId);
            case SUPERVISOR_REVIEW -> AccessPolicy.departmentGroup(supervisingUnitId);
            case FINANCE_REVIEW -> AccessPolicy.FINANCE_GROUP;
        };
    }
}
