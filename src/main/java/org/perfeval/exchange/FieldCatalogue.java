package org.perfeval.exchange;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every field of a form, listed once: its exchange path (the JSON name of docs/evaluation-form.md,
 * which the provincial sheet layouts map header texts to), its Chinese label, its limit, its Excel
 * heading, its PDF heading and its database column. Labels in messages, the limits check, the JSON
 * reader, the Excel reader and writer, the PDF and the row writer all take their field lists from here.
 */
public final class FieldCatalogue {

    /** How a value is held and checked. */
    public enum Kind {
        /** Free text up to {@code maxLength} characters. */
        TEXT,
        /** Text, but a bare number in JSON or Excel is taken as its text (targets, actuals). */
        TEXT_OR_NUMBER,
        /** A non-negative amount of money, at most {@link FormLimits#MAX_MONEY}. */
        MONEY,
        /** An amount that may be negative (a printed balance), at most MAX_MONEY either way. */
        SIGNED_MONEY,
        /** A non-negative number up to {@code max} (weights, scores, rates). */
        NUMBER,
        /** A non-negative whole number up to {@code max} (head counts). */
        COUNT,
        /** One of a fixed set of codes (role, operator): read and checked by the caller. */
        CODE,
        /** A short list of numbers (quarterly progress), written "12.5,30,60,95" in a cell. */
        NUMBER_LIST
    }

    /**
     * One field of a row type T. {@code path} is relative to the row (e.g. "deviationReasons.funding"),
     * {@code sheetLabel} null when the form sheet has no column for it, {@code pdfLabel} null when the
     * published PDF does not show it, {@code column} null when it is not a column of the row's table.
     */
    public record Field<T>(String path, String label, Kind kind, int maxLength, BigDecimal max, String sheetLabel,
                           String pdfLabel, String column, Function<T, Object> getter, BiConsumer<T, Object> setter) {

        public Object get(T row) {
            return getter.apply(row);
        }

        public void set(T row, Object value) {
            setter.accept(row, value);
        }

        public boolean numeric() {
            return kind == Kind.MONEY || kind == Kind.SIGNED_MONEY || kind == Kind.NUMBER || kind == Kind.COUNT;
        }

        public boolean textual() {
            return kind == Kind.TEXT || kind == Kind.TEXT_OR_NUMBER || kind == Kind.CODE;
        }

        /** The JSON name of the field's first level ("deviationReasons" for "deviationReasons.funding"). */
        public String jsonName() {
            int dot = path.indexOf('.');
            return dot < 0 ? path : path.substring(0, dot);
        }
    }

    private static final BigDecimal SCORE_MAX = new BigDecimal("100");
    private static final BigDecimal RATE_MAX = new BigDecimal("10000");
    private static final BigDecimal STAFF_MAX = new BigDecimal("10000000");

    /** The form's own fields (header, goal, totals), in the order of the sheet's header row first. */
    public static final List<Field<EvaluationForm>> FORM = List.of(
            text("title", "项目名称", 200, "项目名称", "项目名称", EvaluationForm::getTitle, EvaluationForm::setTitle),
            text("supervisingDepartment", "主管部门", 200, "主管部门", "主管部门",
                    EvaluationForm::getSupervisingDepartment, EvaluationForm::setSupervisingDepartment),
            text("unit", "实施单位", 200, "实施单位", "实施单位", EvaluationForm::getUnit, EvaluationForm::setUnit),
            text("moneyUnit", "金额单位", 20, "金额单位", "金额单位", EvaluationForm::getMoneyUnit, EvaluationForm::setMoneyUnit),
            text("ruleSet", "评分规则", 100, "评分规则", "评分规则", EvaluationForm::getRuleSet, EvaluationForm::setRuleSet),
            new Field<>("formType", "评价表类型", Kind.CODE, 20, null, "评价表类型", null, null,
                    f -> f.getFormType(), (f, v) -> f.setFormType((FormType) v)),
            new Field<>("year", "年度", Kind.COUNT, 0, BigDecimal.valueOf(2100), "年度", null, null,
                    f -> f.getYear() == null ? null : BigDecimal.valueOf(f.getYear()),
                    (f, v) -> f.setYear(v == null ? null : ((BigDecimal) v).intValue())),
            text("goal.expected", "年度总体目标（预期目标）", 5000, "预期目标", "年度总体目标：预期目标",
                    f -> f.getGoal() == null ? null : f.getGoal().getExpected(), (f, v) -> goal(f).setExpected(v)),
            text("goal.actual", "年度总体目标（实际完成情况）", 5000, "实际完成情况", "实际完成情况",
                    f -> f.getGoal() == null ? null : f.getGoal().getActual(), (f, v) -> goal(f).setActual(v)),
            number("claimedTotal", "自评总分", Kind.NUMBER, new BigDecimal("1000"), "自评总分", "总分", null,
                    EvaluationForm::getClaimedTotal, EvaluationForm::setClaimedTotal),
            text("claimedGrade", "自评等级", 8, "自评等级", "等级", EvaluationForm::getClaimedGrade, EvaluationForm::setClaimedGrade),
            text("suggestions.overall", "结果应用建议（总体意见）", 2000, "总体意见", "总体意见",
                    f -> f.getSuggestions() == null ? null : f.getSuggestions().getOverall(),
                    (f, v) -> suggestions(f).setOverall(v)),
            number("budgetIncome", "部门年初预算收入金额", Kind.MONEY, FormLimits.MAX_MONEY, "部门年初预算收入金额",
                    "部门年初预算收入金额", null, EvaluationForm::getBudgetIncome, EvaluationForm::setBudgetIncome),
            number("budgetExpenditure", "部门年初预算支出金额", Kind.MONEY, FormLimits.MAX_MONEY, "部门年初预算支出金额",
                    "部门年初预算支出金额", null, EvaluationForm::getBudgetExpenditure, EvaluationForm::setBudgetExpenditure),
            number("authorisedStaff", "编制数", Kind.COUNT, STAFF_MAX, "编制数", "编制数", null,
                    EvaluationForm::getAuthorisedStaff, EvaluationForm::setAuthorisedStaff),
            number("actualStaff", "实有人数", Kind.COUNT, STAFF_MAX, "实有人数", "实有人数", null,
                    EvaluationForm::getActualStaff, EvaluationForm::setActualStaff));

    /** The department form's 部门预算 and 单位基本情况 fields, printed as one labelled row of the sheet. */
    public static final List<Field<EvaluationForm>> DEPARTMENT_FACTS = FORM.subList(FORM.size() - 4, FORM.size());

    /** A row of the budget block, in the order of the sheet's columns. */
    public static final List<Field<BudgetLine>> BUDGET_LINE = List.of(
            text("name", "名称", 200, "资金名称", "项目资金", "name", BudgetLine::getName, BudgetLine::setName),
            new Field<>("role", "类型", Kind.CODE, 10, null, "类型", null, "role",
                    l -> l.getRole() == null ? null : l.getRole().name(),
                    (l, v) -> l.setRole(v == null ? null : BudgetLineRole.valueOf((String) v))),
            money("initialBudget", "年初预算数", "年初预算数", "initial_budget", BudgetLine::getInitialBudget, BudgetLine::setInitialBudget),
            money("declaredBudget", "目标申报数", null, "declared_budget", BudgetLine::getDeclaredBudget, BudgetLine::setDeclaredBudget),
            money("compiledBudget", "预算编制数", null, "compiled_budget", BudgetLine::getCompiledBudget, BudgetLine::setCompiledBudget),
            money("annualBudget", "全年预算数", "全年预算数", "annual_budget", BudgetLine::getAnnualBudget, BudgetLine::setAnnualBudget),
            money("executed", "全年执行数", "全年执行数", "executed", BudgetLine::getExecuted, BudgetLine::setExecuted),
            number("balance", "结余", Kind.SIGNED_MONEY, FormLimits.MAX_MONEY, "结余", null, "balance",
                    BudgetLine::getBalance, BudgetLine::setBalance),
            number("statedRate", "执行率", Kind.NUMBER, RATE_MAX, "执行率(%)", "执行率", "stated_rate",
                    BudgetLine::getStatedRate, BudgetLine::setStatedRate),
            number("weight", "分值", Kind.NUMBER, SCORE_MAX, "分值", "分值", "weight", BudgetLine::getWeight, BudgetLine::setWeight),
            number("claimedScore", "得分", Kind.NUMBER, SCORE_MAX, "得分", "得分", "claimed_score",
                    BudgetLine::getClaimedScore, BudgetLine::setClaimedScore),
            new Field<>("quarterlyProgress", "季度支出进度", Kind.NUMBER_LIST, 4, RATE_MAX, "季度支出进度(%)", null,
                    "quarterly_progress", BudgetLine::getQuarterlyProgress,
                    (l, v) -> l.setQuarterlyProgress(castList(v))),
            text("task", "年度主要任务", 500, "年度主要任务", "年度主要任务", "task", BudgetLine::getTask, BudgetLine::setTask),
            text("project", "对应项目", 200, "对应项目", "对应项目", "project", BudgetLine::getProject, BudgetLine::setProject));

    /** A 三级指标 row, in the order of the sheet's columns. */
    public static final List<Field<Indicator>> INDICATOR = List.of(
            text("category", "一级指标", 100, "一级指标", "一级指标", "category", Indicator::getCategory, Indicator::setCategory),
            text("subcategory", "二级指标", 100, "二级指标", "二级指标", "subcategory", Indicator::getSubcategory, Indicator::setSubcategory),
            text("name", "三级指标", 200, "三级指标", "三级指标", "name", Indicator::getName, Indicator::setName),
            new Field<>("operator", "运算符号", Kind.CODE, 8, null, "运算符号", null, "operator",
                    Indicator::getOperator, (r, v) -> r.setOperator((String) v)),
            textOrNumber("target", "年度指标值", 500, "年度指标值", "年度指标值", "target", Indicator::getTarget, Indicator::setTarget),
            textOrNumber("adjustedTarget", "调整后指标值", 500, "调整后指标值", null, "adjusted_target",
                    Indicator::getAdjustedTarget, Indicator::setAdjustedTarget),
            text("unitOfMeasure", "度量单位", 50, "度量单位", null, "unit_of_measure", Indicator::getUnitOfMeasure,
                    Indicator::setUnitOfMeasure),
            textOrNumber("actual", "实际完成值", 500, "实际完成值", "实际完成值", "actual", Indicator::getActual, Indicator::setActual),
            number("weight", "分值", Kind.NUMBER, SCORE_MAX, "分值", "分值", "weight", Indicator::getWeight, Indicator::setWeight),
            number("claimedScore", "得分", Kind.NUMBER, SCORE_MAX, "得分", "得分", "claimed_score",
                    Indicator::getClaimedScore, Indicator::setClaimedScore),
            text("deviationReasons.funding", "经费保障", 2000, "经费保障", null, "reason_funding",
                    r -> reason(r, DeviationReasons::getFunding), (r, v) -> reasons(r).setFunding(v)),
            text("deviationReasons.institution", "制度保障", 2000, "制度保障", null, "reason_institution",
                    r -> reason(r, DeviationReasons::getInstitution), (r, v) -> reasons(r).setInstitution(v)),
            text("deviationReasons.staffing", "人员保障", 2000, "人员保障", null, "reason_staffing",
                    r -> reason(r, DeviationReasons::getStaffing), (r, v) -> reasons(r).setStaffing(v)),
            text("deviationReasons.facilities", "硬件条件保障", 2000, "硬件条件保障", null, "reason_facilities",
                    r -> reason(r, DeviationReasons::getFacilities), (r, v) -> reasons(r).setFacilities(v)),
            text("deviationReasons.other", "其他原因", 2000, "其他原因", null, "reason_other",
                    r -> reason(r, DeviationReasons::getOther), (r, v) -> reasons(r).setOther(v)),
            text("deviationNote", "原因说明", 2000, "原因说明", null, "deviation_note", Indicator::getDeviationNote,
                    Indicator::setDeviationNote),
            text("improvement", "改进措施", 2000, "改进措施", null, "improvement", Indicator::getImprovement,
                    Indicator::setImprovement),
            textOrNumber("previousActual", "上年实际完成值", 500, "上年实际完成值", null, "previous_actual",
                    Indicator::getPreviousActual, Indicator::setPreviousActual),
            text("scoringStandard", "评分标准", 2000, "评分标准", "评分标准", "scoring_standard",
                    Indicator::getScoringStandard, Indicator::setScoringStandard),
            text("evidence", "佐证材料", 2000, "佐证材料", "佐证材料", "evidence", Indicator::getEvidence, Indicator::setEvidence),
            text("remark", "备注", 2000, "备注", "备注", "remark", Indicator::getRemark, Indicator::setRemark));

    /** At most this many 分项指标 under one composite row. */
    public static final int MAX_SUB_INDICATORS = 100;

    /**
     * A 分项指标 of a composite row. In the sheet a sub-row sits under its row, its name in the
     * 三级指标 column after {@link #SUB_ROW_MARK}; each field's sheet label is the column it is printed in.
     */
    public static final List<Field<SubIndicator>> SUB_INDICATOR = List.of(
            text("name", "分项指标", 200, "三级指标", "分项指标", "name", SubIndicator::getName, SubIndicator::setName),
            new Field<>("operator", "分项运算符号", Kind.CODE, 8, null, "运算符号", null, "operator",
                    SubIndicator::getOperator, (r, v) -> r.setOperator((String) v)),
            textOrNumber("target", "分项指标值", 500, "年度指标值", "年度指标值", "target", SubIndicator::getTarget,
                    SubIndicator::setTarget),
            text("unitOfMeasure", "分项度量单位", 50, "度量单位", null, "unit_of_measure", SubIndicator::getUnitOfMeasure,
                    SubIndicator::setUnitOfMeasure),
            textOrNumber("actual", "分项实际完成值", 500, "实际完成值", "实际完成值", "actual", SubIndicator::getActual,
                    SubIndicator::setActual),
            text("rating", "分项评级", 20, "分项评级", "评级", "rating", SubIndicator::getRating, SubIndicator::setRating));

    /** What starts the 三级指标 cell of a sub-row in the sheet. */
    public static final String SUB_ROW_MARK = "└";

    private static final Map<String, String> LABELS = Stream.of(
                    FORM.stream().map(f -> Map.entry(f.path(), f.label())),
                    BUDGET_LINE.stream().map(f -> Map.entry("budgetLines." + f.path(), f.label())),
                    INDICATOR.stream().map(f -> Map.entry("indicators." + f.path(), f.label())),
                    SUB_INDICATOR.stream().map(f -> Map.entry("indicators.subIndicators." + f.path(), f.label())))
            .flatMap(s -> s).collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private static final Map<String, String> GROUPS = Map.of("deviationReasons", "偏差原因", "goal", "年度总体目标",
            "suggestions", "结果应用建议", "subIndicators", "分项指标");

    private FieldCatalogue() {
    }

    /** The label of an object that groups fields ("deviationReasons" → 偏差原因). */
    public static String groupLabel(String name) {
        return GROUPS.getOrDefault(name, name);
    }

    /**
     * The Chinese label of a field path without row numbers: "title", "budgetLines.executed",
     * "indicators.deviationReasons.funding"; null when the catalogue has no such field.
     */
    public static String label(String path) {
        return LABELS.get(path);
    }

    /** The sheet headings of a row type, in column order (fields without a column are left out). */
    public static <T> List<String> sheetLabels(List<Field<T>> fields) {
        return fields.stream().map(Field::sheetLabel).filter(java.util.Objects::nonNull).toList();
    }

    /** The fields of a row type that have a sheet column, in column order. */
    public static <T> List<Field<T>> sheetFields(List<Field<T>> fields) {
        return fields.stream().filter(f -> f.sheetLabel() != null).toList();
    }

    /** The fields of a row type stored as columns of its table, in column order. */
    public static <T> List<Field<T>> columns(List<Field<T>> fields) {
        return fields.stream().filter(f -> f.column() != null).toList();
    }

    public static <T> Field<T> field(List<Field<T>> fields, String path) {
        return fields.stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + path));
    }

    private static <T> Field<T> text(String path, String label, int max, String sheet, String pdf,
                                     Function<T, String> get, BiConsumer<T, String> set) {
        return text(path, label, max, sheet, pdf, null, get, set);
    }

    private static <T> Field<T> text(String path, String label, int max, String sheet, String pdf, String column,
                                     Function<T, String> get, BiConsumer<T, String> set) {
        return new Field<>(path, label, Kind.TEXT, max, null, sheet, pdf, column, get::apply,
                (row, v) -> set.accept(row, (String) v));
    }

    private static <T> Field<T> textOrNumber(String path, String label, int max, String sheet, String pdf, String column,
                                             Function<T, String> get, BiConsumer<T, String> set) {
        return new Field<>(path, label, Kind.TEXT_OR_NUMBER, max, null, sheet, pdf, column, get::apply,
                (row, v) -> set.accept(row, (String) v));
    }

    private static <T> Field<T> money(String path, String label, String pdf, String column,
                                      Function<T, BigDecimal> get, BiConsumer<T, BigDecimal> set) {
        return number(path, label, Kind.MONEY, FormLimits.MAX_MONEY, label, pdf, column, get, set);
    }

    private static <T> Field<T> number(String path, String label, Kind kind, BigDecimal max, String sheet, String pdf,
                                       String column, Function<T, BigDecimal> get, BiConsumer<T, BigDecimal> set) {
        return new Field<>(path, label, kind, 0, max, sheet, pdf, column, get::apply,
                (row, v) -> set.accept(row, (BigDecimal) v));
    }

    @SuppressWarnings("unchecked")
    private static List<BigDecimal> castList(Object v) {
        return (List<BigDecimal>) v;
    }

    private static String reason(Indicator row, Function<DeviationReasons, String> get) {
        return row.getDeviationReasons() == null ? null : get.apply(row.getDeviationReasons());
    }

    private static DeviationReasons reasons(Indicator row) {
        if (row.getDeviationReasons() == null) {
            row.setDeviationReasons(new DeviationReasons());
        }
        return row.getDeviationReasons();
    }

    private static Goal goal(EvaluationForm form) {
        if (form.getGoal() == null) {
            form.setGoal(new Goal());
        }
        return form.getGoal();
    }

    private static Suggestions suggestions(EvaluationForm form) {
        if (form.getSuggestions() == null) {
            form.setSuggestions(new Suggestions());
        }
        return form.getSuggestions();
    }
}
