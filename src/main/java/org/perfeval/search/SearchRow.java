package org.perfeval.search;

import java.math.BigDecimal;
import java.time.Instant;

import org.perfeval.form.FormStatus;

/** One form in a list: names as at filing when it was filed, the organisation's current ones before. */
public record SearchRow(Long id, String title, Integer fiscalYear, Long campaignId, String campaignName,
                        Long unitId, String unitName, String unitPath, String supervisingUnitName,
                        FormStatus status, BigDecimal scoreTotal, String scoreGrade, Instant submittedAt,
                        Instant updatedAt) {

    /** The path of names when filed (某局/某中心), else the unit's name. */
    public String unitLabel() {
        return unitPath == null || unitPath.isBlank() ? unitName : unitPath;
    }
}
