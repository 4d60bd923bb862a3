package org.perfeval.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.Report;
import org.perfeval.exchange.ReportSection;
import org.perfeval.exchange.json.Scorers;
import org.perfeval.support.Fixtures;

class ReportDraftTest {
    final ReportDraft draft = new ReportDraft(Scorers.fromClasspath());

    @Test
    void draftsEmptySectionsFromTheFiguresAndKeepsWrittenOnes() {
        EvaluationForm form = Fixtures.read("example-liaoning-caps.json");
        Report report = new Report();
        report.setSections(new java.util.ArrayList<>(List.of(
                new ReportSection("一、项目基本情况", ""),
                new ReportSection("三、综合评价情况及评价结论", null),
                new ReportSection("六、存在的问题及原因", null),
                new ReportSection("七、有关建议", "单位自己写的建议"))));
        form.setReport(report);

        assertThat(draft.fillEmptySections(form)).isEqualTo(3);

        List<ReportSection> s = form.getReport().getSections();
        assertThat(s.get(0).getBody()).contains("全年预算数 50.00").contains("执行率 65.00%");
        assertThat(s.get(1).getBody()).contains("自评得分").contains("等级");
        assertThat(s.get(2).getBody()).contains("业务办结及时率").contains("窗口人员不足");
        assertThat(s.get(3).getBody()).isEqualTo("单位自己写的建议");
        // The draft quotes the table, so it agrees with it; an edited number does not.
        assertThat(Scorers.fromClasspath().score(form).findings()).noneMatch(f -> f.code().equals("REPORT_NUMBER_MISMATCH"));
        s.get(0).setBody(s.get(0).getBody().replace("执行率 65.00%", "执行率 95%"));
        s.get(1).setBody("经自评，自评得分 99 分。");
        assertThat(Scorers.fromClasspath().score(form).findings())
                .filteredOn(f -> f.code().equals("REPORT_NUMBER_MISMATCH"))
                .extracting(org.perfeval.scoring.Finding::path)
                .containsExactly("report.sections[0].body", "report.sections[1].body");
    }
}
