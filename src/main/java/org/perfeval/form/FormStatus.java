package org.perfeval.form;

/** Where a form stands; kept in our table by the task listeners as the process moves. */
public enum FormStatus {
    DRAFT("填报中"),
    SUPERVISOR_REVIEW("主管部门审核中"),
    FINANCE_REVIEW("财政部门审核中"),
    PUBLISHED("已公开");

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
