package org.perfeval.scoring;

public enum IndicatorKind {
    QUANTITATIVE, QUALITATIVE
}
