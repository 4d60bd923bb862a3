package org.perfeval.inbox;

import java.time.Instant;

import org.perfeval.form.FormStatus;

/** A row of 已办. */
public record DoneItem(Long formId, String title, Integer fiscalYear, String unitName, FormStatus status,
                       Instant lastActedAt) {
}
