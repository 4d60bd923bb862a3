package org.perfeval.exchange.excel;

import java.util.List;

import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.FieldCatalogue;
import org.perfeval.exchange.Indicator;

/** The labels that mark each block of the sheet; the writer prints them and the reader looks for them. */
final class SheetLabels {
    static final String FORM_SHEET = "评价表";
    static final String REPORT_SHEET = "自评报告";

    /** The header row: the form's first seven catalogue fields (项目名称 … 年度), label and value side by side. */
    static final List<FieldCatalogue.Field<EvaluationForm>> HEADER_FIELDS = FieldCatalogue.FORM.subList(0, 7);
    static final List<String> HEADER = HEADER_FIELDS.stream().map(FieldCatalogue.Field::sheetLabel).toList();
    static final List<FieldCatalogue.Field<BudgetLine>> BUDGET_FIELDS = FieldCatalogue.sheetFields(FieldCatalogue.BUDGET_LINE);
    static final List<String> BUDGET = FieldCatalogue.sheetLabels(FieldCatalogue.BUDGET_LINE);
    static final List<String> GOAL = List.of(sheet("goal.expected"), sheet("goal.actual"));
    static final List<FieldCatalogue.Field<Indicator>> INDICATOR_FIELDS = FieldCatalogue.sheetFields(FieldCatalogue.INDICATOR);
    /** The indicator headings, then the one column only sub-rows use (分项评级). */
    static final List<String> INDICATORS = java.util.stream.Stream.concat(
            FieldCatalogue.sheetLabels(FieldCatalogue.INDICATOR).stream(),
            FieldCatalogue.SUB_INDICATOR.stream().map(FieldCatalogue.Field::sheetLabel)
                    .filter(label -> !FieldCatalogue.sheetLabels(FieldCatalogue.INDICATOR).contains(label))).toList();
    static final String TOTAL = sheet("claimedTotal");
    static final String GRADE = sheet("claimedGrade");
    static final List<String> SUGGESTIONS = List.of("结果应用建议", "具体建议内容");
    static final String OVERALL = sheet("suggestions.overall");
    static final List<String> REPORT = List.of("章节标题", "正文");

    static final List<String> ROLES = List.of("TOTAL", "SOURCE", "ITEM");
    static final List<String> ROLE_LABELS = List.of("合计", "资金来源", "执行项");

    private SheetLabels() {
    }

    private static String sheet(String path) {
        return FieldCatalogue.field(FieldCatalogue.FORM, path).sheetLabel();
    }
}
