package org.perfeval.approval;

import org.perfeval.form.FormStatus;
import org.perfeval.form.WorkflowAction;

/** A reviewer's decision; the name is the routing flag the BPMN gateways read. */
public enum Decision {
    APPROVE("同意", WorkflowAction.APPROVE),
    RETURN_TO_UNIT("退回单位", WorkflowAction.RETURN_TO_UNIT),
    RETURN_TO_SUPERVISOR("退回主管部门", WorkflowAction.RETURN_TO_SUPERVISOR);

    private final String label;
    private final WorkflowAction action;

    Decision(String label, WorkflowAction action) {
        this.label = label;
        this.action = action;
    }

    public String label() { return label; }
    public WorkflowAction action() { return action; }
    public boolean isReturn() { return this != APPROVE; }

    /** Only the finance department can send a form back to the supervising department. */
    public boolean allowedAt(Stage stage) {
        return this != RETURN_TO_SUPERVISOR || stage == Stage.FINANCE_REVIEW;
    }

    /**
     * Where a decision at this review stage sends the form: the one statement of the routing that the
     * BPMN gateways after each review task carry out (SelfEvaluationProcessTest drives every path and
     * checks both agree). Finance approval leads straight on to 公开.
     */
    public FormStatus leadsTo(Stage stage) {
        return switch (this) {
            case APPROVE -> stage == Stage.SUPERVISOR_REVIEW ? FormStatus.FINANCE_REVIEW : FormStatus.PUBLISHED;
            case RETURN_TO_UNIT -> FormStatus.DRAFT;
            case RETURN_TO_SUPERVISOR -> FormStatus.SUPERVISOR_REVIEW;
        };
    }
}
