package org.perfeval.review;

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
}
