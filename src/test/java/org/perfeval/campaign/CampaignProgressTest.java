package org.perfeval.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormStatus;

/** The dashboard's numbers: units ranked by score, scores in bands, nothing to chart when nothing is scored. */
class CampaignProgressTest {
    static FormHeader form(String unit, String score, boolean errors) {
        FormHeader h = new FormHeader();
        h.setUnitName(unit);
        h.setTitle(unit + "项目");
        h.setSupervisingUnitName("主管部门");
        h.setStatus(FormStatus.SUPERVISOR_REVIEW);
        h.setScoreTotal(score == null ? null : new BigDecimal(score));
        h.setHasErrors(errors);
        return h;
    }

    @Test
    void unitsAreRankedByScoreAndScoresFallInTheirBands() {
        CampaignProgress p = CampaignProgress.of(List.of(form("乙单位", "78.5", false), form("甲单位", "92", false),
                form("丙单位", "59.99", false), form("丁单位", "99", true), form("戊单位", null, false),
                form("己单位", "100", false), form("庚单位", "60", false)), Map.of(), Instant.now());
        assertThat(p.ranking()).extracting(CampaignProgress.Ranked::unitName)
                .containsExactly("己单位", "甲单位", "乙单位", "庚单位", "丙单位");
        assertThat(p.histogram()).containsExactly(Map.entry("60分以下", 1L), Map.entry("60-70分", 1L),
                Map.entry("70-80分", 1L), Map.entry("80-90分", 0L), Map.entry("90分以上", 2L));
        assertThat(p.hasForms()).isTrue();
        assertThat(p.hasScores()).isTrue();
    }

    @Test
    void aCampaignWithoutScoresHasNothingToRank() {
        CampaignProgress none = CampaignProgress.of(List.of(), Map.of(), Instant.now());
        assertThat(none.hasForms()).isFalse();
        assertThat(none.hasScores()).isFalse();
        CampaignProgress unscored = CampaignProgress.of(List.of(form("甲单位", null, false)), Map.of(), Instant.now());
        assertThat(unscored.hasForms()).isTrue();
        assertThat(unscored.hasScores()).isFalse();
        assertThat(unscored.histogram().values()).allMatch(n -> n == 0L);
    }
}
