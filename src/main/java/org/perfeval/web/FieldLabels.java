package org.perfeval.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a field path such as indicators[3].weight into "指标第 4 行「分值」" for messages. */
final class FieldLabels {
    private static final Pattern ROW = Pattern.compile("(budgetLines|indicators)\\[(\\d+)]\\.(\\w+)");
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("initialBudget", "年初预算数"), Map.entry("declaredBudget", "目标申报数"),
            Map.entry("compiledBudget", "预算编制数"), Map.entry("annualBudget", "全年预算数"),
            Map.entry("executed", "全年执行数"), Map.entry("balance", "结余"), Map.entry("statedRate", "执行率"),
            Map.entry("weight", "分值"), Map.entry("claimedScore", "得分"), Map.entry("claimedTotal", "自评总分"),
            Map.entry("name", "名称"), Map.entry("target", "年度指标值"), Map.entry("actual", "实际完成值"));

    private FieldLabels() {
    }

    static String describe(String path) {
        Matcher m = ROW.matcher(path);
        if (m.matches()) {
            String block = m.group(1).equals("budgetLines") ? "资金" : "指标";
            return block + "第 " + (Integer.parseInt(m.group(2)) + 1) + " 行「" + NAMES.getOrDefault(m.group(3), m.group(3)) + "」";
        }
        return "「" + NAMES.getOrDefault(path, path) + "」";
    }
}
