package org.perfeval.exchange;

/**
 * TOTAL is the scored total row of a project form, SOURCE a funding-source row under it that must
 * add up to the total, ITEM a weighted execution row of a department form.
 */
public enum BudgetLineRole {
    TOTAL("合计"), SOURCE("资金来源"), ITEM("执行项");

    private final String label;

    BudgetLineRole(String label) {
        this.label = label;
    }

    /** As the form page and the import preview name it. */
    public String label() {
        return label;
    }
}
