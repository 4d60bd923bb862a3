package org.perfeval.organisation;

import java.time.Instant;

/** One recorded change of a unit (unit_history). */
public record UnitChange(Long id, Long unitId, String unitName, String field, String oldValue, String newValue,
                         String actorName, Instant changedAt) {

    public String fieldLabel() {
        return switch (field) {
            case UnitEditing.CREATED -> "新增";
            case UnitEditing.PARENT -> "调整上级";
            case UnitEditing.NAME -> "更名";
            case UnitEditing.ENABLED -> "启用/停用";
            default -> field;
        };
    }
}
