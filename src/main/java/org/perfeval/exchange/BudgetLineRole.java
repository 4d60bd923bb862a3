package org.perfeval.exchange;

/**
 * TOTAL is the scored total row of a project form, SOURCE a funding-source row under it that must
 * add up to the total, ITEM a weighted execution row of a department form.
 */
public enum BudgetLineRole {
    TOTAL, SOURCE, ITEM
}
