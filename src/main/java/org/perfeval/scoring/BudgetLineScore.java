package org.perfeval.scoring;

import java.math.BigDecimal;

/** Rate (0..n, not percent) and score of one scored budget line; index into the form's budgetLines. */
public record BudgetLineScore(int index, BigDecimal rate, BigDecimal score) {
}
