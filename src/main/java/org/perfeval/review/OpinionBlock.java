package org.perfeval.review;

import org.perfeval.approval.Stage;

/** Whose 审核意见 block an opinion belongs to (stored with opinions, follow-ups and a campaign's public list). */
public enum OpinionBlock {
    SUPERVISOR("主管部门审核意见"), FINANCE("财政部门审核意见");

    private final String label;

    OpinionBlock(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The block a decision at this review stage writes into. */
    public static OpinionBlock of(Stage stage) {
        return switch (stage) {
            case SUPERVISOR_REVIEW -> SUPERVISOR;
            case FINANCE_REVIEW -> FINANCE;
            case FILL -> throw new IllegalArgumentException("填报 is not a review stage");
        };
    }
}
