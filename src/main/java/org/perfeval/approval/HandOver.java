package org.perfeval.approval;

/** How a review task changed hands without a decision. */
public enum HandOver {
    RELEASED("取消签收"),
    REASSIGNED("改派"),
    TRANSFERRED("转办"),
    DELEGATED("委派"),
    RESOLVED("委派回复");

    private final String label;

    HandOver(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
