package org.perfeval.organisation;

/** 财政部门, 主管部门 (which is also a unit filling forms, 本级), 预算单位. */
public enum UnitKind {
    FINANCE, SUPERVISING, UNIT
}
