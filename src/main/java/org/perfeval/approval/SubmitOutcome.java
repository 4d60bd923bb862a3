package org.perfeval.approval;

import java.util.List;

import org.perfeval.form.FormStatus;

import org.perfeval.scoring.Finding;

/** The result of 提交: accepted into review, or sent back to 填报 with its ERROR findings. */
public record SubmitOutcome(boolean accepted, FormStatus status, int version, List<Finding> errors) {
}
