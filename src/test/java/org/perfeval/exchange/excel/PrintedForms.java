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
                        .number(r, 5, total.getWeight()).number(r, 7, total.getClaimedScore());
                // The total's rate as Excel keeps a percentage (0.75 shown "75.00%"), the source row's as typed text.
                if (i == 0) {
                    p.percentNumber(r, 6, total.getStatedRate());
                } else {
                    p.text(r, 6, percent(total.getStatedRate()));
                }
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

    /** The Liaoning 部门（单位）整体绩效自评表 (one row per budget line, two-row indicator header), filled with the form. */
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

    /** Seed 002 as printed, in the exchange format (test resource layouts/seed002-department.json; the scoring test reads it too). */
    public static EvaluationForm seed002() {
        try (var in = PrintedForms.class.getResourceAsStream("/layouts/seed002-department.json")) {
            return org.perfeval.exchange.json.ExchangeJson.readForm(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seed 002's 指标1 … 指标37: targets only, printed one per line beside the merged 产出 (1–30) and 效益 (31–37) rows. */
    static final List<String> SEED002_LINES = List.of("城乡居民基本医疗保险参保人数≥200万人", "基本医疗保障政策的调研次数1次",
            "全额资助参加城乡居民基本医疗保险", "医保运行分析项目数量≥1项", "开展医保基金监督检查次数≥3次", "按病种分值付费病种数≥4000个",
            "医疗服务价格评估次数≥1", "政策研究分析项目≥4", "医保经办重点工作完成率（运转工作）100%",
            "在二、三级医院和较大镇街卫生院等定点医疗机构配备专职驻院医保代表100%",
            "纳入监测的药品、医用耗材、医疗服务项目数（药品≥100项、医用耗材≥50项、医疗服务项目≥50项）", "病历专项抽查服务次数4次/年",
            "装修改造总面积≥874.28㎡", "宣传活动场次≥2场/年", "参保人政策范围内住院费用报销比例≥65%", "普遍开展门诊统筹",
            "基金滚存结余可支配月数（月）不低于3个", "医疗救助比例≥70%", "出具专项监督检查报告≥3", "国家药品集中采购任务完成率100%",
            "国家新版医保药品目录执行率100%", "工程验收合格率100%", "医疗机构年终预清算率100%", "协议医药机构稽查覆盖率100%",
            "当年各级财政补助资金到位率100%", "大病保险保费筹集完成率100%", "按规定及时调整医疗服务价格项目", "异地就医备案按时办结率≥90%",
            "工程施工完成及时率100%", "大病保险住院政策规定支付比例≥60%", "有效缓解困难群众医疗费用负担", "大发挥医保基金的社会功能（有所提高）",
            "法律纠纷发生数为0件", "服务社会发展能力有所提升", "宣传政策知晓率≥60%", "城乡居民参保对象满意度80%", "对经办服务投诉率≤10%");

    /** What a layout test can break in the Guangdong sheet. */
    public enum Guangdong {
        NO_TOTAL, MERGED_ACROSS_BLOCKS,
        /** 全年完成值 and 完成评级 printed for each 指标N line (met as targeted; the unquantified ones rated). */
        COMPLETION_COLUMN
    }

    /**
     * Seed 002's 部门整体支出绩效自评指标评分表 (Guangdong city) as a PDF turned into a sheet prints it:
     * title, 年度, 单位基本情况, the goal as six task lines beside six completion lines, the 年度部门预算情况
     * block with 总预算 over its split, then the scoring table with its header repeated at each page and
     * merged cells cut at every page break, the text of a merged cell printed in one of its parts (the
     * 产出 row's two-line name even in two parts, "部门整体绩效目标" above the break, "产出指标完成情况" below),
     * 指标1 … 指标37 one per line, 部门预算资金支出率 as a row of the table with its amount in the 备注,
     * a padding row, the 合计 row and a footnote. Filled with the form: its first two indicators are
     * the 产出 and 效益 rows (their texts split at line breaks over the pages), the budget line is the
     * 支出率 row, a name or 评分标准 ending "未印出）" is printed blank.
     */
    public static byte[] guangdongDepartment(EvaluationForm f, boolean xls, String unitCode, Guangdong... breaks) {
        List<Guangdong> broken = List.of(breaks);
        PrintedForms p = new PrintedForms(xls, "部门整体支出自评");
        p.text(0, 0, "部门整体支出绩效自评指标评分表(无专项资金)").merge(0, 0, 0, 11);
        p.text(1, 0, "年度: " + f.getYear() + "年").merge(1, 1, 0, 11);
        p.text(2, 0, "单位基本情况").merge(2, 2, 0, 11);
        p.text(3, 0, "单位名称").merge(3, 3, 0, 1).text(3, 2, f.getUnit()).merge(3, 3, 2, 5).text(3, 6, "编制总数").merge(3, 3, 6, 7)
                .text(3, 8, "（编制总数）合计:" + f.getAuthorisedStaff() + "(含3名雇员)\n行政(参公)编制数小计:37\n公益一类编制数小计:44\n公益二类编制数小计:0")
                .merge(3, 3, 8, 11);
        int r = 4;
        if (unitCode != null) {
            p.text(r, 0, "单位编码").merge(r, r, 0, 1).text(r, 2, unitCode).merge(r, r, 2, 11);
            r++;
        }
        String[] expected = f.getGoal().getExpected().split("\n");
        String[] actual = f.getGoal().getActual().split("\n");
        p.text(r, 0, "年度\n总目标").merge(r, r + expected.length - 1, 0, 0).text(r, 6, "完成情况").merge(r, r + expected.length - 1, 6, 6);
        for (int i = 0; i < expected.length; i++) {
            p.text(r + i, 1, expected[i]).merge(r + i, r + i, 1, 5).text(r + i, 7, actual[i]).merge(r + i, r + i, 7, 11);
        }
        r += expected.length;
        p.text(r, 0, "年度部门预算情况").merge(r, r + 3, 0, 0).text(r, 1, "总预算\n（万元）").merge(r, r + 2, 1, 1)
                .text(r, 2, "年度预算资金类别").merge(r, r, 2, 7)
                .text(r + 1, 2, "部门预算").merge(r + 1, r + 1, 2, 3).text(r + 1, 4, "专项资金").merge(r + 1, r + 1, 4, 5)
                .text(r + 1, 6, "业务发展支出").merge(r + 1, r + 1, 6, 7);
        String[] split = {"基本支出", "项目支出", "市本级资金", "其他来源资金", "市本级资金", "其他来源资金"};
        String[] amounts = {"2776.77", "7922.03", "394.49", "0", "6373.71", "13702.91"};
        for (int i = 0; i < split.length; i++) {
            p.text(r + 2, 2 + i, split[i]).number(r + 3, 2 + i, new BigDecimal(amounts[i]));
        }
        p.number(r + 3, 1, f.getBudgetExpenditure());
        r += 4;
        p.text(r, 0, "指标评分表").merge(r, r, 0, broken.contains(Guangdong.MERGED_ACROSS_BLOCKS) ? 10 : 11);
        r++;
        int header = r;

        // The table as lines; page breaks before some; merged runs cut at them.
        List<String[]> lines = new ArrayList<>();
        List<int[]> runs = new ArrayList<>();            // {column, first line, last line}
        List<List<Object[]>> runTexts = new ArrayList<>(); // per run: {line, text}
        Indicator output = f.getIndicators().get(0);
        Indicator effect = f.getIndicators().get(1);
        boolean completion = broken.contains(Guangdong.COMPLETION_COLUMN);
        for (int i = 0; i < SEED002_LINES.size(); i++) {
            String[] line = new String[14];
            line[8] = wrapAt("指标" + (i + 1) + "：" + SEED002_LINES.get(i), 12);
            if (completion) {
                java.util.regex.Matcher target = java.util.regex.Pattern.compile("[≥≤]?(\\d[^≥≤]*)$").matcher(SEED002_LINES.get(i));
                line[12] = target.find() ? target.group(1) : "已完成";
                line[13] = target.find(0) ? null : SEED002_LINES.get(i).equals("普遍开展门诊统筹") ? "良" : "达标";
            }
            lines.add(line);
        }
        String[] notes = output.getDeviationNote().split("\n");
        lines.get(7)[7] = notes[0];
        lines.get(10)[7] = notes[1];
        String[] standard = output.getScoringStandard().split("\n");
        run(runs, runTexts, 4, 0, 29, 1, "部门整体\n绩效目标", 11, "产出指标\n完成情况");
        run(runs, runTexts, 5, 0, 29, 1, plain(output.getWeight()), 11, plain(output.getWeight()));
        run(runs, runTexts, 6, 0, 29, 11, plain(output.getClaimedScore()));
        run(runs, runTexts, 9, 0, 29, 1, standard[0], 11, standard[1]);
        run(runs, runTexts, 10, 0, 29, 11, output.getEvidence());
        run(runs, runTexts, 4, 30, 36, 30, "部门整体\n绩效目标\n效益指标\n完成情况");
        run(runs, runTexts, 5, 30, 36, 30, plain(effect.getWeight()));
        run(runs, runTexts, 6, 30, 36, 30, plain(effect.getClaimedScore()));
        run(runs, runTexts, 9, 30, 36, 30, effect.getScoringStandard());
        BudgetLine spending = f.getBudgetLines().get(0);
        lines.add(new String[] {null, null, null, null, wrapAt(spending.getName(), 4), plain(spending.getWeight()),
                plain(spending.getClaimedScore()), null, "反映部门预算资金支出进度。",
                "1.按财政部门通报各部门各季度支出进度（含权责发生制资金）计算平均支出进度。\n2.平均支出进度>=62.5%的，得满分；平均支出进度<62.5%的，得分=平均支出进度÷62.5%×本指标分值。",
                "请提供相关作证材料。", spending.getExecuted() == null ? null
                : "2023年部门整体支出\n" + plain(spending.getExecuted()) + "万元，支出率\n达98.34%。"});
        int firstOwn = lines.size();
        run(runs, runTexts, 0, 0, firstOwn - 1, 15, output.getCategory());
        run(runs, runTexts, 1, 0, firstOwn - 1, 15, "50");
        run(runs, runTexts, 2, 0, firstOwn - 1, 15, wrapAt(output.getSubcategory(), 3));
        run(runs, runTexts, 3, 0, firstOwn - 1, 15, "50");
        List<Indicator> own = f.getIndicators().subList(2, f.getIndicators().size());
        for (Indicator ind : own) {
            lines.add(new String[] {null, null, null, null, wrapAt(printed(ind.getName()), 4), plain(ind.getWeight()),
                    plain(ind.getClaimedScore()), ind.getDeviationNote(), "反映" + (printed(ind.getName()) == null ? "采购意向公开" : ind.getName()) + "情况。",
                    printed(ind.getScoringStandard()), ind.getEvidence(), ind.getRemark()});
        }
        int last = lines.size() - 1;
        run(runs, runTexts, 0, firstOwn, last, (firstOwn + last) / 2, own.get(0).getCategory());
        run(runs, runTexts, 1, firstOwn, last, (firstOwn + last) / 2, "50");
        for (int i = 0; i < own.size(); ) {
            int j = i;
            BigDecimal weight = BigDecimal.ZERO;
            while (j < own.size() && Objects.equals(own.get(j).getSubcategory(), own.get(i).getSubcategory())) {
                weight = weight.add(own.get(j).getWeight());
                j++;
            }
            int at = firstOwn + (i + j - 1) / 2;
            run(runs, runTexts, 2, firstOwn + i, firstOwn + j - 1, at, wrapAt(own.get(i).getSubcategory(), 3));
            run(runs, runTexts, 3, firstOwn + i, firstOwn + j - 1, at, plain(weight));
            i = j;
        }
        // Pages: 指标1 | 指标2–11 | 指标12–28 | 指标29–37, 支出率, 预算编制 | … as the seed's PDF breaks them.
        java.util.Set<Integer> pageStarts = new java.util.HashSet<>(List.of(0, 1, 11, 28));
        for (int i = 0; i < own.size(); i++) {
            if (List.of("预算编制约束性", "绩效管理制度建设", "采购合同签订时效性", "资产管理合规性").contains(own.get(i).getName())) {
                pageStarts.add(firstOwn + i);
            }
        }
        int[] rowOf = new int[lines.size()];
        java.util.Set<Integer> headerRows = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (pageStarts.contains(i)) {
                p.guangdongHeader(r, completion);
                headerRows.add(r);
                r++;
            }
            rowOf[i] = r;
            String[] line = lines.get(i);
            for (int c = 0; c < line.length; c++) {
                if (c == 1 || c == 3 || c == 5 || c == 6) {
                    p.textOrNumber(r, c, line[c]);
                } else {
                    p.text(r, c, line[c]);
                }
            }
            r++;
        }
        for (int k = 0; k < runs.size(); k++) {
            int[] run = runs.get(k);
            // The run's parts: the rows it spans, cut where a header row was printed.
            List<int[]> parts = new ArrayList<>();
            for (int i = run[1]; i <= run[2]; i++) {
                if (parts.isEmpty() || pageStarts.contains(i)) {
                    parts.add(new int[] {rowOf[i], rowOf[i], i});
                } else {
                    parts.get(parts.size() - 1)[1] = rowOf[i];
                }
            }
            for (int[] part : parts) {
                p.merge(part[0], part[1], run[0], run[0]);
            }
            for (Object[] t : runTexts.get(k)) {
                int line = (Integer) t[0];
                int[] part = parts.stream().filter(x -> x[0] <= rowOf[line] && rowOf[line] <= x[1]).findFirst().orElseThrow();
                if (run[0] == 1 || run[0] == 3 || run[0] == 5 || run[0] == 6) {
                    p.textOrNumber(part[0], run[0], (String) t[1]);
                } else {
                    p.text(part[0], run[0], (String) t[1]);
                }
            }
        }
        p.text(r, 4, " ");
        r++;
        if (!broken.contains(Guangdong.NO_TOTAL)) {
            p.text(r, 0, "合计").number(r, 1, new BigDecimal(100)).number(r, 3, new BigDecimal(100)).number(r, 5, new BigDecimal(100))
                    .number(r, 6, f.getClaimedTotal());
            r++;
        }
        p.text(r + 1, 0, "注：得分按各指标评分标准填写；佐证材料另附。").merge(r + 1, r + 1, 0, 11);
        if (broken.contains(Guangdong.MERGED_ACROSS_BLOCKS)) {
            // A cell of the budget block merged down into the scoring table's header: which block it meant cannot be told.
            p.merge(header - 4, header, 11, 11);
        }
        return p.bytes();
    }

    private void guangdongHeader(int r, boolean completion) {
        if (completion) {
            text(r, 12, "全年\n完成值").text(r, 13, "完成\n评级");
        }
        String[] heads = {"一级指标", "分值", "二级指\n标", "分值", "三级指标", "分值", "得分/自\n评分", "评分依据、未达\n标原因、改进措\n施",
                "指标解释", "评分标准", "参考佐证材料\n（说明：本栏佐证材料供参考，部门只要能证明对应指标即可，不用全部提供。）", "备注"};
        for (int c = 0; c < heads.length; c++) {
            text(r, c, heads[c]);
        }
    }

    private static void run(List<int[]> runs, List<List<Object[]>> texts, int column, int first, int last, Object... at) {
        runs.add(new int[] {column, first, last});
        List<Object[]> t = new ArrayList<>();
        for (int i = 0; i < at.length; i += 2) {
            if (at[i + 1] != null) {
                t.add(new Object[] {at[i], at[i + 1]});
            }
        }
        texts.add(t);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /** A value the form marks as not printed ("（三级指标名称未印出）") is a blank cell on paper. */
    private static String printed(String value) {
        return value == null || value.endsWith("未印出）") ? null : value;
    }

    /**
     * A workbook of many printed forms: each entry a sheet, its forms (printed .xlsx files) copied one
     * below the other with two blank rows between, values and merged cells as they were.
     */
    public static byte[] workbook(Map<String, List<byte[]>> sheets) {
        PrintedForms p = new PrintedForms(false, "说明");
        p.text(0, 0, "本文件汇总各单位 " + sheets.size() + " 个工作表的自评表。");
        for (Map.Entry<String, List<byte[]>> entry : sheets.entrySet()) {
            Sheet target = p.book.createSheet(entry.getKey());
            int offset = 0;
            for (byte[] printed : entry.getValue()) {
                try (Workbook source = new XSSFWorkbook(new java.io.ByteArrayInputStream(printed))) {
                    Sheet from = source.getSheetAt(0);
                    for (Row row : from) {
                        Row to = target.createRow(row.getRowNum() + offset);
                        for (Cell cell : row) {
                            Cell copy = to.createCell(cell.getColumnIndex());
                            switch (cell.getCellType()) {
                                case NUMERIC -> {
                                    copy.setCellValue(cell.getNumericCellValue());
                                    String format = cell.getCellStyle().getDataFormatString();
                                    if (format != null && format.contains("%")) {
                                        CellStyle style = p.book.createCellStyle();
                                        style.setDataFormat(p.book.createDataFormat().getFormat(format));
                                        copy.setCellStyle(style);
                                    }
                                }
                                case STRING -> copy.setCellValue(cell.getStringCellValue());
                                default -> { }
                            }
                        }
                    }
                    for (CellRangeAddress region : from.getMergedRegions()) {
                        target.addMergedRegion(new CellRangeAddress(region.getFirstRow() + offset, region.getLastRow() + offset,
                                region.getFirstColumn(), region.getLastColumn()));
                    }
                    offset += from.getLastRowNum() + 3;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
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

    PrintedForms percentNumber(int r, int c, BigDecimal percent) {
        if (percent != null) {
            Cell cell = cell(r, c);
            cell.setCellValue(percent.movePointLeft(2).doubleValue());
            CellStyle style = book.createCellStyle();
            style.setDataFormat(book.createDataFormat().getFormat("0.00%"));
            cell.setCellStyle(style);
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
