package org.perfeval.organisation;

/** Serializable: it is part of the logged-in user kept in the database-held HTTP session. */
public record OrgUnit(Long id, String code, String name, UnitKind kind, Long parentId) implements java.io.Serializable {

    /**
     * The unit's parent, or itself for a department (本级). Only right for a unit directly under its
     * 主管部门: at any depth the 主管部门 is {@link OrgTree#departmentOf}, and who reviews a form, in which
     * order, is approval.ReviewChain.
     */
    public Long supervisingUnitId() {
        return kind == UnitKind.UNIT ? parentId : id;
    }
}
