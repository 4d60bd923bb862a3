package org.perfeval.review;

/** Whose 审核意见 block an opinion belongs to. */
public enum ReviewStage {
    SUPERVISOR("主管部门审核意见"), FINANCE("财政部门审核意见");

    private final String label;

    ReviewStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
