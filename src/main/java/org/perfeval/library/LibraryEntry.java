package org.perfeval.library;

/** One 三级指标 of the 指标库 with the defaults it brings into a form. */
public record LibraryEntry(Long id, String formType, String sector, String category, String subcategory, String name,
                           String operator, String unitOfMeasure, String typicalTarget, boolean quantitative,
                           String definition, int usedInForms, int usedByUnits) {
}
