package org.perfeval.scoring;

/**
 * Something wrong with a form besides its numbers: a stable code from the spec, where it is
 * (e.g. {@code indicators[3].claimedScore}) and a Chinese message a unit clerk can act on.
 */
public record Finding(String code, Severity severity, String path, String message) {
}
