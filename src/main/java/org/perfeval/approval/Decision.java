package org.perfeval.approval;

import org.perfeval.form.FormStatus;
import org.perfeval.form.WorkflowAction;

/** A reviewer's decision; the name is the routing flag the BPMN gateways read. */
public enum Decision {
    APPROVE("同意", WorkflowAction.APPROVE),
    RETURN_TO_UNIT("退回单位", WorkflowAction.RETURN_TO_UNIT),
    /** 财政 returns to the level just below it (the 主管部门 in a two-level chain). */
    RETURN_TO_SUPERVISOR("退回主管部门", WorkflowAction.RETURN_TO_SUPERVISOR),
    /** 驳回到指定节点: back to an earlier review level of the form's chain, named with the decision. */
    RETURN_TO_LEVEL("退回至指定审核层级", WorkflowAction.RETURN_TO_LEVEL);

    private final String label;
    private final WorkflowAction action;

    Decision(String label, WorkflowAction action) {
        this.label = label;
        this.action = action;
    }

    public String label() { return label; }
    public WorkflowAction action() { return action; }
    public boolean isReturn() { return this != APPROVE; }

    /**
     * Only the finance department sends a form back to the level below it; any review level may send
     * it back to an earlier level (which one is checked against the form's chain,
     * {@link Approval#returnLevels}).
     */
    public boolean allowedAt(Stage stage) {
        return switch (this) {
            case APPROVE, RETURN_TO_UNIT -> true;
            case RETURN_TO_SUPERVISOR -> stage == Stage.FINANCE_REVIEW;
            case RETURN_TO_LEVEL -> stage == Stage.SUPERVISOR_REVIEW || stage == Stage.FINANCE_REVIEW;
        };
    }

    /** {@link #leadsTo(Stage, boolean)} for a chain of one level (process versions 1 and 2). */
    public FormStatus leadsTo(Stage stage) {
        return leadsTo(stage, false);
    }

    /**
     * Where a decision at this review stage sends the form: the one statement of the routing that the
     * BPMN gateways after each review task carry out (SelfEvaluationProcessTest drives every path and
     * checks both agree). An approval at a review level leads to the next level when the chain has one
     * ({@code nextLevel}), else to 财政; 财政's approval leads straight on to 公开.
     */
    public FormStatus leadsTo(Stage stage, boolean nextLevel) {
        return switch (this) {
            case APPROVE -> stage == Stage.SUPERVISOR_REVIEW
                    ? (nextLevel ? FormStatus.SUPERVISOR_REVIEW : FormStatus.FINANCE_REVIEW) : FormStatus.PUBLISHED;
            case RETURN_TO_UNIT -> FormStatus.DRAFT;
            case RETURN_TO_SUPERVISOR, RETURN_TO_LEVEL -> FormStatus.SUPERVISOR_REVIEW;
        };
    }
}
