package org.perfeval.exchange.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.BudgetLineRole;
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
import org.perfeval.scoring.ScoringResult;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the exchange shape of docs/evaluation-form.md. Reading walks the whole document
 * and reports every problem with its path and a Chinese message naming the field, so that an import
 * is all or nothing and the user can fix everything at once.
 */
public final class ExchangeJson {
    static final int MAX_DEPTH = 20;
    static final int MAX_STRING_LENGTH = 1_000_000;
    static final BigDecimal MAX_NUMBER = new BigDecimal("1000000000000");

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(40).maxStringLength(MAX_STRING_LENGTH).build()).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();
    private static final ObjectMapper WRITER = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ExchangeJson() {
    }

    public static EvaluationForm readForm(String json) {
        JsonNode root;
        com.fasterxml.jackson.core.JsonParser parser = null;
        try {
            parser = MAPPER.createParser(json);
            root = MAPPER.readTree(parser);
        } catch (JsonProcessingException e) {
            if (parser != null && e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
                    && String.valueOf(e.getOriginalMessage()).startsWith("String value length")) {
                // A text past the parser's guard is a text too long, not broken JSON: say which field.
                String path = pathOf(parser);
                String label = FieldCatalogue.label(path.replaceAll("\\[\\d+]", ""));
                throw new InvalidFormException(List.of(new Problem(path, (label == null ? "有一项文字" : "「" + label + "」")
                        + "过长（超过 " + MAX_STRING_LENGTH + " 字），未能读取。请缩短后重试。")));
            }
            // The parser's own wording is English and about tokens; the user needs the place.
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : "：第 "
                    + e.getLocation().getLineNr() + " 行第 " + e.getLocation().getColumnNr() + " 列附近";
            throw new InvalidFormException(List.of(new Problem("", "不是有效的 JSON 文件" + where
                    + "格式有误（如缺少引号、逗号或括号，或文件不完整）。请用本系统导出的 JSON 修改后再导入。")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a string source has no I/O to fail
        }
        if (root == null || !root.isObject()) {
            throw new InvalidFormException(List.of(new Problem("", "评价表应为一个 JSON 对象 {…}")));
        }
        Walker walker = new Walker();
        EvaluationForm form = walker.form(root);
        if (walker.problems.isEmpty()) {
            walker.problems.addAll(FormLimits.check(form));
        }
        if (!walker.problems.isEmpty()) {
            throw new InvalidFormException(walker.problems);
        }
        return form;
    }

    /** Where the parser stopped, as a problem path ("/indicators/0/remark" → "indicators[0].remark"). */
    private static String pathOf(com.fasterxml.jackson.core.JsonParser parser) {
        StringBuilder path = new StringBuilder();
        for (String step : parser.getParsingContext().pathAsPointer().toString().split("/")) {
            if (step.matches("\\d+")) {
                path.append('[').append(step).append(']');
            } else if (!step.isEmpty()) {
                path.append(path.length() == 0 ? "" : ".").append(step);
            }
        }
        return path.toString();
    }

    public static String writeResult(ScoringResult result) {
        return write(result);
    }

    public static String writeForm(EvaluationForm form) {
        return write(form);
    }

    private static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Walks the tree field by field; collects problems instead of stopping at the first. */
    private static final class Walker {
        final List<Problem> problems = new ArrayList<>();

        EvaluationForm form(JsonNode n) {
            EvaluationForm f = new EvaluationForm();
            Set<String> known = new java.util.HashSet<>(Set.of("formType", "year", "title", "supervisingDepartment", "unit",
                    "ruleSet", "moneyUnit", "budgetLines", "goal", "indicators", "claimedTotal", "claimedGrade",
                    "suggestions", "report"));
            FieldCatalogue.DEPARTMENT_FACTS.forEach(field -> known.add(field.path()));
            fields(n, "", known);
            for (FieldCatalogue.Field<EvaluationForm> field : FieldCatalogue.DEPARTMENT_FACTS) {
                BigDecimal value = number(n, "", field.path(), field.label(), true);
                if (value != null && field.kind() == FieldCatalogue.Kind.COUNT && value.stripTrailingZeros().scale() > 0) {
                    problems.add(new Problem(field.path(), field.label() + " " + field.path() + " 应为整数，收到 " + value.toPlainString()));
                } else {
                    field.set(f, value);
                }
            }
            String type = text(n, "", "formType", "评价表类型");
            if (type == null) {
                problems.add(new Problem("formType", "缺少评价表类型 formType（PROJECT 项目支出 或 DEPARTMENT 部门整体）"));
            } else {
                try {
                    f.setFormType(FormType.valueOf(type));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem("formType", "评价表类型 formType 应为 PROJECT 或 DEPARTMENT，收到“" + type + "”"));
                }
            }
            BigDecimal year = number(n, "", "year", "年度", false);
            if (year != null) {
                if (year.stripTrailingZeros().scale() > 0 || year.compareTo(BigDecimal.valueOf(1990)) < 0
                        || year.compareTo(BigDecimal.valueOf(2100)) > 0) {
                    problems.add(new Problem("year", "年度 year 应为 1990 到 2100 之间的整数年份，收到 " + year.toPlainString()));
                } else {
                    f.setYear(year.intValue());
                }
            }
            f.setTitle(text(n, "", "title", "项目名称"));
            f.setSupervisingDepartment(text(n, "", "supervisingDepartment", "主管部门"));
            f.setUnit(text(n, "", "unit", "实施单位"));
            f.setRuleSet(text(n, "", "ruleSet", "评分规则"));
            f.setMoneyUnit(text(n, "", "moneyUnit", "金额单位"));
            f.setBudgetLines(list(n, "budgetLines", "项目资金", this::budgetLine));
            f.setIndicators(list(n, "indicators", "绩效指标", this::indicator));
            JsonNode goal = object(n, "", "goal", "年度总体目标");
            if (goal != null) {
                fields(goal, "goal.", Set.of("expected", "actual"));
                Goal g = new Goal();
                g.setExpected(text(goal, "goal.", "expected", "预期目标"));
                g.setActual(text(goal, "goal.", "actual", "实际完成情况"));
                f.setGoal(g);
            }
            f.setClaimedTotal(number(n, "", "claimedTotal", "自评总分", false));
            f.setClaimedGrade(text(n, "", "claimedGrade", "自评等级"));
            JsonNode suggestions = object(n, "", "suggestions", "结果应用建议");
            if (suggestions != null) {
                f.setSuggestions(suggestions(suggestions));
            }
            JsonNode report = object(n, "", "report", "绩效自评报告");
            if (report != null) {
                fields(report, "report.", Set.of("sections"));
                Report r = new Report();
                r.setSections(list(report, "report.sections", "报告章节", (at, s) -> {
                    fields(s, at + ".", Set.of("heading", "body"));
                    return new ReportSection(text(s, at + ".", "heading", "章节标题"), text(s, at + ".", "body", "章节正文"));
                }, "sections"));
                f.setReport(r);
            }
            return f;
        }

        BudgetLine budgetLine(String at, JsonNode n) {
            BudgetLine l = new BudgetLine();
            String p = at + ".";
            row(n, p, FieldCatalogue.BUDGET_LINE, Set.of(), l, (field, value) -> {
                if (field.path().equals("role")) {
                    String role = text(n, p, "role", field.label());
                    if (role == null) {
                        problems.add(new Problem(p + "role", "缺少资金类型 role（TOTAL、SOURCE 或 ITEM）"));
                        return;
                    }
                    try {
                        l.setRole(BudgetLineRole.valueOf(role));
                    } catch (IllegalArgumentException e) {
                        problems.add(new Problem(p + "role", "资金类型 role 应为 TOTAL（合计）、SOURCE（资金来源）或 ITEM（执行项），收到“" + role + "”"));
                    }
                }
            });
            return l;
        }

        Indicator indicator(String at, JsonNode n) {
            String p = at + ".";
            Indicator r = new Indicator();
            row(n, p, FieldCatalogue.INDICATOR, Set.of("subIndicators"), r, (field, value) -> {
                if (field.path().equals("operator")) {
                    String op = text(n, p, "operator", field.label());
                    if (op != null && !op.isBlank()) {
                        org.perfeval.scoring.Operator parsed = org.perfeval.scoring.Operator.of(op);
                        if (parsed == null) {
                            problems.add(new Problem(p + "operator", "运算符号 operator 应为 >=、>、<=、<、= 之一或留空，收到“" + op + "”"));
                        } else {
                            r.setOperator(parsed.code());
                        }
                    }
                }
            });
            JsonNode subs = n.get("subIndicators");
            if (subs != null && subs.isArray() && subs.size() > FieldCatalogue.MAX_SUB_INDICATORS) {
                problems.add(new Problem(p + "subIndicators", "分项指标 subIndicators 最多 "
                        + FieldCatalogue.MAX_SUB_INDICATORS + " 项，收到 " + subs.size() + " 项"));
            } else {
                r.setSubIndicators(list(n, p + "subIndicators", "分项指标", this::subIndicator, "subIndicators"));
            }
            return r;
        }

        SubIndicator subIndicator(String at, JsonNode n) {
            String p = at + ".";
            SubIndicator sub = new SubIndicator();
            row(n, p, FieldCatalogue.SUB_INDICATOR, Set.of(), sub, (field, value) -> {
                String op = text(n, p, "operator", field.label());
                if (op != null && !op.isBlank()) {
                    org.perfeval.scoring.Operator parsed = org.perfeval.scoring.Operator.of(op);
                    if (parsed == null) {
                        problems.add(new Problem(p + "operator", "分项运算符号 operator 应为 >=、>、<=、<、= 之一或留空，收到“" + op + "”"));
                    } else {
                        sub.setOperator(parsed.code());
                    }
                }
            });
            return sub;
        }

        /**
         * Reads the fields of one row as the catalogue lists them: unknown names are problems, nested
         * names ("deviationReasons.funding") are read from their object, codes go to {@code code}.
         */
        <T> void row(JsonNode n, String p, List<FieldCatalogue.Field<T>> fields, Set<String> lists, T row,
                     java.util.function.BiConsumer<FieldCatalogue.Field<T>, JsonNode> code) {
            Set<String> known = fields.stream().map(FieldCatalogue.Field::jsonName)
                    .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
            known.addAll(lists);
            fields(n, p, known);
            Map<String, JsonNode> groups = new LinkedHashMap<>();
            for (FieldCatalogue.Field<T> field : fields) {
                JsonNode node = n;
                String prefix = p;
                String name = field.path();
                int dot = name.indexOf('.');
                if (dot > 0) {
                    String group = name.substring(0, dot);
                    if (!groups.containsKey(group)) {
                        JsonNode object = object(n, p, group, FieldCatalogue.groupLabel(group));
                        if (object != null) {
                            fields(object, p + group + ".", fields.stream().filter(f -> f.path().startsWith(group + "."))
                                    .map(f -> f.path().substring(group.length() + 1))
                                    .collect(java.util.stream.Collectors.toSet()));
                        }
                        groups.put(group, object);
                    }
                    node = groups.get(group);
                    if (node == null) {
                        continue;
                    }
                    prefix = p + group + ".";
                    name = name.substring(dot + 1);
                }
                switch (field.kind()) {
                    case TEXT -> field.set(row, text(node, prefix, name, field.label()));
                    case TEXT_OR_NUMBER -> field.set(row, textOrNumber(node, prefix, name, field.label()));
                    case MONEY, NUMBER, COUNT -> field.set(row, number(node, prefix, name, field.label(), true));
                    case SIGNED_MONEY -> field.set(row, number(node, prefix, name, field.label(), false));
                    case CODE -> code.accept(field, node.get(name));
                    case NUMBER_LIST -> field.set(row, numberList(node, prefix, name, field));
                }
            }
        }

        <T> List<BigDecimal> numberList(JsonNode n, String p, String name, FieldCatalogue.Field<T> field) {
            JsonNode q = n.get(name);
            if (q == null || q.isNull()) {
                return null;
            }
            if (!q.isArray() || q.size() > field.maxLength()) {
                problems.add(new Problem(p + name, field.label() + " " + name + " 应为最多 " + field.maxLength() + " 个数字的数组"));
                return null;
            }
            List<BigDecimal> values = new ArrayList<>();
            for (int i = 0; i < q.size(); i++) {
                values.add(numberValue(q.get(i), p + name + "[" + i + "]", "第 " + (i + 1) + " 项" + field.label(), true));
            }
            return values;
        }

        Suggestions suggestions(JsonNode n) {
            fields(n, "suggestions.", Set.of("selected", "details", "overall"));
            Suggestions s = new Suggestions();
            JsonNode selected = n.get("selected");
            if (selected != null && !selected.isNull()) {
                if (!selected.isArray()) {
                    problems.add(new Problem("suggestions.selected", "结果应用建议 selected 应为文字数组"));
                } else {
                    for (int i = 0; i < selected.size(); i++) {
                        if (!selected.get(i).isTextual()) {
                            problems.add(new Problem("suggestions.selected[" + i + "]", "结果应用建议第 " + (i + 1) + " 项应为文字"));
                        } else {
                            s.getSelected().add(selected.get(i).asText());
                        }
                    }
                }
            }
            JsonNode details = n.get("details");
            if (details != null && !details.isNull()) {
                if (!details.isObject()) {
                    problems.add(new Problem("suggestions.details", "具体建议内容 details 应为 {选项: 文字} 对象"));
                } else {
                    Map<String, String> map = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        if (!e.getValue().isTextual() && !e.getValue().isNull()) {
                            problems.add(new Problem("suggestions.details." + e.getKey(), "“" + e.getKey() + "”的具体建议内容应为文字"));
                        } else if (e.getValue().isTextual()) {
                            map.put(e.getKey(), e.getValue().asText());
                        }
                    }
                    s.setDetails(map);
                }
            }
            s.setOverall(text(n, "suggestions.", "overall", "总体意见"));
            return s;
        }

        <T> List<T> list(JsonNode parent, String path, String label, java.util.function.BiFunction<String, JsonNode, T> item) {
            return list(parent, path, label, item, path);
        }

        <T> List<T> list(JsonNode parent, String path, String label,
                         java.util.function.BiFunction<String, JsonNode, T> item, String field) {
            List<T> out = new ArrayList<>();
            JsonNode array = parent.get(field);
            if (array == null || array.isNull()) {
                return out;
            }
            if (!array.isArray()) {
                problems.add(new Problem(path, label + " " + field + " 应为数组 […]"));
                return out;
            }
            if (array.size() > 500) {
                problems.add(new Problem(path, label + "行数过多（最多 500 行）"));
                return out;
            }
            for (int i = 0; i < array.size(); i++) {
                String at = path + "[" + i + "]";
                if (!array.get(i).isObject()) {
                    problems.add(new Problem(at, label + "第 " + (i + 1) + " 行应为对象 {…}"));
                    continue;
                }
                out.add(item.apply(at, array.get(i)));
            }
            return out;
        }

        JsonNode object(JsonNode n, String prefix, String field, String label) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isObject()) {
                problems.add(new Problem(prefix + field, label + " " + field + " 应为对象 {…}"));
                return null;
            }
            return v;
        }

        void fields(JsonNode n, String prefix, Set<String> known) {
            n.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    problems.add(new Problem(prefix + name, "未知字段“" + name + "”：请检查拼写（字段名见交换格式说明）"));
                }
            });
        }

        String text(JsonNode n, String prefix, String field, String label) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                problems.add(new Problem(prefix + field, label + " " + field + " 应为文字，收到 " + v.getNodeType().name().toLowerCase()));
                return null;
            }
            return v.asText();
        }

        /** Targets and actuals are text, but a bare JSON number is what the user meant as text. */
        String textOrNumber(JsonNode n, String prefix, String field, String label) {
            JsonNode v = n.get(field);
            if (v != null && v.isNumber()) {
                return v.decimalValue().toPlainString();
            }
            return text(n, prefix, field, label);
        }

        BigDecimal number(JsonNode n, String prefix, String field, String label, boolean nonNegative) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            return numberValue(v, prefix + field, label + " " + field, nonNegative);
        }

        BigDecimal numberValue(JsonNode v, String path, String label, boolean nonNegative) {
            BigDecimal value;
            if (v.isNumber()) {
                value = v.decimalValue();
            } else if (v.isTextual()) {
                String s = v.asText().strip();
                if (s.isEmpty()) {
                    return null;
                }
                if (!s.matches("[+-]?\\d+(\\.\\d+)?")) {
                    problems.add(new Problem(path, label + "应为数字，收到“" + v.asText() + "”"
                            + (s.chars().anyMatch(c -> c >= 0xFF10 && c <= 0xFF19) ? "（请使用半角数字）" : "")));
                    return null;
                }
                value = new BigDecimal(s);
            } else {
                problems.add(new Problem(path, label + "应为数字，收到 " + v.getNodeType().name().toLowerCase()));
                return null;
            }
            if (value.abs().compareTo(MAX_NUMBER) > 0) {
                problems.add(new Problem(path, label + "数值过大（不超过 10^12），收到 " + value.toPlainString()));
                return null;
            }
            if (value.stripTrailingZeros().scale() > 6) {
                problems.add(new Problem(path, label + "最多保留 6 位小数，收到 " + value.toPlainString()));
                return null;
            }
            if (nonNegative && value.signum() < 0) {
                problems.add(new Problem(path, label + "不能为负数，收到 " + value.toPlainString()));
                return null;
            }
            return value;
        }
    }

    /** Reads a file's bytes as UTF-8 JSON. */
    public static EvaluationForm readForm(byte[] bytes) {
        return readForm(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }
}
