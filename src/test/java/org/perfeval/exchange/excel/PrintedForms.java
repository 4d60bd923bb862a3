package org.perfeval.exchange.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.Indicator;

/**
 * Forms laid out as the provinces print them, made with POI for the layout tests: merged title and
 * label cells, two-row headers, header text wrapped over lines, first-level names merged down (or
 * printed once, lower in their run), padding rows and footnotes. Independent of the layout files on
 * purpose: these are the "paper", the layouts must find their way through them.
 */
public final class PrintedForms {
    private final Workbook book;
    private final Sheet sheet;
    private final CellStyle wrap;

    private PrintedForms(boolean xls, String sheetName) {
        book = xls ? new HSSFWorkbook() : new XSSFWorkbook();
        sheet = book.createSheet(sheetName);
        wrap = book.createCellStyle();
        wrap.setWrapText(true);
    }

    /** Seed 000's 项目支出绩效自评表 (Anhui, the national project form), filled with the form. */
    public static byte[] anhuiProject(EvaluationForm f, boolean xls, String extraIndicatorColumn) {
        PrintedForms p = new PrintedForms(xls, "Sheet1");
        p.text(0, 0, "项目支出绩效自评表 ").merge(0, 0, 0, 8);
        p.text(1, 0, "（" + f.getYear() + "年度）").merge(1, 1, 0, 8);
        p.text(2, 0, "项目名称").text(2, 1, f.getTitle() + "\u3000").merge(2, 2, 1, 8);
        p.text(3, 0, "主管部门").text(3, 1, f.getSupervisingDepartment()).merge(3, 3, 1, 3)
                .text(3, 4, "实施单位").text(3, 5, f.getUnit()).merge(3, 3, 5, 8);
        int r = 4;
        p.text(r, 0, "项目资金\n（万元）").text(r, 2, "年初预算数").text(r, 3, "全年预算数（A）").text(r, 4, "全年执行数（B）")
                .text(r, 5, "分值").text(r, 6, "执行率（B/A)").text(r, 7, "得分");
        List<BudgetLine> lines = new ArrayList<>(f.getBudgetLines());
        String[] printedNames = {"年度资金总额：", " 其中：本年财政拨款", "    上年结转资金", "       其他资金"};
        int first = r;
        for (int i = 0; i < 4; i++) {
            r++;
            BudgetLine l = i < lines.size() ? lines.get(i) : null;
            p.text(r, 1, l == null ? printedNames[i] : i == 0 ? l.getName() + "：" : " 其中：" + l.getName());
            if (l != null) {
                BudgetLine total = lines.get(0);
                p.number(r, 2, l.getInitialBudget()).number(r, 3, l.getAnnualBudget()).number(r, 4, l.getExecuted())
                        // The printed form repeats the total's weight, rate and score on the source row.
                        .number(r, 5, total.getWeight()).text(r, 6, percent(total.getStatedRate())).number(r, 7, total.getClaimedScore());
            }
        }
        p.merge(first, r, 0, 0);
        r++;
        p.text(r, 0, "年度总体目标完成情况").merge(r, r + 1, 0, 0).text(r, 1, "预期目标").merge(r, r, 1, 4)
                .text(r, 5, "实际完成情况").merge(r, r, 5, 8);
        r++;
        if (f.getGoal() != null) {
            p.text(r, 1, f.getGoal().getExpected()).merge(r, r, 1, 4).text(r, 5, f.getGoal().getActual()).merge(r, r, 5, 8);
        }
        r++;
        p.text(r, 0, "年度绩效指标完成情况").text(r, 1, "一级\n指标").text(r, 2, "二级指标").text(r, 3, "三级指标")
                .text(r, 4, "年度指标值").text(r, 5, "实际完成值").text(r, 6, "分值").text(r, 7, "得分")
                .text(r, 8, "偏差原因分析及改进措施");
        if (extraIndicatorColumn != null) {
            p.text(r, 9, extraIndicatorColumn);
        }
        int indicatorLabel = r + 1;
        // Rows as on paper: 生态效益 and 可持续影响 are printed under 效益指标 even when the form has none.
        List<Indicator> printed = new ArrayList<>(f.getIndicators());
        for (String sub : List.of("生态效益指标", "可持续影响指标")) {
            if (printed.stream().noneMatch(i -> sub.equals(i.getSubcategory()))) {
                Indicator blank = new Indicator();
                blank.setCategory("效益指标");
                blank.setSubcategory(sub);
                int at = 0;
                for (int i = 0; i < printed.size(); i++) {
                    if ("效益指标".equals(printed.get(i).getCategory())) {
                        at = i + 1;
                    }
                }
                printed.add(at, blank);
            }
        }
        Map<String, BigDecimal> categoryWeights = new LinkedHashMap<>();
        for (Indicator i : printed) {
            categoryWeights.merge(i.getCategory(), i.getWeight() == null ? BigDecimal.ZERO : i.getWeight(), BigDecimal::add);
        }
        int runStart = r + 1;
        for (int i = 0; i < printed.size(); i++) {
            r++;
            Indicator ind = printed.get(i);
            boolean startsRun = i == 0 || !Objects.equals(printed.get(i - 1).getCategory(), ind.getCategory());
            if (startsRun) {
                runStart = r;
                // "产\n出\n指\n标\n(50分)": one character per line, as the narrow printed column has it.
                String vertical = String.join("\n", ind.getCategory().split(""));
                p.text(r, 1, vertical + "\n(" + categoryWeights.get(ind.getCategory()).stripTrailingZeros().toPlainString() + "分)");
            }
            p.text(r, 2, wrapAt(ind.getSubcategory(), 4)).text(r, 3, ind.getName()).textOrNumber(r, 4, ind.getTarget())
                    .textOrNumber(r, 5, ind.getActual()).number(r, 6, ind.getWeight()).number(r, 7, ind.getClaimedScore())
                    .text(r, 8, ind.getImprovement());
            if (extraIndicatorColumn != null) {
                p.text(r, 9, "张三");
            }
            boolean endsRun = i == printed.size() - 1 || !Objects.equals(printed.get(i + 1).getCategory(), ind.getCategory());
            if (endsRun && r > runStart) {
                p.merge(runStart, r, 1, 1);
            }
        }
        p.merge(indicatorLabel, r, 0, 0);
        r++;
        BigDecimal weights = categoryWeights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        p.text(r, 0, "总分").number(r, 6, weights).number(r, 7, f.getClaimedTotal());
        r += 3;
        p.text(r, 0, "注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、服务对象满意度指标10分、预算资金执行率10分。").merge(r, r, 0, 8);
        p.text(r + 1, 0, "    2.定性指标根据指标完成情况分为：达成预期指标、部分达成预期指标并具有一定效果、未达成预期指标且效果较差三档。")
                .merge(r + 1, r + 1, 0, 8);
        return p.bytes();
    }

    /** shared/layouts/liaoning.md 部门（单位）整体绩效自评表, filled with the form. */
    public static byte[] liaoningDepartment(EvaluationForm f, boolean xls) {
        PrintedForms p = new PrintedForms(xls, "部门整体自评");
        p.text(0, 0, "部门（单位）整体绩效自评表").merge(0, 0, 0, 16);
        p.text(1, 0, "(" + f.getYear() + "年度)").merge(1, 1, 0, 16);
        p.text(2, 0, "部门（单位）名称").merge(2, 2, 0, 1).text(2, 2, f.getUnit()).merge(2, 2, 2, 16);
        p.text(3, 0, "部门年初预算收入金额").merge(3, 3, 0, 1).number(3, 2, f.getBudgetIncome()).merge(3, 3, 2, 16);
        p.text(4, 0, "部门年初预算支出金额").merge(4, 4, 0, 1).number(4, 2, f.getBudgetExpenditure()).merge(4, 4, 2, 16);
        int r = 5;
        p.text(r, 0, "年度\n主要\n任务").text(r, 1, "对应项目").merge(r, r, 1, 5).text(r, 6, "项目下达金额")
                .text(r, 7, "项目执行金额").text(r, 8, "项目执行率").text(r, 9, "分值").text(r, 10, "得分");
        int first = r;
        for (BudgetLine l : f.getBudgetLines()) {
            r++;
            p.text(r, 1, l.getName()).merge(r, r, 1, 5).number(r, 6, l.getAnnualBudget()).number(r, 7, l.getExecuted())
                    .text(r, 8, percent(l.getStatedRate())).number(r, 9, l.getWeight()).number(r, 10, l.getClaimedScore());
        }
        r++;
        // a padding row, left blank as printed forms have
        p.merge(first, r, 0, 0);
        r++;
        p.text(r, 0, "年度\n目标").merge(r, r + 1, 0, 0).text(r, 1, "年初总体目标").merge(r, r, 1, 5)
                .text(r, 6, "全年完成情况").merge(r, r, 6, 10);
        r++;
        if (f.getGoal() != null) {
            p.text(r, 1, f.getGoal().getExpected()).merge(r, r, 1, 5).text(r, 6, f.getGoal().getActual()).merge(r, r, 6, 10);
        }
        r++;
        String[] heads = {"一级\n指标", "二级\n指标", "三级\n指标", "运算\n符号", "指标\n值", "度量\n单位", "全年\n完成\n值", "完成\n程度", "分值", "得分"};
        for (int c = 0; c < heads.length; c++) {
            p.text(r, c + 1, heads[c]).merge(r, r + 1, c + 1, c + 1);
        }
        p.text(r, 11, "偏差原因分析").merge(r, r, 11, 15).text(r, 16, "改进措施").merge(r, r + 1, 16, 16);
        String[] reasons = {"经费保\n障原因\n分析", "制度保\n障原因\n分析", "人员保\n障原因\n分析", "硬件条\n件保障\n原因分\n析", "其他原\n因分析"};
        for (int i = 0; i < reasons.length; i++) {
            p.text(r + 1, 11 + i, reasons[i]);
        }
        r++;
        List<Indicator> rows = f.getIndicators();
        for (int i = 0; i < rows.size(); i++) {
            r++;
            Indicator ind = rows.get(i);
            boolean sameAsNext = i + 1 < rows.size() && Objects.equals(rows.get(i + 1).getCategory(), ind.getCategory());
            boolean sameAsPrevious = i > 0 && Objects.equals(rows.get(i - 1).getCategory(), ind.getCategory());
            // As the province prints it: a run's first-level name on its last row, the rows above blank.
            if (!sameAsNext) {
                p.text(r, 1, ind.getCategory());
            }
            if (!sameAsNext && !sameAsPrevious) {
                p.merge(r, r, 1, 1);
            }
            String op = ind.getOperator();
            String target = ind.getTarget();
            if (op != null && target != null && target.startsWith(op)) {
                target = target.substring(op.length());
            }
            p.text(r, 2, wrapAt(ind.getSubcategory(), 4)).text(r, 3, wrapAt(ind.getName(), 2)).text(r, 4, op)
                    .textOrNumber(r, 5, target).text(r, 6, ind.getUnitOfMeasure()).textOrNumber(r, 7, ind.getActual())
                    .text(r, 8, "100%").number(r, 9, ind.getWeight()).number(r, 10, ind.getClaimedScore())
                    .text(r, 16, ind.getImprovement());
            if (ind.getDeviationReasons() != null) {
                p.text(r, 11, ind.getDeviationReasons().getFunding()).text(r, 12, ind.getDeviationReasons().getInstitution())
                        .text(r, 13, ind.getDeviationReasons().getStaffing()).text(r, 14, ind.getDeviationReasons().getFacilities())
                        .text(r, 15, ind.getDeviationReasons().getOther());
            }
        }
        r++;
        p.text(r, 0, "自评总分").merge(r, r, 0, 9).number(r, 10, f.getClaimedTotal());
        p.text(r + 2, 0, "注：完成程度为全年完成值与指标值之比。").merge(r + 2, r + 2, 0, 16);
        return p.bytes();
    }

    /** A sheet of some other list entirely. */
    public static byte[] unrelated() {
        PrintedForms p = new PrintedForms(false, "通讯录");
        p.text(0, 0, "姓名").text(0, 1, "电话").text(0, 2, "地址");
        p.text(1, 0, "张三").text(1, 1, "13800000000").text(1, 2, "示例市");
        return p.bytes();
    }

    static String percent(BigDecimal rate) {
        return rate == null ? null : rate.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** Breaks a text over lines every {@code n} characters, as a narrow printed cell shows it. */
    static String wrapAt(String text, int n) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i += n) {
            out.append(i == 0 ? "" : "\n").append(text, i, Math.min(text.length(), i + n));
        }
        return out.toString();
    }

    PrintedForms text(int r, int c, String value) {
        if (value != null && !value.isEmpty()) {
            Cell cell = cell(r, c);
            cell.setCellValue(value);
            if (value.contains("\n")) {
                cell.setCellStyle(wrap);
            }
        }
        return this;
    }

    PrintedForms textOrNumber(int r, int c, String value) {
        if (value != null && value.matches("\\d+(\\.\\d+)?")) {
            return number(r, c, new BigDecimal(value));
        }
        return text(r, c, value);
    }

    PrintedForms number(int r, int c, BigDecimal value) {
        if (value != null) {
            cell(r, c).setCellValue(value.doubleValue());
        }
        return this;
    }

    PrintedForms merge(int r1, int r2, int c1, int c2) {
        if (r2 > r1 || c2 > c1) {
            sheet.addMergedRegion(new CellRangeAddress(r1, r2, c1, c2));
        }
        return this;
    }

    private Cell cell(int r, int c) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        return row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
    }

    private byte[] bytes() {
        try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
