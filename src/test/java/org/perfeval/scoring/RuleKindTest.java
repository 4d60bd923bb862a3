package org.perfeval.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.BudgetLineRole;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.Indicator;
import org.perfeval.exchange.json.Scorers;

/** Each rule kind at its edges, on small hand-made forms. */
class RuleKindTest {
    static final Scorer SCORER = Scorers.fromClasspath();

    @ParameterizedTest(name = "{0} target {1} actual {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "'>='  | '≥2次'       | '2次'        | 10",
            "''    | '100%'       | '50%'        | 5",
            "''    | '≥18台(套)'  | '≥18台(套)'  | 10",
            "''    | '＞９５'      | '９０'        | 9.473684210526316",
            "'<='  | '≤3000000'   | '3,000,000'  | 10",
            "'<='  | '<=5'        | '8'          | 6.25",
            "'<='  | '<=5'        | '0'          | 10",
            "'<='  | '<=0'        | '0'          | 10",
            "'<='  | '<=0'        | '3'          | 0",
            "''    | '0'          | '7'          | 10",
            "'='   | '=12个月'    | '10个月'      | 8.333333333333333",
            "'='   | '=12个月'    | '14个月'      | 8.571428571428571",
            "'>='  | '>=95'       | '120'        | 10",
    })
    void nationalQuantitative(String operator, String target, String actual, BigDecimal expected) {
        Indicator row = indicator("测试指标", operator.isBlank() ? null : operator, target, actual, "10", null);
        ScoringResult r = score("national-2020", List.of(row));
        IndicatorScore s = r.indicators().get(0);
        assertThat(s.kind()).isEqualTo(IndicatorKind.QUANTITATIVE);
        assertThat(s.formulaScore()).isEqualByComparingTo(expected);
        assertThat(s.score()).isEqualByComparingTo(expected);
    }

    @Test
    void claimedAboveFormulaIsAnErrorAndTheFormulaCounts() {
        ScoringResult r = score("national-2020", List.of(indicator("x", ">=", ">=100", "80", "10", "9")));
        assertThat(codes(r)).contains("SCORE_ABOVE_FORMULA");
        assertThat(r.indicators().get(0).score()).isEqualByComparingTo("8");
        ScoringResult lower = score("national-2020", List.of(indicator("x", ">=", ">=100", "80", "10", "7")));
        assertThat(codes(lower)).doesNotContain("SCORE_ABOVE_FORMULA").contains("MISSING_DEVIATION_REASON");
        assertThat(lower.indicators().get(0).score()).isEqualByComparingTo("7");
    }

    /** Seed 000's note: 100–80%(含80%), 80–60%(含60%), 60–0%; weight 100, so a score is its percentage. */
    @ParameterizedTest(name = "{0} claimed {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "达成预期指标                   | 79.99 | 80    | true",
            "达成预期指标                   | 80    | 80    | false",
            "达成预期指标                   | 100   | 100   | false",
            "部分达成预期指标并具有一定效果 | 59.99 | 60    | true",
            "部分达成预期指标并具有一定效果 | 60    | 60    | false",
            "部分达成预期指标并具有一定效果 | 79.99 | 79.99 | false",
            "部分达成预期指标并具有一定效果 | 80    | 79.99 | true",
            "未达成预期指标且效果较差       | 0     | 0     | false",
            "未达成预期指标且效果较差       | 59.99 | 59.99 | false",
            "未达成预期指标且效果较差       | 60    | 59.99 | true",
    })
    void qualitativeTiersAreHalfOpenAsTheNationalRulesStateThem(String tier, BigDecimal claimed, BigDecimal score,
                                                                 boolean outside) {
        Indicator row = indicator("定性", null, "较高", tier, "100", claimed.toPlainString());
        row.setImprovement("说明");
        ScoringResult r = score("national-2020", List.of(row));
        assertThat(r.indicators().get(0).kind()).isEqualTo(IndicatorKind.QUALITATIVE);
        assertThat(r.indicators().get(0).formulaScore()).isNull();
        assertThat(r.indicators().get(0).score()).isEqualByComparingTo(score);
        assertThat(codes(r).contains("TIER_RANGE")).isEqualTo(outside);
        assertThat(codes(r)).doesNotContain("TIER_UNKNOWN");
    }

    @Test
    void tierBoundsAndTheirInclusivenessAreRuleSetData() {
        RuleSet rules = RuleSetCatalogFixture.national();
        assertThat(rules.qualitativeTiers()).extracting(RuleSet.Tier::label, RuleSet.Tier::min, RuleSet.Tier::minInclusive,
                        RuleSet.Tier::max, RuleSet.Tier::maxInclusive)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("达成预期指标", new BigDecimal("0.8"), true, new BigDecimal("1.0"), true),
                        org.assertj.core.groups.Tuple.tuple("部分达成预期指标并具有一定效果", new BigDecimal("0.6"), true,
                                new BigDecimal("0.8"), false),
                        org.assertj.core.groups.Tuple.tuple("未达成预期指标且效果较差", new BigDecimal("0.0"), true,
                                new BigDecimal("0.6"), false));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "全部或基本达成预期指标 100%-80% (含)    | 达成预期指标",
            "全部或基本达成预期指标 100%-80%（含）   | 达成预期指标",
            "全部或基本达成预期指标 100%-80%(       | 达成预期指标",
            "全部或基本达成预期指标 100%-8          | 达成预期指标",
            "全部或基本达成预期指标                 | 达成预期指标",
            "部分达成预期指标并具有一定效果 80%-60%(含) | 部分达成预期指标并具有一定效果",
            "部分达成预期指标并具有一定效果 80%-6      | 部分达成预期指标并具有一定效果",
            "未达成预期指标且效果较差 60%-0%          | 未达成预期指标且效果较差",
            "未达成预期指标且效果较差 60            | 未达成预期指标且效果较差",
    })
    void tierLabelsAsProvincesPrintThemAndTheirCutVariants(String printed, String tier) {
        assertThat(RuleSetCatalogFixture.national().tierOf(printed)).extracting(RuleSet.Tier::label).isEqualTo(tier);
        Indicator row = indicator("定性", null, "管理规范", printed, "100", "85");
        ScoringResult r = score("national-2020", List.of(row));
        assertThat(codes(r)).doesNotContain("TIER_UNKNOWN");
    }

    @ParameterizedTest(name = "\"{0}\" is no tier")
    @ValueSource(strings = {"全部或基本达成", "全部或基本达", "基本达成预期", "达成预期指标且效果很好", "部分达成预期指标并具有"})
    void anUnrecognisedTierLabelIsAFindingNotASilentSkip(String printed) {
        assertThat(RuleSetCatalogFixture.national().tierOf(printed)).isNull();
        ScoringResult claimed = score("national-2020", List.of(indicator("定性", null, "管理规范", printed, "100", "85")));
        assertThat(claimed.findings()).filteredOn(f -> f.code().equals("TIER_UNKNOWN"))
                .singleElement().satisfies(f -> {
                    assertThat(f.path()).isEqualTo("indicators[0].actual");
                    assertThat(f.message()).contains(printed.strip()).contains("达成预期指标");
                });
        ScoringResult unclaimed = score("national-2020", List.of(indicator("定性", null, "管理规范", printed, "100", null)));
        assertThat(codes(unclaimed)).contains("TIER_UNKNOWN", "MISSING_SCORE");
    }

    /** Both negative formulas at 0, t, 1.5t, 2t and 3t (t = 4, weight 10). */
    @ParameterizedTest(name = "≤4, actual {0}: ratio {1}, linear {2}")
    @CsvSource({"0, 10, 10", "4, 10, 10", "6, 6.666666666666667, 5", "8, 5, 0", "12, 3.333333333333333, 0"})
    void negativeIndicatorFormulasAreRuleSetData(String actual, BigDecimal ratio, BigDecimal linear) {
        RuleSet national = RuleSetCatalogFixture.national();
        assertThat(national.negativeFormula()).isEqualTo(RuleSet.NegativeFormula.RATIO);
        RuleSet linearRules = new RuleSet("linear-test", "线性", national.grades(), national.qualitativeTiers(),
                national.qualitativeRatings(), national.completionBands(), national.execution(), national.caps(),
                national.overAchievementRatio(), national.tolerance(), RuleSet.NegativeFormula.LINEAR);
        Scorer scorer = new Scorer(new RuleSetCatalog(List.of(national, linearRules)));
        for (String op : new String[] {"<=", "<"}) {
            Indicator row = indicator("差错率", op, op + "4", actual, "10", null);
            assertThat(scorer.score(form("national-2020", List.of(row))).indicators().get(0).formulaScore())
                    .isEqualByComparingTo(ratio);
            assertThat(scorer.score(form("linear-test", List.of(row))).indicators().get(0).formulaScore())
                    .isEqualByComparingTo(linear);
        }
    }

    /** The case: 768.6 of 1000 is 76.86 %, 7.686 points, printed 7.69. */
    @Test
    void aScoreRoundedAsTheFormPrintsItIsAccepted() {
        EvaluationForm form = form("national-2020", List.of(indicator("x", ">=", ">=1", "1", "90", "90")));
        BudgetLine total = line("年度资金总额", BudgetLineRole.TOTAL, "1000", "76.86", "10");
        total.setStatedRate(new BigDecimal("76.86"));
        total.setClaimedScore(new BigDecimal("7.69"));
        form.setBudgetLines(List.of(total));
        form.setClaimedTotal(new BigDecimal("97.69"));
        ScoringResult r = SCORER.score(form);
        assertThat(r.findings()).isEmpty();
        assertThat(r.budgetLines().get(0).score()).isEqualByComparingTo("7.69");
        assertThat(r.total()).isEqualByComparingTo("97.69");

        total.setClaimedScore(new BigDecimal("7.7"));
        ScoringResult above = SCORER.score(form);
        assertThat(above.findings()).filteredOn(f -> f.code().equals("SCORE_ABOVE_FORMULA")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("填写为 7.70").contains("请改为不超过 7.69 分"));
        // Three decimals typed: compared at three decimals, and the message quotes three.
        total.setClaimedScore(new BigDecimal("7.687"));
        assertThat(SCORER.score(form).findings()).filteredOn(f -> f.code().equals("SCORE_ABOVE_FORMULA")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("填写为 7.687").contains("请改为不超过 7.686 分"));
        total.setClaimedScore(new BigDecimal("7.686"));
        assertThat(codes(SCORER.score(form))).doesNotContain("SCORE_ABOVE_FORMULA");
    }

    @Test
    void noMessageAsksToChangeANumberToItself() {
        EvaluationForm form = form("national-2020", List.of(indicator("预算调整率", "<=", "<=3", "7", "90", "38.57")));
        BudgetLine total = line("年度资金总额", BudgetLineRole.TOTAL, "3", "100", "10");
        total.setExecuted(new BigDecimal("2.3058"));
        total.setStatedRate(new BigDecimal("76.86"));
        total.setBalance(new BigDecimal("0.69"));
        total.setClaimedScore(new BigDecimal("7.69"));
        form.setBudgetLines(List.of(total));
        form.setIndicators(new ArrayList<>(List.of(indicator("预算调整率", "<=", "<=3", "7", "90", "38.57"))));
        form.getIndicators().get(0).setImprovement("加强预算编制");
        form.setClaimedTotal(new BigDecimal("46.26"));
        ScoringResult r = SCORER.score(form);
        assertThat(codes(r)).doesNotContain("SCORE_ABOVE_FORMULA", "EXECUTION_RATE_MISMATCH", "BALANCE_MISMATCH",
                "TOTAL_MISMATCH");
        form.setClaimedTotal(new BigDecimal("46.27"));
        assertThat(SCORER.score(form).findings()).filteredOn(f -> f.code().equals("TOTAL_MISMATCH")).isEmpty();
        form.setClaimedTotal(new BigDecimal("46.3"));
        assertThat(SCORER.score(form).findings()).filteredOn(f -> f.code().equals("TOTAL_MISMATCH")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("填写的总分 46.30").contains("请改为 46.26"));
    }

    @ParameterizedTest(name = "target {0} is garbled")
    @ValueSource(strings = {"≥10家100%", "=100%100%", "≥95% 98%", "≥3次5"})
    void garbledTargetsAreErrorsAndNotScoredAgainstAGuessedNumber(String target) {
        ScoringResult r = score("national-2020", List.of(indicator("x", null, target, "12", "10", "10")));
        assertThat(r.findings()).filteredOn(f -> f.code().equals("TARGET_GARBLED")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.path()).isEqualTo("indicators[0].target");
                    assertThat(f.message()).contains(target);
                });
        assertThat(r.indicators().get(0).formulaScore()).isNull();
    }

    @ParameterizedTest(name = "target {0} is a normal value")
    @ValueSource(strings = {"≥300m2", "≤5人/10万人", "≥18台(套)", "=12个月", "≥2.5", "100%", "≥1,000元"})
    void unitsWithDigitsAreNotGarbled(String target) {
        ScoringResult r = score("national-2020", List.of(indicator("x", null, target, "12", "10", null)));
        assertThat(codes(r)).doesNotContain("TARGET_GARBLED", "TARGET_UNPARSEABLE");
        assertThat(r.indicators().get(0).kind()).isEqualTo(IndicatorKind.QUANTITATIVE);
    }

    @Test
    void aTargetWithAnOperatorButNoNumberCannotBeComparedWithANumericActual() {
        ScoringResult r = score("national-2020", List.of(indicator("x", null, "≥核定单位数量", "12", "10", "10")));
        assertThat(r.findings()).filteredOn(f -> f.code().equals("TARGET_UNPARSEABLE")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        // With a tier as the actual (seed 000's first form) the text target is an ordinary qualitative row.
        ScoringResult tier = score("national-2020", List.of(indicator("x", null, "≤核定单位数量", "达成预期指标", "10", "10")));
        assertThat(codes(tier)).doesNotContain("TARGET_UNPARSEABLE", "TIER_UNKNOWN");
    }

    @Test
    void missingValuesAreErrors() {
        Indicator noActual = indicator("无实际值", ">=", ">=10", null, "10", "10");
        Indicator noScore = indicator("无得分", null, "较高", "达成预期指标", "10", null);
        Indicator noWeight = indicator("无分值", ">=", ">=10", "10", null, null);
        Indicator empty = indicator("", null, "", "达成预期指标", null, "0");
        ScoringResult r = score("national-2020", List.of(noActual, noScore, noWeight, empty));
        assertThat(r.findings()).extracting(Finding::code, Finding::path).contains(
                org.assertj.core.groups.Tuple.tuple("MISSING_ACTUAL", "indicators[0].actual"),
                org.assertj.core.groups.Tuple.tuple("MISSING_SCORE", "indicators[1].claimedScore"),
                org.assertj.core.groups.Tuple.tuple("MISSING_WEIGHT", "indicators[2].weight"));
        assertThat(r.indicators()).extracting(IndicatorScore::index).containsExactly(0, 1, 2);
    }

    @Test
    void unparseableActualAgainstANumericTargetIsReportedNotGuessed() {
        ScoringResult r = score("national-2020", List.of(indicator("x", null, "≥95%", "约九成", "10", "8")));
        assertThat(codes(r)).contains("ACTUAL_NOT_NUMERIC");
        assertThat(r.indicators().get(0).kind()).isEqualTo(IndicatorKind.QUALITATIVE);
    }

    @ParameterizedTest(name = "liaoning rate {0}% -> cap {1}")
    @CsvSource({"59.99, 59", "60, 79", "69.99, 79", "70, 89", "79.99, 89", "80, 100", "100, 100", "120, 100"})
    void liaoningCapsAtTheRateBounds(BigDecimal ratePercent, BigDecimal cap) {
        EvaluationForm form = form("liaoning-caps", List.of(indicator("满分指标", ">=", ">=1", "1", "90", "90")));
        BudgetLine total = line("年度资金总额", BudgetLineRole.TOTAL, "100", ratePercent.toPlainString(), "10");
        form.setBudgetLines(List.of(total));
        ScoringResult r = SCORER.score(form);
        BigDecimal raw = new BigDecimal("90").add(BigDecimal.TEN.multiply(ratePercent.divide(BigDecimal.valueOf(100)).min(BigDecimal.ONE)));
        BigDecimal expectedDeduction = raw.subtract(cap).max(BigDecimal.ZERO);
        assertThat(r.deduction()).isEqualByComparingTo(expectedDeduction);
        assertThat(r.total()).isEqualByComparingTo(raw.min(cap));
        assertThat(r.total().add(r.deduction())).isEqualByComparingTo(r.executionScore().add(r.indicatorScore()));
    }

    @ParameterizedTest(name = "guangdong completion {0} -> {1}")
    @CsvSource({"59, 0", "60, 6", "80, 8", "100, 10", "120, 10", "150, 10", "151, 5", "200, 5"})
    void guangdongCompletionBands(String actual, BigDecimal expected) {
        ScoringResult r = score("guangdong-bands", List.of(indicator("完成率", ">=", ">=100", actual, "10", null)));
        assertThat(r.indicators().get(0).score()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "guangdong rating {0} -> {1}")
    @CsvSource({"优, 9.5", "良, 8.5", "达标, 7", "不达标, 5"})
    void guangdongRatings(String rating, BigDecimal expected) {
        ScoringResult r = score("guangdong-bands", List.of(indicator("依法行政", null, "规范", rating, "10", null)));
        assertThat(r.indicators().get(0).score()).isEqualByComparingTo(expected);
        ScoringResult wrong = score("guangdong-bands", List.of(indicator("依法行政", null, "规范", rating, "10", "10")));
        assertThat(codes(wrong)).contains("TIER_RANGE");
    }

    @Test
    void guangdongSpendingProgress() {
        EvaluationForm form = form("guangdong-bands", List.of(indicator("x", ">=", ">=1", "1", "80", "80")));
        BudgetLine fast = line("人员经费", BudgetLineRole.ITEM, "100", "90", "10");
        fast.setQuarterlyProgress(List.of(new BigDecimal("30"), new BigDecimal("55"), new BigDecimal("80"), new BigDecimal("100")));
        BudgetLine slow = line("公用经费", BudgetLineRole.ITEM, "100", "90", "10");
        slow.setQuarterlyProgress(List.of(new BigDecimal("10"), new BigDecimal("30"), new BigDecimal("50"), new BigDecimal("60")));
        form.setBudgetLines(List.of(fast, slow));
        ScoringResult r = SCORER.score(form);
        assertThat(r.budgetLines().get(0).score()).isEqualByComparingTo("10");
        assertThat(r.budgetLines().get(1).score()).isEqualByComparingTo("6");
    }

    @Test
    void departmentItemLinesScoreAloneAndBudgetChecksFire() {
        EvaluationForm form = form("national-2020", List.of(indicator("x", ">=", ">=1", "1", "60", "60")));
        BudgetLine people = line("人员经费", BudgetLineRole.ITEM, "800", "100", "20");
        people.setExecuted(new BigDecimal("720"));
        people.setStatedRate(new BigDecimal("91"));
        people.setBalance(new BigDecimal("70"));
        BudgetLine office = line("公用经费", BudgetLineRole.ITEM, "60", "110", "20");
        form.setBudgetLines(List.of(people, office));
        ScoringResult r = SCORER.score(form);
        assertThat(r.budgetLines()).extracting(BudgetLineScore::score)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("18"), new BigDecimal("20"));
        assertThat(codes(r)).contains("EXECUTION_RATE_MISMATCH", "BALANCE_MISMATCH", "EXECUTED_ABOVE_BUDGET")
                .doesNotContain("WEIGHTS_NOT_100");
    }

    @Test
    void sourcesMustAddUpToTheTotal() {
        EvaluationForm form = form("national-2020", List.of(indicator("x", ">=", ">=1", "1", "90", "90")));
        BudgetLine total = line("年度资金总额", BudgetLineRole.TOTAL, "600", "75", "10");
        BudgetLine a = line("本年财政拨款", BudgetLineRole.SOURCE, "500", "75", null);
        BudgetLine b = line("上年结转", BudgetLineRole.SOURCE, "50", "75", null);
        form.setBudgetLines(List.of(total, a, b));
        assertThat(codes(SCORER.score(form))).contains("SOURCES_MISMATCH");
        b.setAnnualBudget(new BigDecimal("100"));
        b.setExecuted(new BigDecimal("75"));
        a.setExecuted(new BigDecimal("375"));
        assertThat(codes(SCORER.score(form))).doesNotContain("SOURCES_MISMATCH");
    }

    @Test
    void weightsTotalClaimedTotalGradeAndUnknownRuleSet() {
        EvaluationForm form = form("no-such-rules", List.of(indicator("x", ">=", ">=1", "1", "80", "80")));
        form.setClaimedTotal(new BigDecimal("99"));
        form.setClaimedGrade("优");
        ScoringResult r = SCORER.score(form);
        assertThat(codes(r)).contains("UNKNOWN_RULE_SET", "WEIGHTS_NOT_100", "TOTAL_MISMATCH", "GRADE_MISMATCH");
        assertThat(r.ruleSet()).isEqualTo("national-2020");
        assertThat(r.grade()).isEqualTo("良");
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.message()).isNotBlank().doesNotContain("null"));
    }

    @Test
    void overAchievementAboveOneHundredFiftyPercent() {
        assertThat(codes(score("national-2020", List.of(indicator("x", ">=", ">=4", "7", "10", "10")))))
                .contains("OVER_ACHIEVEMENT");
        assertThat(codes(score("national-2020", List.of(indicator("x", ">=", ">=4", "6", "10", "10")))))
                .doesNotContain("OVER_ACHIEVEMENT");
    }

    @Test
    void gradeBands() {
        RuleSet rules = RuleSetCatalogFixture.national();
        assertThat(rules.grade(new BigDecimal("90"))).isEqualTo("优");
        assertThat(rules.grade(new BigDecimal("89.999"))).isEqualTo("良");
        assertThat(rules.grade(new BigDecimal("80"))).isEqualTo("良");
        assertThat(rules.grade(new BigDecimal("60"))).isEqualTo("中");
        assertThat(rules.grade(new BigDecimal("59.99"))).isEqualTo("差");
        assertThat(Scores.display(new BigDecimal("95.125"))).isEqualTo("95.13");
    }

    static ScoringResult score(String ruleSet, List<Indicator> rows) {
        return SCORER.score(form(ruleSet, rows));
    }

    static EvaluationForm form(String ruleSet, List<Indicator> rows) {
        EvaluationForm form = new EvaluationForm();
        form.setRuleSet(ruleSet);
        form.setIndicators(new ArrayList<>(rows));
        return form;
    }

    static BudgetLine line(String name, BudgetLineRole role, String annual, String ratePercent, String weight) {
        BudgetLine line = new BudgetLine();
        line.setName(name);
        line.setRole(role);
        line.setAnnualBudget(new BigDecimal(annual));
        line.setExecuted(new BigDecimal(annual).multiply(new BigDecimal(ratePercent)).divide(BigDecimal.valueOf(100)));
        line.setWeight(weight == null ? null : new BigDecimal(weight));
        return line;
    }

    static Indicator indicator(String name, String operator, String target, String actual, String weight,
                               String claimed) {
        Indicator row = new Indicator();
        row.setCategory("产出指标");
        row.setSubcategory("数量指标");
        row.setName(name);
        row.setOperator(operator);
        row.setTarget(target);
        row.setActual(actual);
        row.setWeight(weight == null ? null : new BigDecimal(weight));
        row.setClaimedScore(claimed == null ? null : new BigDecimal(claimed));
        return row;
    }

    static List<String> codes(ScoringResult r) {
        return r.findings().stream().map(Finding::code).collect(Collectors.toList());
    }
}
