package org.perfeval.approval;

import java.time.Instant;

import org.perfeval.form.FormStatus;

/** A row of 抄送我的: a form copied to the user, by whom and when, and where it stands now. */
public record CarbonCopy(Long formId, String title, String unitName, Integer fiscalYear, FormStatus status,
                         String senderName, Instant copiedAt) {
}
