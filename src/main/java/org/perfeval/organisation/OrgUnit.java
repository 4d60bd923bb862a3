package org.perfeval.organisation;

public record OrgUnit(Long id, String code, String name, UnitKind kind, Long parentId) {

    /** The department that reviews this unit's forms: itself for a department's own forms (本级). */
    public Long supervisingUnitId() {
        return kind == UnitKind.UNIT ? parentId : id;
    }
}
