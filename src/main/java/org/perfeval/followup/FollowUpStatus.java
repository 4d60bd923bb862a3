package org.perfeval.followup;

public enum FollowUpStatus {
    OPEN("待整改"), IN_PROGRESS("整改中"), DONE("已完成"), NOT_ACCEPTED("未通过验收");

    private final String label;

    FollowUpStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
