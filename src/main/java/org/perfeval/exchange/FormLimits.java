package org.perfeval.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;


/**
 * What a form may hold at all, whichever way it arrives (page, JSON, Excel): numbers in range and
 * with few enough decimals, text within the column sizes, no control or invisible characters.
 * Missing values are the scorer's business at submit time, not a problem here.
 */
public final class FormLimits {
    static final BigDecimal MAX_MONEY = new BigDecimal("1000000000000");
    public static final int MAX_ROWS = 500;
    static final int MAX_OPTIONS = 50;
    static final int MAX_SECTIONS = 50;

    private FormLimits() {
    }

    public static List<Problem> check(EvaluationForm form) {
        List<Problem> problems = new ArrayList<>();
        if (form.getBudgetLines() == null) {
            form.setBudgetLines(new ArrayList<>());
        }
        if (form.getIndicators() == null) {
            form.setIndicators(new ArrayList<>());
        }
        if (form.getBudgetLines().size() > MAX_ROWS || form.getIndicators().size() > MAX_ROWS) {
            problems.add(new Problem("indicators", "行数过多（每类最多 " + MAX_ROWS + " 行）"));
        }
        fields(problems, FieldCatalogue.FORM, form, "", "");
        for (int i = 0; i < form.getBudgetLines().size(); i++) {
            BudgetLine line = form.getBudgetLines().get(i);
            if (line != null) {
                fields(problems, FieldCatalogue.BUDGET_LINE, line, "budgetLines[" + i + "].", "资金第 " + (i + 1) + " 行");
            }
        }
        for (int i = 0; i < form.getIndicators().size(); i++) {
            Indicator ind = form.getIndicators().get(i);
            if (ind != null) {
                fields(problems, FieldCatalogue.INDICATOR, ind, "indicators[" + i + "].", "指标第 " + (i + 1) + " 行");
                List<SubIndicator> subs = ind.getSubIndicators() == null ? List.of() : ind.getSubIndicators();
                if (subs.size() > FieldCatalogue.MAX_SUB_INDICATORS) {
                    problems.add(new Problem("indicators[" + i + "].subIndicators", "指标第 " + (i + 1) + " 行的分项指标过多（最多 "
                            + FieldCatalogue.MAX_SUB_INDICATORS + " 项）"));
                }
                for (int j = 0; j < subs.size(); j++) {
                    if (subs.get(j) != null) {
                        fields(problems, FieldCatalogue.SUB_INDICATOR, subs.get(j), "indicators[" + i + "].subIndicators[" + j + "].",
                                "指标第 " + (i + 1) + " 行分项第 " + (j + 1) + " 项");
                    }
                }
            }
        }
        List<ReportSection> sections = form.getReport() == null || form.getReport().getSections() == null
                ? List.of() : form.getReport().getSections();
        for (int i = 0; i < sections.size(); i++) {
            text(problems, "report.sections[" + i + "].heading", "报告第 " + (i + 1) + " 节标题", sections.get(i).getHeading(), 200);
            text(problems, "report.sections[" + i + "].body", "报告第 " + (i + 1) + " 节正文", sections.get(i).getBody(), 50000);
        }
        if (sections.size() > MAX_SECTIONS) {
            problems.add(new Problem("report.sections", "报告节数过多（最多 " + MAX_SECTIONS + " 节）"));
        }
        List<String> selectedOptions = form.getSuggestions() == null || form.getSuggestions().getSelected() == null
                ? List.of() : form.getSuggestions().getSelected();
        if (selectedOptions.size() > MAX_OPTIONS
                || (form.getSuggestions() != null && form.getSuggestions().getDetails() != null
                && form.getSuggestions().getDetails().size() > MAX_OPTIONS)) {
            problems.add(new Problem("suggestions.selected", "结果应用建议选项过多（最多 " + MAX_OPTIONS + " 项）"));
        }
        for (String selected : selectedOptions) {
            // Stored one row per option (form_suggestion.option_label).
            text(problems, "suggestions.selected", "结果应用建议选项", selected, 200);
            text(problems, "suggestions.details", "结果应用建议「" + selected + "」的具体内容",
                    form.getSuggestions().getDetails() == null ? null : form.getSuggestions().getDetails().get(selected), 2000);
        }
        return problems;
    }

    /** Each field of a row within its catalogue limit; codes and lists are checked where they are read. */
    private static <T> void fields(List<Problem> problems, List<FieldCatalogue.Field<T>> fields, T row, String at,
                                   String rowLabel) {
        for (FieldCatalogue.Field<T> field : fields) {
            String label = rowLabel.isEmpty() ? field.label() : rowLabel + "「" + field.label() + "」";
            Object value = field.get(row);
            switch (field.kind()) {
                case TEXT, TEXT_OR_NUMBER, CODE -> {
                    if (value instanceof String text) {
                        text(problems, at + field.path(), label, text, field.maxLength());
                    }
                }
                case MONEY -> money(problems, at + field.path(), label, (BigDecimal) value);
                case SIGNED_MONEY -> signedNumber(problems, at + field.path(), label, (BigDecimal) value, field.max());
                case NUMBER, COUNT -> number(problems, at + field.path(), label, (BigDecimal) value, field.max());
                case NUMBER_LIST -> { }
            }
        }
    }

    private static void money(List<Problem> problems, String path, String label, BigDecimal value) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0) {
            problems.add(new Problem(path, label + "不能为负数，收到 " + value.toPlainString()));
        }
        signedNumber(problems, path, label, value, MAX_MONEY);
    }

    private static void number(List<Problem> problems, String path, String label, BigDecimal value, BigDecimal max) {
        if (value != null && value.signum() < 0) {
            problems.add(new Problem(path, label + "不能为负数，收到 " + value.toPlainString()));
            return;
        }
        signedNumber(problems, path, label, value, max);
    }

    private static void signedNumber(List<Problem> problems, String path, String label, BigDecimal value,
                                     BigDecimal max) {
        if (value == null) {
            return;
        }
        if (value.abs().compareTo(max) > 0) {
            problems.add(new Problem(path, label + "数值过大（不超过 " + max.toPlainString() + "），收到 " + value.toPlainString()));
        } else if (value.stripTrailingZeros().scale() > 6) {
            problems.add(new Problem(path, label + "最多保留 6 位小数，收到 " + value.toPlainString()));
        }
    }

    private static void text(List<Problem> problems, String path, String label, String value, int max) {
        if (value != null && hasHiddenCharacters(value)) {
            problems.add(new Problem(path, label + "包含控制字符或不可见字符，请删除后重新输入"));
        } else if (value != null && value.codePointCount(0, value.length()) > max) {
            problems.add(new Problem(path, label + "不能超过 " + max + " 个字（现为 "
                    + value.codePointCount(0, value.length()) + " 个字）"));
        }
    }


    /** Control characters other than line breaks and tabs, zero-width and direction-override characters. */
    static boolean hasHiddenCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F
                    || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || c == 0xFEFF
                    || (c >= 0x2060 && c <= 0x2064)) {
                return true;
            }
        }
        return false;
    }
}
