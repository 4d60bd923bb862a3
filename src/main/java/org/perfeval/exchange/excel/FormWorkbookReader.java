package org.perfeval.exchange.excel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.DeviationReasons;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.FieldCatalogue;
import org.perfeval.exchange.FormLimits;
import org.perfeval.exchange.FormType;
import org.perfeval.exchange.Goal;
import org.perfeval.exchange.Indicator;
import org.perfeval.exchange.Problem;
import org.perfeval.exchange.Report;
import org.perfeval.exchange.ReportSection;
import org.perfeval.exchange.SubIndicator;
import org.perfeval.exchange.Suggestions;
import org.perfeval.exchange.json.InvalidFormException;

/**
 * Reads a sheet written by {@link FormWorkbookWriter}, also after a person edited it in Excel or
 * WPS: blocks are found by their labels, not by row numbers; numbers may come as text; merged
 * 一级指标 cells are unmerged. Every problem is reported with its cell and field, and nothing is
 * returned unless all is well.
 */
public final class FormWorkbookReader {
    static final BigDecimal MAX_NUMBER = new BigDecimal("1000000000000");

    public EvaluationForm read(byte[] bytes) {
        return read(WorkbookCells.read(bytes));
    }

    /** The form in sheets already read (the product's own layout: the 评价表 sheet and, if present, 自评报告). */
    public EvaluationForm read(List<SheetGrid> sheets) {
        SheetGrid sheet = sheet(sheets, SheetLabels.FORM_SHEET);
        if (sheet == null) {
            throw problem("", "找不到工作表“" + SheetLabels.FORM_SHEET + "”：请使用本系统导出的模板");
        }
        Parse parse = new Parse(sheet);
        EvaluationForm form = parse.form();
        SheetGrid report = sheet(sheets, SheetLabels.REPORT_SHEET);
        if (report != null) {
            Parse reportParse = new Parse(report);
            form.setReport(reportParse.report());
            parse.problems.addAll(reportParse.problems);
        }
        if (parse.problems.isEmpty()) {
            parse.problems.addAll(FormLimits.check(form));
        }
        if (!parse.problems.isEmpty()) {
            throw new InvalidFormException(parse.problems);
        }
        return form;
    }

    static SheetGrid sheet(List<SheetGrid> sheets, String name) {
        return sheets.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    private static InvalidFormException problem(String path, String message) {
        return new InvalidFormException(List.of(new Problem(path, message)));
    }

    /** One pass over a sheet, collecting problems as it goes. */
    private static final class Parse {
        final SheetGrid sheet;
        final List<Problem> problems = new ArrayList<>();

        Parse(SheetGrid sheet) {
            this.sheet = sheet;
        }

        EvaluationForm form() {
            EvaluationForm f = new EvaluationForm();
            int header = find(SheetLabels.HEADER.get(0), 0);
            if (header < 0) {
                problems.add(new Problem(SheetLabels.FORM_SHEET, "找不到表头“项目名称”：请使用本系统导出的模板"));
                return f;
            }
            int h = header;
            f.setTitle(textAt(h, 1, "title", "项目名称"));
            f.setSupervisingDepartment(textAt(h, 3, "supervisingDepartment", "主管部门"));
            f.setUnit(textAt(h, 5, "unit", "实施单位"));
            f.setMoneyUnit(textAt(h, 7, "moneyUnit", "金额单位"));
            f.setRuleSet(textAt(h, 9, "ruleSet", "评分规则"));
            String type = textAt(h, 11, "formType", "评价表类型");
            try {
                f.setFormType(type == null ? null : FormType.valueOf(type.strip()));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("formType", at(h, 11) + "评价表类型应为 PROJECT 或 DEPARTMENT，收到“" + type + "”"));
            }
            if (f.getFormType() == null && type == null) {
                problems.add(new Problem("formType", at(h, 11) + "缺少评价表类型（PROJECT 或 DEPARTMENT）"));
            }
            BigDecimal year = numberAt(h, 13, "year", "年度", true);
            if (year != null) {
                if (year.stripTrailingZeros().scale() > 0 || year.intValue() < 1990 || year.intValue() > 2100) {
                    problems.add(new Problem("year", at(h, 13) + "年度应为 1990 到 2100 之间的整数"));
                } else {
                    f.setYear(year.intValue());
                }
            }
            int facts = find(FieldCatalogue.DEPARTMENT_FACTS.get(0).sheetLabel(), 0);
            if (facts >= 0) {
                int row = facts;
                for (int i = 0; i < FieldCatalogue.DEPARTMENT_FACTS.size(); i++) {
                    FieldCatalogue.Field<EvaluationForm> field = FieldCatalogue.DEPARTMENT_FACTS.get(i);
                    field.set(f, numberAt(row, 2 * i + 1, field.path(), field.label(), true));
                }
            }
            f.setBudgetLines(budget());
            f.setGoal(goal());
            f.setIndicators(indicators());
            int totals = find(SheetLabels.TOTAL, 0);
            if (totals >= 0) {
                int t = totals;
                f.setClaimedTotal(numberAt(t, 1, "claimedTotal", "自评总分", true));
                f.setClaimedGrade(textAt(t, 3, "claimedGrade", "自评等级"));
            }
            f.setSuggestions(suggestions());
            return f;
        }

        List<BudgetLine> budget() {
            List<BudgetLine> lines = new ArrayList<>();
            int head = find(SheetLabels.BUDGET.get(0), 0);
            if (head < 0) {
                problems.add(new Problem("budgetLines", "找不到“项目资金”表头（资金名称、类型……）"));
                return lines;
            }
            for (int r = head + 1; r <= sheet.lastRow() && !blankRow(r); r++) {
                int row = r;
                String p = "budgetLines[" + lines.size() + "].";
                BudgetLine l = new BudgetLine();
                readRow(row, p, SheetLabels.BUDGET_FIELDS, l);
                lines.add(l);
            }
            return lines;
        }

        /** One row's cells, a catalogue field per column; the budget line's 类型 is read by its label. */
        <T> void readRow(int row, String p, List<FieldCatalogue.Field<T>> fields, T target) {
            for (int column = 0; column < fields.size(); column++) {
                FieldCatalogue.Field<T> field = fields.get(column);
                String path = p + field.path();
                switch (field.kind()) {
                    case TEXT, TEXT_OR_NUMBER -> field.set(target, textAt(row, column, path, field.sheetLabel()));
                    case MONEY, NUMBER, COUNT -> field.set(target, numberAt(row, column, path, field.sheetLabel(), true));
                    case SIGNED_MONEY -> field.set(target, numberAt(row, column, path, field.sheetLabel(), false));
                    case CODE -> {
                        String code = textAt(row, column, path, field.sheetLabel());
                        if (!field.path().equals("role")) {
                            field.set(target, code);
                            continue;
                        }
                        int index = code == null ? -1 : Math.max(SheetLabels.ROLE_LABELS.indexOf(code.strip()),
                                SheetLabels.ROLES.indexOf(code.strip()));
                        if (index < 0) {
                            problems.add(new Problem(path, at(row, column) + "资金类型应为“合计”“资金来源”或“执行项”，收到“" + code + "”"));
                        } else {
                            field.set(target, SheetLabels.ROLES.get(index));
                        }
                    }
                    case NUMBER_LIST -> {
                        String list = textAt(row, column, path, field.sheetLabel());
                        if (list != null && !list.isBlank()) {
                            List<BigDecimal> values = new ArrayList<>();
                            for (String part : list.split("[,，]")) {
                                BigDecimal v = parse(part, path, at(row, column) + field.label(), true);
                                if (v != null) {
                                    values.add(v);
                                }
                            }
                            field.set(target, values);
                        }
                    }
                }
            }
        }

        Goal goal() {
            int head = find(SheetLabels.GOAL.get(0), 0);
            if (head < 0) {
                return null;
            }
            int row = head + 1;
            Goal g = new Goal();
            g.setExpected(textAt(row, 0, "goal.expected", "预期目标"));
            g.setActual(textAt(row, 1, "goal.actual", "实际完成情况"));
            return g.getExpected() == null && g.getActual() == null ? null : g;
        }

        List<Indicator> indicators() {
            List<Indicator> rows = new ArrayList<>();
            int head = find(SheetLabels.INDICATORS.get(0), 0);
            if (head < 0) {
                problems.add(new Problem("indicators", "找不到“绩效指标”表头（一级指标、二级指标……）"));
                return rows;
            }
            for (int r = head + 1; r <= sheet.lastRow() && !blankRow(r); r++) {
                int row = r;
                String name = raw(row, SheetLabels.INDICATORS.indexOf(FieldCatalogue.field(FieldCatalogue.INDICATOR, "name").sheetLabel()));
                if (name != null && name.startsWith(FieldCatalogue.SUB_ROW_MARK) && !rows.isEmpty()) {
                    Indicator parent = rows.get(rows.size() - 1);
                    String sp = "indicators[" + (rows.size() - 1) + "].subIndicators[" + parent.getSubIndicators().size() + "].";
                    SubIndicator sub = new SubIndicator();
                    for (FieldCatalogue.Field<SubIndicator> field : FieldCatalogue.SUB_INDICATOR) {
                        String value = textAt(row, SheetLabels.INDICATORS.indexOf(field.sheetLabel()), sp + field.path(), field.label());
                        if (field.path().equals("name") && value != null) {
                            value = value.substring(FieldCatalogue.SUB_ROW_MARK.length()).strip();
                            value = value.isEmpty() ? null : value;
                        }
                        field.set(sub, value);
                    }
                    parent.getSubIndicators().add(sub);
                    continue;
                }
                String p = "indicators[" + rows.size() + "].";
                Indicator ind = new Indicator();
                readRow(row, p, SheetLabels.INDICATOR_FIELDS, ind);
                if (ind.getDeviationReasons() == null) {
                    ind.setDeviationReasons(new DeviationReasons());
                }
                rows.add(ind);
            }
            return rows;
        }

        Suggestions suggestions() {
            Suggestions s = new Suggestions();
            int head = find(SheetLabels.SUGGESTIONS.get(0), 0);
            if (head >= 0) {
                for (int r = head + 1; r <= sheet.lastRow() && !blankRow(r); r++) {
                    int row = r;
                    String option = textAt(row, 0, "suggestions.selected", "结果应用建议");
                    if (SheetLabels.OVERALL.equals(option)) {
                        break;
                    }
                    s.getSelected().add(option);
                    String detail = textAt(row, 1, "suggestions.details", "具体建议内容");
                    if (detail != null) {
                        s.getDetails().put(option, detail);
                    }
                }
            }
            int overall = find(SheetLabels.OVERALL, 0);
            if (overall >= 0) {
                s.setOverall(textAt(overall, 1, "suggestions.overall", "总体意见"));
            }
            return s;
        }

        Report report() {
            Report report = new Report();
            int head = find(SheetLabels.REPORT.get(0), 0);
            if (head < 0) {
                return report;
            }
            for (int r = head + 1; r <= sheet.lastRow() && !blankRow(r); r++) {
                int row = r;
                String p = "report.sections[" + report.getSections().size() + "].";
                report.getSections().add(new ReportSection(textAt(row, 0, p + "heading", "章节标题"),
                        textAt(row, 1, p + "body", "正文")));
            }
            return report;
        }

        int find(String label, int column) {
            for (int r = 0; r <= sheet.lastRow(); r++) {
                if (label.equals(raw(r, column))) {
                    return r;
                }
            }
            return -1;
        }

        boolean blankRow(int r) {
            for (int c = 0; c < SheetLabels.INDICATORS.size(); c++) {
                String v = raw(r, c);
                if (v != null && !v.isBlank()) {
                    return false;
                }
            }
            return true;
        }

        String textAt(int row, int column, String path, String label) {
            SheetGrid.Value v = sheet.value(row, column);
            if (v == null) {
                return null;
            }
            return switch (v.kind()) {
                case TEXT, NUMBER -> emptyToNull(v.text());
                case BOOLEAN -> v.text().toLowerCase(java.util.Locale.ROOT);
                case ERROR -> {
                    problems.add(new Problem(path, at(row, column) + label + "无法读取"));
                    yield null;
                }
            };
        }

        BigDecimal numberAt(int row, int column, String path, String label, boolean nonNegative) {
            SheetGrid.Value v = sheet.value(row, column);
            if (v == null) {
                return null;
            }
            if (v.kind() == SheetGrid.Kind.NUMBER) {
                double d = v.number();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    problems.add(new Problem(path, at(row, column) + label + "不是有效数字"));
                    return null;
                }
                return check(BigDecimal.valueOf(d).stripTrailingZeros(), path, at(row, column) + label, nonNegative);
            }
            if (v.kind() == SheetGrid.Kind.TEXT) {
                return parse(v.text(), path, at(row, column) + label, nonNegative);
            }
            problems.add(new Problem(path, at(row, column) + label + "应为数字"));
            return null;
        }

        BigDecimal parse(String text, String path, String label, boolean nonNegative) {
            String s = text == null ? "" : text.strip();
            if (s.isEmpty()) {
                return null;
            }
            if (!s.matches("[+-]?\\d+(\\.\\d+)?")) {
                problems.add(new Problem(path, label + "应为数字，收到“" + text + "”"));
                return null;
            }
            return check(new BigDecimal(s), path, label, nonNegative);
        }

        BigDecimal check(BigDecimal value, String path, String label, boolean nonNegative) {
            if (value.abs().compareTo(MAX_NUMBER) > 0) {
                problems.add(new Problem(path, label + "数值过大，收到 " + value.toPlainString()));
                return null;
            }
            if (value.scale() > 6) {
                problems.add(new Problem(path, label + "最多保留 6 位小数，收到 " + value.toPlainString()));
                return null;
            }
            if (nonNegative && value.signum() < 0) {
                problems.add(new Problem(path, label + "不能为负数，收到 " + value.toPlainString()));
                return null;
            }
            return value.scale() < 0 ? value.setScale(0) : value;
        }

        /** The cell's own content as text (merged regions not followed): what labels are matched against. */
        String raw(int row, int column) {
            SheetGrid.Value v = sheet.raw(row, column);
            if (v == null) {
                return null;
            }
            return switch (v.kind()) {
                case TEXT -> v.text();
                case NUMBER -> String.valueOf(v.number());
                default -> null;
            };
        }

        String at(int row, int column) {
            return "第 " + (row + 1) + " 行（" + SheetGrid.address(row, column) + "）";
        }

        private static String emptyToNull(String s) {
            return s == null || s.isEmpty() ? null : s;
        }
    }
}
