package org.perfeval.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.BudgetLineRole;
import org.perfeval.exchange.DeviationReasons;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.Indicator;
import org.perfeval.exchange.Report;
import org.perfeval.exchange.ReportSection;
import org.perfeval.exchange.json.Scorers;
import org.perfeval.scoring.IndicatorScore;
import org.perfeval.scoring.ScoringResult;
import org.perfeval.support.Fixtures;

/**
 * The report draft says what the table says, in sentences a reader takes as written: names of the
 * project and the unit, money with its unit, no "null", no doubled 。, and 存在的问题 from the data.
 */
class ReportDraftSentencesTest {
    final ReportDraft draft = new ReportDraft(Scorers.fromClasspath());

    static Report emptyReport() {
        Report report = new Report();
        report.setSections(new ArrayList<>(List.of(
                new ReportSection("一、项目基本情况", null),
                new ReportSection("三、综合评价情况及评价结论", null),
                new ReportSection("四、绩效指标分析", null),
                new ReportSection("六、存在的问题及原因", null))));
        return report;
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed000-form1-medical-assistance.json", "seed000-form2-resident-insurance.json",
            "example-liaoning-caps.json", "example-department.json"})
    void everyFixtureDraftsTrueSentences(String fixture) {
        EvaluationForm form = Fixtures.read(fixture);
        form.setReport(emptyReport());
        String title = form.getTitle() == null ? "记录中的项目" : form.getTitle();
        String unit = form.getUnit() == null ? "记录中的单位" : form.getUnit();
        draft.fillEmptySections(form, "记录中的项目", "记录中的单位");
        List<ReportSection> s = form.getReport().getSections();
        String all = String.join("\n", s.stream().map(ReportSection::getBody).toList());

        assertThat(all).doesNotContain("null").doesNotContain("。。").doesNotContain("，。").doesNotContain("／／");
        assertThat(s.get(0).getBody()).startsWith(title + "由" + unit + "实施。");
        assertThat(all).doesNotContainPattern("全年(预算|执行)数 [0-9.]++(?! 万元| 元| " + form.getMoneyUnit() + ")");
        assertThat(all).doesNotContain(">=").doesNotContain("<=");

        ScoringResult score = Scorers.fromClasspath().score(form);
        List<String> shortOnes = new ArrayList<>();
        for (IndicatorScore is : score.indicators()) {
            Indicator row = form.getIndicators().get(is.index());
            if (row.getWeight() != null && is.score().compareTo(row.getWeight()) < 0 && row.getName() != null) {
                shortOnes.add(row.getName());
            }
        }
        boolean underspent = form.getBudgetLines().stream().anyMatch(l -> (l.getRole() == BudgetLineRole.TOTAL
                || l.getRole() == BudgetLineRole.ITEM) && l.getAnnualBudget() != null && l.getExecuted() != null
                && l.getAnnualBudget().signum() > 0 && l.getExecuted().compareTo(l.getAnnualBudget()) < 0);
        String problems = s.get(3).getBody();
        if (shortOnes.isEmpty() && !underspent) {
            assertThat(problems).contains("未发现明显问题");
        } else {
            assertThat(problems).doesNotContain("未发现明显问题");
            shortOnes.forEach(name -> assertThat(problems).contains(name));
            assertThat(problems.contains("预算执行不到位")).isEqualTo(underspent);
        }
        // What the draft quotes agrees with the table.
        assertThat(Scorers.fromClasspath().score(form).findings())
                .noneMatch(f -> f.code().equals("REPORT_NUMBER_MISMATCH"));
    }

    @Test
    void problemsComeFromTheRateTheRowsAndTheirReasonsAndNamesFromTheRecord() {
        EvaluationForm form = Fixtures.clean();
        form.setTitle(null);
        form.setUnit(null);
        form.getGoal().setExpected("完成年度参保任务。");
        BudgetLine total = form.getBudgetLines().stream().filter(l -> l.getRole() == BudgetLineRole.TOTAL)
                .findFirst().orElseThrow();
        total.setAnnualBudget(new BigDecimal("200"));
        total.setExecuted(new BigDecimal("130"));
        Indicator first = form.getIndicators().get(0);
        first.setActual("10%");
        first.setDeviationNote("受政策调整影响。");
        DeviationReasons reasons = new DeviationReasons();
        reasons.setFunding("资金下达较晚");
        first.setDeviationReasons(reasons);
        form.setReport(emptyReport());

        draft.fillEmptySections(form, "城乡居民医保宣传项目", "市医疗保障局");

        List<ReportSection> s = form.getReport().getSections();
        assertThat(s.get(0).getBody()).startsWith("城乡居民医保宣传项目由市医疗保障局实施。")
                .contains("全年预算数 200.00 万元").contains("全年执行数 130.00 万元").contains("执行率 65.00%")
                .endsWith("年度总体目标：完成年度参保任务。");
        assertThat(s.get(1).getBody()).startsWith("经自评，城乡居民医保宣传项目自评得分");
        String problems = s.get(3).getBody();
        assertThat(problems).contains("预算执行不到位").contains("执行率 65.00%").contains("尚有 70.00 万元未执行")
                .contains("指标未完全达成：" + first.getName())
                .contains("原因：受政策调整影响；经费保障方面，资金下达较晚")
                .doesNotContain("未发现明显问题").doesNotContain("。。");
    }

    @Test
    void tidyLeavesOneFullStop() {
        assertThat(ReportDraft.tidy("完成任务。。下一句，。再一句。.")).isEqualTo("完成任务。下一句。再一句。");
    }
}
