package org.perfeval.organisation;

/**
 * One answer of a picker (抄送, 征求意见): what the form page's lists showed and no more. For a
 * person the name, login name and unit name; for a unit its name, code and the name of the unit above.
 */
public record PickOption(Long id, String name, String code, String unit) {
}
