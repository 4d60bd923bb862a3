package org.perfeval.form;

/** Where a form stands; kept in our table by the task listeners as the process moves. */
public enum FormStatus {
    DRAFT("填报中"),
    SUPERVISOR_REVIEW("主管部门审核中"),
    FINANCE_REVIEW("财政部门审核中"),
    PUBLISHED("已公开"),
    /** 作废: an administrator ended the form's process with a reason; it can be reopened. */
    CANCELLED("已作废");

    private final String label;

    FormStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean editable() {
        return this == DRAFT;
    }
}
