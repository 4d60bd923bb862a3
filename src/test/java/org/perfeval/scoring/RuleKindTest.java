package org.perfeval.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    @ParameterizedTest(name = "{0} claimed {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "达成预期指标                   | 8   | 8   | false",
            "达成预期指标                   | 10  | 10  | false",
            "达成预期指标                   | 7.9 | 8   | true",
            "部分达成预期指标并具有一定效果 | 6   | 6   | false",
            "部分达成预期指标并具有一定效果 | 8   | 8   | false",
            "部分达成预期指标并具有一定效果 | 9   | 8   | true",
            "未达成预期指标且效果较差       | 0   | 0   | false",
            "未达成预期指标且效果较差       | 6   | 6   | false",
            "未达成预期指标且效果较差       | 7   | 6   | true",
    })
    void qualitativeTierBoundsAreInclusive(String tier, BigDecimal claimed, BigDecimal score, boolean outside) {
        Indicator row = indicator("定性", null, "较高", tier, "10", claimed.toPlainString());
        row.setImprovement("说明");
        ScoringResult r = score("national-2020", List.of(row));
        assertThat(r.indicators().get(0).kind()).isEqualTo(IndicatorKind.QUALITATIVE);
        assertThat(r.indicators().get(0).formulaScore()).isNull();
        assertThat(r.indicators().get(0).score()).isEqualByComparingTo(score);
        assertThat(codes(r).contains("TIER_RANGE")).isEqualTo(outside);
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
