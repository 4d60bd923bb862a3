package org.perfeval.notification;

public enum NotificationKind {
    TASK("待办"), RETURNED("退回"), APPROVED("通过"), DUE_SOON("即将到期"), OVERDUE("逾期"), REMINDED("催办"),
    PUBLISHED("公开"), HANDED_OVER("任务转交"), CONSULTATION("征求意见"), CARBON_COPY("抄送"),
    CANCELLED("作废"), REOPENED("重新开放");

    private final String label;

    NotificationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
