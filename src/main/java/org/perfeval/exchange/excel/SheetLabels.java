package org.perfeval.exchange.excel;

import java.util.List;

/** The labels that mark each block of the sheet; the writer prints them and the reader looks for them. */
final class SheetLabels {
    static final String FORM_SHEET = "评价表";
    static final String REPORT_SHEET = "自评报告";

    static final List<String> HEADER = List.of("项目名称", "主管部门", "实施单位", "金额单位", "评分规则", "评价表类型", "年度");
    static final List<String> BUDGET = List.of("资金名称", "类型", "年初预算数", "目标申报数", "预算编制数", "全年预算数",
            "全年执行数", "结余", "执行率(%)", "分值", "得分", "季度支出进度(%)");
    static final List<String> GOAL = List.of("预期目标", "实际完成情况");
    static final List<String> INDICATORS = List.of("一级指标", "二级指标", "三级指标", "运算符号", "年度指标值",
            "调整后指标值", "度量单位", "实际完成值", "分值", "得分", "经费保障", "制度保障", "人员保障", "硬件条件保障",
            "其他原因", "原因说明", "改进措施", "上年实际完成值");
    static final String TOTAL = "自评总分";
    static final String GRADE = "自评等级";
    static final List<String> SUGGESTIONS = List.of("结果应用建议", "具体建议内容");
    static final String OVERALL = "总体意见";
    static final List<String> REPORT = List.of("章节标题", "正文");

    static final List<String> ROLES = List.of("TOTAL", "SOURCE", "ITEM");
    static final List<String> ROLE_LABELS = List.of("合计", "资金来源", "执行项");

    private SheetLabels() {
    }
}
