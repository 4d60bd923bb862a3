/**
 * The evaluation form in the exchange shape of {@code docs/evaluation-form.md}: the one
 * shape in which a form is imported, exported, scored and previewed. Plain Java with no
 * dependencies, so that scoring can stand on it alone. Field names follow the spec and must not be
 * renamed; optional fields may be added.
 */
package org.perfeval.exchange;
