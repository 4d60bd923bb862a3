package org.perfeval.form;

import org.perfeval.exchange.EvaluationForm;

/** A form as stored: its header (ids, status, score, version) and its content in the exchange shape. */
public record StoredForm(FormHeader header, EvaluationForm content) {
}
