package org.perfeval.shared;

public enum Role {
    UNIT_STAFF("填报人"),
    SUPERVISOR_REVIEWER("主管部门审核人"),
    FINANCE_REVIEWER("财政部门审核人"),
    ADMIN("绩效管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
