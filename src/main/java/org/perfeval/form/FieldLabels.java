package org.perfeval.form;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.perfeval.exchange.FieldCatalogue;
import org.springframework.stereotype.Component;

/** Turns a field path such as indicators[3].weight into "指标第 4 行「分值」" for messages and diffs (labels from the field catalogue). */
@Component("fieldLabels")
public class FieldLabels {
    private static final Pattern ROW = Pattern.compile("(budgetLines|indicators|report\\.sections)\\[(\\d+)]\\.([\\w.]+)");
    private static final Map<String, String> BLOCKS = Map.of("budgetLines", "资金", "indicators", "指标",
            "report.sections", "报告第");
    /** Paths the field catalogue does not list: report sections and the suggestion checklist. */
    private static final Map<String, String> OTHERS = Map.of("report.sections.heading", "标题",
            "report.sections.body", "正文", "suggestions.selected", "结果应用建议");

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
            String field = name(m.group(1) + "." + m.group(3), m.group(3));
            return m.group(1).equals("report.sections") ? block + " " + row + " 节「" + field + "」"
                    : block + "第 " + row + " 行「" + field + "」";
        }
        String key = path.replaceAll("\\[\\d+]$", "");
        return "「" + name(key, path) + "」";
    }

    private static String name(String key, String fallback) {
        String label = FieldCatalogue.label(key);
        return label != null ? label : OTHERS.getOrDefault(key, fallback);
    }
}
