package org.perfeval.web;

import java.util.Map;

import org.perfeval.form.FieldLabels;

/**
 * The Chinese label of a posted parameter, for messages about it. Form fields (indicators[0].weight)
 * take theirs from the field catalogue; the other posts' parameters are named here.
 */
final class ParameterLabels {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("reason", "退回原因"), Map.entry("file", "文件"), Map.entry("indicator", "对应指标"),
            Map.entry("decision", "审核结果"), Map.entry("opt", "审核意见"), Map.entry("options", "审核意见"), Map.entry("overallOpinion", "总体意见"),
            Map.entry("version", "版本号"), Map.entry("form", "评价表"), Map.entry("unit", "单位"),
            Map.entry("name", "名称"), Map.entry("fiscalYear", "年度"), Map.entry("formType", "表样类型"),
            Map.entry("fillDue", "填报截止日期"), Map.entry("supervisorDue", "主管部门审核截止日期"),
            Map.entry("financeDue", "财政部门审核截止日期"), Map.entry("title", "项目名称"),
            Map.entry("status", "状态"), Map.entry("note", "说明"), Map.entry("page", "页码"),
            Map.entry("username", "用户名"), Map.entry("displayName", "姓名"), Map.entry("role", "角色"),
            Map.entry("unitId", "单位"), Map.entry("email", "电子邮箱"), Map.entry("password", "密码"),
            Map.entry("campaign", "评价任务"), Map.entry("year", "年度"), Map.entry("budget", "预算金额"), Map.entry("id", "编号"), Map.entry("projects", "项目清单"),
            Map.entry("cc", "抄送人员"), Map.entry("ccUnit", "抄送单位"),
            Map.entry("ccNames", "抄送人员"), Map.entry("ccUnitNames", "抄送单位"), Map.entry("askedNames", "征求意见的对象"),
            Map.entry("kind", "查找类型"), Map.entry("returnLevel", "退回至审核层级"));

    private ParameterLabels() {
    }

    /** 「退回原因」, 指标第 1 行「分值」; a name nobody labelled stays as it is, in the corner brackets. */
    static String label(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return "";
        }
        if (parameter.startsWith("options[") && parameter.endsWith("]")) { // a review option's own text
            return "「" + parameter.substring("options[".length(), parameter.length() - 1) + "」的具体意见";
        }
        String known = LABELS.get(parameter);
        return known != null ? "「" + known + "」" : FieldLabels.label(parameter);
    }
}
