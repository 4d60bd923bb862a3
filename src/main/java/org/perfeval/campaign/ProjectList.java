package org.perfeval.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.perfeval.organisation.OrgUnit;
import org.perfeval.shared.FieldProblem;
import org.perfeval.shared.InvalidInputException;

/**
 * The projects of a campaign as the administrator lists them: one line each, 单位名称, 项目名称 and
 * optionally 预算金额 (万元), separated by tabs (cells pasted from Excel) or commas.
 */
final class ProjectList {
    static final int MAX_LINES = 2000;

    private ProjectList() {
    }

    /**
     * The first sheet of an uploaded workbook as the list's text, one line per sheet row (a heading row
     * and blank rows become empty lines), so that "第 N 行" in a refusal is the sheet's row N. Read like
     * every import: streaming, with the size and inflate limits.
     */
    static String fromSheet(byte[] bytes) {
        org.perfeval.exchange.excel.SheetGrid sheet;
        try {
            sheet = org.perfeval.exchange.excel.WorkbookCells.read(bytes).get(0);
        } catch (org.perfeval.exchange.json.InvalidFormException e) {
            throw new InvalidInputException("projectsFile", e.problems().isEmpty() ? "无法读取该 Excel 文件"
                    : e.problems().get(0).message());
        }
        if (sheet.lastRow() + 1 > MAX_LINES) {
            throw new InvalidInputException("projectsFile", "项目清单最多 " + MAX_LINES + " 行");
        }
        StringBuilder text = new StringBuilder();
        for (int row = 0; row <= sheet.lastRow(); row++) {
            String unit = sheet.text(row, 0);
            boolean heading = row == sheet.firstRow() && unit != null && unit.contains("单位");
            if (!heading && (unit != null || sheet.text(row, 1) != null)) {
                text.append(unit == null ? "" : unit).append('\t').append(nonNull(sheet.text(row, 1))).append('\t')
                        .append(nonNull(sheet.text(row, 2)));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    static List<FormAssignment> parse(String text, List<OrgUnit> units) {
        List<FormAssignment> projects = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return projects;
        }
        Map<String, OrgUnit> byName = units.stream().collect(Collectors.toMap(OrgUnit::name, Function.identity(),
                (a, b) -> a));
        List<FieldProblem> problems = new ArrayList<>();
        String[] lines = text.split("\\R");
        if (lines.length > MAX_LINES) {
            throw new InvalidInputException("projects", "项目清单最多 " + MAX_LINES + " 行");
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("\\t|,|，", -1);
            String at = "项目清单第 " + (i + 1) + " 行";
            if (cells.length < 2 || cells[1].isBlank()) {
                problems.add(new FieldProblem("projects", at + "应为“单位名称，项目名称，预算金额（可空）”"));
                continue;
            }
            OrgUnit unit = byName.get(cells[0].strip());
            if (unit == null) {
                problems.add(new FieldProblem("projects", at + "的单位「" + cells[0].strip() + "」不存在或不能填报"));
                continue;
            }
            String title = cells[1].strip();
            if (title.length() > 200) {
                problems.add(new FieldProblem("projects", at + "的项目名称不能超过 200 个字"));
                continue;
            }
            BigDecimal budget = null;
            if (cells.length > 2 && !cells[2].isBlank()) {
                try {
                    budget = new BigDecimal(cells[2].strip().replace("万元", "").strip());
                    if (budget.signum() < 0 || budget.compareTo(new BigDecimal("1000000000")) > 0) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    problems.add(new FieldProblem("projects", at + "的预算金额“" + cells[2].strip() + "”应为不小于 0 的数字（万元）"));
                    continue;
                }
            }
            projects.add(new FormAssignment(unit.id(), title, budget));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return projects;
    }
}
