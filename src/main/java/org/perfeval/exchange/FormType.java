package org.perfeval.exchange;

/** 项目支出 or 部门整体. */
public enum FormType {
    PROJECT("项目支出绩效自评表"),
    DEPARTMENT("部门（单位）整体绩效自评表");

    private final String label;

    FormType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
