package org.perfeval.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.BudgetLineRole;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.Indicator;
import org.perfeval.exchange.json.Scorers;

/** Invariants of scoring over generated forms, under every rule set. */
class ScoringPropertiesTest {
    static final Scorer SCORER = Scorers.fromClasspath();
    static final List<String> TIERS = List.of("达成预期指标", "部分达成预期指标并具有一定效果", "未达成预期指标且效果较差",
            "优", "良", "达标", "不达标", "按时完成");

    @Property(tries = 300)
    void noIndicatorScoreExceedsItsWeightAndTotalNeverExceedsTheWeights(@ForAll("forms") EvaluationForm form) {
        ScoringResult r = SCORER.score(form);
        BigDecimal weights = BigDecimal.ZERO;
        for (IndicatorScore s : r.indicators()) {
            BigDecimal weight = form.getIndicators().get(s.index()).getWeight();
            assertThat(s.score()).isLessThanOrEqualTo(weight).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            weights = weights.add(weight);
        }
        for (BudgetLineScore s : r.budgetLines()) {
            BigDecimal weight = form.getBudgetLines().get(s.index()).getWeight();
            assertThat(s.score()).isLessThanOrEqualTo(weight);
            weights = weights.add(weight);
        }
        assertThat(r.total()).isLessThanOrEqualTo(weights);
        assertThat(r.total()).isEqualByComparingTo(r.executionScore().add(r.indicatorScore()).subtract(r.deduction()));
    }

    @Property(tries = 300)
    void raisingThePositiveActualNeverLowersTheScore(@ForAll("ruleSets") String ruleSet,
                                                      @ForAll @BigRange(min = "0.1", max = "1000") BigDecimal target,
                                                      @ForAll @BigRange(min = "0", max = "2000") BigDecimal actual,
                                                      @ForAll @BigRange(min = "0", max = "500") BigDecimal raise) {
        if (ruleSet.equals("guangdong-bands")) {
            // Bands halve the score above 150 %: monotone only up to there, by design.
            actual = actual.min(target.multiply(new BigDecimal("1.5")));
            raise = raise.min(target.multiply(new BigDecimal("1.5")).subtract(actual));
        }
        BigDecimal low = scoreOf(ruleSet, target, actual);
        BigDecimal high = scoreOf(ruleSet, target, actual.add(raise));
        assertThat(high).isGreaterThanOrEqualTo(low);
    }

    @Property(tries = 100)
    void scoringIsDeterministic(@ForAll("forms") EvaluationForm form) {
        assertThat(SCORER.score(form)).isEqualTo(SCORER.score(form));
    }

    /** A formula score as every form prints it (two decimals, half-up) is accepted; 0.01 more is not. */
    @Property(tries = 500)
    void theFormulaScoreRoundedToTwoDecimalsIsAcceptedAndACentAboveIsNot(
            @ForAll("ruleSets") String ruleSet, @ForAll("operators") String operator,
            @ForAll @BigRange(min = "0.01", max = "1000") BigDecimal target,
            @ForAll @BigRange(min = "0", max = "2000") BigDecimal actual,
            @ForAll @BigRange(min = "0.1", max = "40") BigDecimal weight) {
        Indicator row = RuleKindTest.indicator("x", operator, operator + target.toPlainString(), actual.toPlainString(),
                weight.toPlainString(), null);
        BigDecimal formula = SCORER.score(RuleKindTest.form(ruleSet, List.of(row))).indicators().get(0).formulaScore();
        BigDecimal printed = formula.setScale(2, java.math.RoundingMode.HALF_UP);

        row.setClaimedScore(printed);
        ScoringResult accepted = SCORER.score(RuleKindTest.form(ruleSet, List.of(row)));
        assertThat(RuleKindTest.codes(accepted)).doesNotContain("SCORE_ABOVE_FORMULA");
        assertThat(accepted.indicators().get(0).score()).isEqualByComparingTo(printed.min(weight));

        row.setClaimedScore(printed.add(new BigDecimal("0.01")));
        assertThat(RuleKindTest.codes(SCORER.score(RuleKindTest.form(ruleSet, List.of(row)))))
                .containsAnyOf("SCORE_ABOVE_FORMULA", "SCORE_ABOVE_WEIGHT");
    }

    @Property(tries = 300)
    void theExecutionScoreRoundedToTwoDecimalsIsAcceptedAndACentAboveIsNot(
            @ForAll("ruleSets") String ruleSet,
            @ForAll @BigRange(min = "0.01", max = "100000") BigDecimal annual,
            @ForAll @BigRange(min = "0", max = "1") BigDecimal share,
            @ForAll @BigRange(min = "1", max = "30") BigDecimal weight) {
        BudgetLine line = RuleKindTest.line("资金", BudgetLineRole.TOTAL, annual.toPlainString(), "100", weight.toPlainString());
        line.setExecuted(annual.multiply(share).setScale(4, java.math.RoundingMode.HALF_UP));
        EvaluationForm form = RuleKindTest.form(ruleSet, List.of());
        form.setBudgetLines(List.of(line));
        BigDecimal formula = SCORER.score(form).budgetLines().get(0).score();
        BigDecimal printed = formula.setScale(2, java.math.RoundingMode.HALF_UP);

        line.setClaimedScore(printed);
        ScoringResult accepted = SCORER.score(form);
        assertThat(RuleKindTest.codes(accepted)).doesNotContain("SCORE_ABOVE_FORMULA");
        assertThat(accepted.budgetLines().get(0).score()).isEqualByComparingTo(printed.min(weight));

        line.setClaimedScore(printed.add(new BigDecimal("0.01")));
        assertThat(RuleKindTest.codes(SCORER.score(form))).containsAnyOf("SCORE_ABOVE_FORMULA", "SCORE_ABOVE_WEIGHT");
    }

    @Provide
    Arbitrary<String> operators() {
        return Arbitraries.of(">=", ">", "<=", "<", "=");
    }

    private static BigDecimal scoreOf(String ruleSet, BigDecimal target, BigDecimal actual) {
        EvaluationForm form = new EvaluationForm();
        form.setRuleSet(ruleSet);
        Indicator row = RuleKindTest.indicator("x", ">=", ">=" + target.toPlainString(), actual.toPlainString(), "10", null);
        form.setIndicators(new ArrayList<>(List.of(row)));
        return SCORER.score(form).indicators().get(0).score();
    }

    @Provide
    Arbitrary<String> ruleSets() {
        return Arbitraries.of("national-2020", "liaoning-caps", "guangdong-bands");
    }

    @Provide
    Arbitrary<EvaluationForm> forms() {
        Arbitrary<Indicator> indicators = Combinators.combine(
                Arbitraries.of(">=", "<=", "=", ">", "<", ""),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000")).ofScale(2),
                Arbitraries.oneOf(Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("2000")).ofScale(2)
                        .map(BigDecimal::toPlainString), Arbitraries.of(TIERS)),
                Arbitraries.bigDecimals().between(BigDecimal.ONE, new BigDecimal("30")).ofScale(1),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("40")).ofScale(1).injectNull(0.2))
                .as((op, target, actual, weight, claimed) -> RuleKindTest.indicator("指标", op.isEmpty() ? null : op,
                        target.toPlainString(), actual, weight.toPlainString(),
                        claimed == null ? null : claimed.toPlainString()));
        Arbitrary<BudgetLine> lines = Combinators.combine(
                Arbitraries.bigDecimals().between(BigDecimal.ONE, new BigDecimal("10000")).ofScale(2),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("150")).ofScale(2),
                Arbitraries.bigDecimals().between(BigDecimal.ONE, new BigDecimal("20")).ofScale(0))
                .as((annual, rate, weight) -> RuleKindTest.line("资金", BudgetLineRole.TOTAL, annual.toPlainString(),
                        rate.toPlainString(), weight.toPlainString()));
        return Combinators.combine(ruleSets(), indicators.list().ofMinSize(1).ofMaxSize(12), lines.list().ofMaxSize(2))
                .as((ruleSet, rows, budget) -> {
                    EvaluationForm form = RuleKindTest.form(ruleSet, rows);
                    form.setBudgetLines(new ArrayList<>(budget));
                    return form;
                });
    }
}
