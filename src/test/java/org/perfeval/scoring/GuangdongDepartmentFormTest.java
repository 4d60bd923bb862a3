package org.perfeval.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfeval.exchange.BudgetLineRole;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.FormType;
import org.perfeval.exchange.Indicator;
import org.perfeval.exchange.SubIndicator;
import org.perfeval.exchange.json.ExchangeJson;
import org.perfeval.exchange.json.Scorers;

/**
 * Seed 002 (Guangdong city, 部门整体支出绩效自评指标评分表): a composite 产出 row built from its
 * sub-indicators with actual values stated here, and the whole form as printed.
 */
class GuangdongDepartmentFormTest {
    static final Scorer SCORER = Scorers.fromClasspath();

    /**
     * Eight of seed 002's 产出 and 效益 sub-indicators, with these actuals (the seed prints targets only):
     * 参保人数 ≥200万人 → 210 (105 %, band 100–150 %: 1); 运行分析项目 ≥1项 → 1 (100 %: 1);
     * 监督检查 ≥3次 → 2 (66.67 %: 2/3); 病种数 ≥4000个 → 2000 (50 % < 60 %: 0);
     * 政策研究分析项目 ≥4 → 2 (the seed's own note: 已完成两项; 50 %: 0); 病历抽查 4次/年 → 7 (175 % > 150 %: ½);
     * 宣传活动 ≥2场/年 → 3 (150 %, still full: 1); 普遍开展门诊统筹, rated 良 (0.85).
     * Mean share (1 + 1 + 2/3 + 0 + 0 + 0.5 + 1 + 0.85) / 8 = 5.0166…/8 = 0.627083…; × 20 = 12.541666….
     */
    @Test
    void aCompositeRowIsTheMeanOfItsBandedSubIndicatorScores() {
        Indicator row = composite("12.54");
        ScoringResult r = score(List.of(row));
        IndicatorScore s = r.indicators().get(0);
        BigDecimal byHand = new BigDecimal("1").add(new BigDecimal("1")).add(new BigDecimal("2").divide(new BigDecimal("3"), MathContext.DECIMAL64))
                .add(new BigDecimal("0")).add(new BigDecimal("0")).add(new BigDecimal("0.5")).add(new BigDecimal("1"))
                .add(new BigDecimal("0.85")).divide(new BigDecimal("8"), MathContext.DECIMAL64).multiply(new BigDecimal("20"));
        assertThat(byHand).isCloseTo(new BigDecimal("12.5416666666"), org.assertj.core.data.Offset.offset(new BigDecimal("0.0000001")));
        assertThat(s.kind()).isEqualTo(IndicatorKind.COMPOSITE);
        assertThat(s.formulaScore()).isCloseTo(byHand, org.assertj.core.data.Offset.offset(new BigDecimal("0.000000001")));
        assertThat(s.subIndicators()).extracting(SubIndicatorScore::share).usingElementComparator(
                        (a, b) -> a.subtract(b).abs().compareTo(new BigDecimal("0.0000001")) < 0 ? 0 : 1)
                .containsExactly(BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("0.6666666667"), BigDecimal.ZERO,
                        BigDecimal.ZERO, new BigDecimal("0.5"), BigDecimal.ONE, new BigDecimal("0.85"));
        assertThat(s.subIndicators().get(7).completion()).isNull();
        assertThat(s.score()).isEqualByComparingTo("12.54");
        assertThat(RuleKindTest.codes(r)).doesNotContain("SCORE_ABOVE_FORMULA", "COMPOSITE_WITHOUT_BANDS");

        ScoringResult above = score(List.of(composite("12.55")));
        assertThat(above.findings()).filteredOn(f -> f.code().equals("SCORE_ABOVE_FORMULA")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("请改为不超过 12.54 分"));
        assertThat(above.indicators().get(0).score()).isCloseTo(byHand, org.assertj.core.data.Offset.offset(new BigDecimal("0.000000001")));
    }

    @Test
    void aCompositeRowSurvivesTheExchangeJson() {
        EvaluationForm form = form(List.of(composite("12.54")));
        EvaluationForm back = ExchangeJson.readForm(ExchangeJson.writeForm(form));
        assertThat(back.getIndicators().get(0).getSubIndicators()).hasSize(8);
        assertThat(back.getIndicators().get(0).getSubIndicators().get(7).getRating()).isEqualTo("良");
        assertThat(SCORER.score(back).indicators().get(0).formulaScore())
                .isEqualByComparingTo(SCORER.score(form).indicators().get(0).formulaScore());
    }

    @Test
    void badRatingsAndUnscorableSubIndicatorsAreErrorsAndAbsentBandsAWarning() {
        Indicator row = composite(null);
        row.getSubIndicators().get(7).setRating("较好");
        row.getSubIndicators().get(0).setActual("基本完成");
        row.getSubIndicators().get(1).setActual(null);
        ScoringResult r = score(List.of(row));
        assertThat(r.findings()).extracting(Finding::code, Finding::path).contains(
                org.assertj.core.groups.Tuple.tuple("RATING_UNKNOWN", "indicators[0].subIndicators[7].rating"),
                org.assertj.core.groups.Tuple.tuple("SUB_INDICATOR_NOT_SCORABLE", "indicators[0].subIndicators[0]"),
                org.assertj.core.groups.Tuple.tuple("MISSING_ACTUAL", "indicators[0].subIndicators[1].actual"));
        assertThat(r.findings()).filteredOn(f -> f.code().equals("RATING_UNKNOWN")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("优、良、达标、不达标"));

        EvaluationForm national = form(List.of(composite(null)));
        national.setRuleSet("national-2020");
        assertThat(RuleKindTest.codes(SCORER.score(national))).contains("COMPOSITE_WITHOUT_BANDS", "RATING_UNKNOWN");
    }

    @Test
    void aRuleSetWhoseBandsDoNotEndOpenIsRefused() {
        RuleSet g = RuleSetFiles().find("guangdong-bands");
        List<RuleSet.CompletionBand> cut = g.completionBands().subList(0, 3);
        assertThatThrownBy(() -> new RuleSet("cut", "缺档", g.grades(), g.qualitativeTiers(), g.qualitativeRatings(), cut,
                g.execution(), g.caps(), g.overAchievementRatio(), g.tolerance(), g.negativeFormula()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upTo");
    }

    /**
     * Seed 002 as printed (test resource layouts/seed002-department.json, which the layout test also
     * imports from the printed sheet): 24 rows weighing 90 (履职效能 40, 管理效率 50) and the
     * 部门预算资金支出率 row as the execution item (10 of 10). Every row is scored by its 评分标准 (no
     * target or actual is printed); the 0.5-point row has no printed name. The rows' printed scores add
     * up to 30.02 + 49 = 79.02, with the execution 89.02, but the form prints 合计 97.62: that total is
     * inconsistent with its own rows (8.60 too high), so the scorer keeps 89.02 and reports TOTAL_MISMATCH.
     * 合同备案时效性 scores 0 of 1 with no reason printed: MISSING_DEVIATION_REASON.
     */
    @Test
    void seed002AsPrinted() throws java.io.IOException {
        EvaluationForm form;
        try (var in = getClass().getResourceAsStream("/layouts/seed002-department.json")) {
            form = ExchangeJson.readForm(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(form.getIndicators()).hasSize(24).allSatisfy(i -> assertThat(i.getScoringStandard()).isNotBlank());
        assertThat(form.getBudgetLines()).singleElement().satisfies(l -> {
            assertThat(l.getRole()).isEqualTo(BudgetLineRole.ITEM);
            assertThat(l.getExecuted()).isEqualByComparingTo("10442.74");
        });

        ScoringResult r = SCORER.score(form);
        assertThat(r.executionScore()).isEqualByComparingTo("10");
        assertThat(r.indicatorScore()).isEqualByComparingTo("79.02");
        assertThat(r.total()).isEqualByComparingTo("89.02");
        assertThat(r.grade()).isEqualTo("良");
        assertThat(r.findings()).extracting(Finding::code).containsExactlyInAnyOrder("TOTAL_MISMATCH", "MISSING_DEVIATION_REASON");
        assertThat(r.findings()).filteredOn(f -> f.code().equals("TOTAL_MISMATCH")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("97.62").contains("89.02"));
        assertThat(r.findings()).filteredOn(f -> f.code().equals("MISSING_DEVIATION_REASON")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("合同备案时效性"));

        form.setClaimedTotal(new BigDecimal("89.02"));
        assertThat(RuleKindTest.codes(SCORER.score(form))).containsExactly("MISSING_DEVIATION_REASON");
    }

    private static RuleSetCatalog RuleSetFiles() {
        return org.perfeval.exchange.json.RuleSetFiles.load();
    }

    static Indicator composite(String claimed) {
        Indicator row = new Indicator();
        row.setCategory("履职效能");
        row.setSubcategory("整体效能");
        row.setName("产出指标完成情况");
        row.setWeight(new BigDecimal("20"));
        row.setClaimedScore(claimed == null ? null : new BigDecimal(claimed));
        row.setScoringStandard("完成率60%以下不得分；60%-100%得分=完成率×分值；100-150%满分；高于150%得一半分；综合得分=各指标得分合计÷指标个数。");
        row.setDeviationNote("病种数、政策研究分析项目未达 60%：项目经费压减。");
        row.setSubIndicators(new ArrayList<>(List.of(
                sub("城乡居民基本医疗保险参保人数", "≥200万人", "210万人", null),
                sub("医保运行分析项目数量", "≥1项", "1项", null),
                sub("开展医保基金监督检查次数", "≥3次", "2次", null),
                sub("按病种分值付费病种数", "≥4000个", "2000个", null),
                sub("政策研究分析项目", "≥4", "2", null),
                sub("病历专项抽查服务次数", "4次/年", "7次/年", null),
                sub("宣传活动场次", "≥2场/年", "3场/年", null),
                sub("普遍开展门诊统筹", "普遍开展", "已在全市普遍开展", "良"))));
        return row;
    }

    static SubIndicator sub(String name, String target, String actual, String rating) {
        SubIndicator s = new SubIndicator();
        s.setName(name);
        s.setTarget(target);
        s.setActual(actual);
        s.setRating(rating);
        return s;
    }

    static EvaluationForm form(List<Indicator> rows) {
        EvaluationForm form = new EvaluationForm();
        form.setFormType(FormType.DEPARTMENT);
        form.setYear(2023);
        form.setTitle("江门市医疗保障局部门整体支出");
        form.setRuleSet("guangdong-bands");
        form.setIndicators(new ArrayList<>(rows));
        return form;
    }

    static ScoringResult score(List<Indicator> rows) {
        return SCORER.score(form(rows));
    }
}
