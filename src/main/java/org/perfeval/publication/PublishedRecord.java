package org.perfeval.publication;

import java.math.BigDecimal;
import java.time.Instant;

import org.perfeval.exchange.FormType;

/** One frozen publication of a form (without its PDF bytes). */
public record PublishedRecord(Long id, Long formId, int revision, Integer fiscalYear, FormType formType, String title,
                              String unitName, String supervisingUnitName, BigDecimal scoreTotal, String scoreGrade,
                              String contentJson, String scoreJson, String opinionsJson, Instant publishedAt,
                              String pdfSha256, Instant withdrawnAt, String withdrawnReason, Long supersededBy) {

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    public boolean current() {
        return supersededBy == null;
    }
}
