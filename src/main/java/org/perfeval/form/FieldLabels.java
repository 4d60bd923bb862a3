package org.perfeval.form;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/** Turns a field path such as indicators[3].weight into "指标第 4 行「分值」" for messages and diffs. */
@Component("fieldLabels")
public class FieldLabels {
    private static final Pattern ROW = Pattern.compile("(budgetLines|indicators|report\\.sections)\\[(\\d+)]\\.([\\w.]+)");
    private static final Map<String, String> BLOCKS = Map.of("budgetLines", "资金", "indicators", "指标",
            "report.sections", "报告第");
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("initialBudget", "年初预算数"), Map.entry("declaredBudget", "目标申报数"),
            Map.entry("compiledBudget", "预算编制数"), Map.entry("annualBudget", "全年预算数"),
            Map.entry("executed", "全年执行数"), Map.entry("balance", "结余"), Map.entry("statedRate", "执行率"),
            Map.entry("weight", "分值"), Map.entry("claimedScore", "得分"), Map.entry("claimedTotal", "自评总分"),
            Map.entry("claimedGrade", "自评等级"), Map.entry("role", "类型"),
            Map.entry("name", "名称"), Map.entry("target", "年度指标值"), Map.entry("actual", "实际完成值"),
            Map.entry("adjustedTarget", "调整后指标值"), Map.entry("unitOfMeasure", "度量单位"),
            Map.entry("operator", "运算符号"), Map.entry("category", "一级指标"), Map.entry("subcategory", "二级指标"),
            Map.entry("deviationNote", "原因说明"), Map.entry("improvement", "改进措施"),
            Map.entry("deviationReasons.funding", "经费保障"), Map.entry("deviationReasons.institution", "制度保障"),
            Map.entry("deviationReasons.staffing", "人员保障"), Map.entry("deviationReasons.facilities", "硬件条件保障"),
            Map.entry("deviationReasons.other", "其他原因"), Map.entry("heading", "标题"), Map.entry("body", "正文"),
            Map.entry("goal.expected", "年度总体目标（预期目标）"), Map.entry("goal.actual", "年度总体目标（实际完成情况）"),
            Map.entry("suggestions.overall", "结果应用建议（总体意见）"), Map.entry("suggestions.selected", "结果应用建议"),
            Map.entry("moneyUnit", "金额单位"), Map.entry("title", "项目名称"));

    public String describe(String path) {
        return label(path);
    }

    public static String label(String path) {
        String plain = path.replaceAll("^suggestions\\.details\\.", "结果应用建议：");
        if (!plain.equals(path)) {
            return plain;
        }
        Matcher m = ROW.matcher(path.replaceAll("^(suggestions\\.selected)\\[\\d+]$", "$1"));
        if (m.matches()) {
            String block = BLOCKS.get(m.group(1));
            int row = Integer.parseInt(m.group(2)) + 1;
            String field = NAMES.getOrDefault(m.group(3), m.group(3));
            return m.group(1).equals("report.sections") ? block + " " + row + " 节「" + field + "」"
                    : block + "第 " + row + " 行「" + field + "」";
        }
        String key = path.replaceAll("\\[\\d+]$", "");
        return "「" + NAMES.getOrDefault(key, path) + "」";
    }
}
