package org.perfeval.organisation;

/** Serializable: it is part of the logged-in user kept in the database-held HTTP session. */
public record OrgUnit(Long id, String code, String name, UnitKind kind, Long parentId) implements java.io.Serializable {

    /** The department that reviews this unit's forms: itself for a department's own forms (本级). */
    public Long supervisingUnitId() {
        return kind == UnitKind.UNIT ? parentId : id;
    }
}
