package org.perfeval.scoring;

import java.math.BigDecimal;

/**
 * One 分项指标 of a composite row: its completion (actual/target, null when rated) and the share of
 * the row's weight it earns after the rule set's bands or rating.
 */
public record SubIndicatorScore(int index, BigDecimal completion, BigDecimal share) {
}
