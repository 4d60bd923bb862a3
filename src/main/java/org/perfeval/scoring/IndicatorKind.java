package org.perfeval.scoring;

/** QUANTITATIVE and QUALITATIVE rows; COMPOSITE: the mean of its sub-indicators' banded scores. */
public enum IndicatorKind {
    QUANTITATIVE, QUALITATIVE, COMPOSITE
}
