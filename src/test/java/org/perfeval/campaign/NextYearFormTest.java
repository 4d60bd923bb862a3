package org.perfeval.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.FormType;
import org.perfeval.exchange.Indicator;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStore;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;

/** Next year's form of the same project starts from last year's indicators, with last year's actuals beside them. */
@PerfevalTest
class NextYearFormTest {
    @Autowired TestOrg testOrg;
    @Autowired CampaignService campaigns;
    @Autowired EvaluationFormService forms;
    @Autowired FormMapper formMapper;
    @Autowired FormStore store;

    @Test
    void startsFromLastYearsIndicators() {
        TestOrg.World w = testOrg.create();
        FormHeader lastYear = testOrg.openForm(w, "连续项目");
        forms.saveDraft(w.staffA(), lastYear.getId(), formMapper.findHeader(lastYear.getId()).getVersion(), Fixtures.clean());

        NewCampaign c = new NewCampaign();
        c.name = "2025年度项目支出绩效自评";
        c.fiscalYear = 2025;
        c.formType = FormType.PROJECT;
        Long id = campaigns.create(w.admin(), c).id();
        campaigns.open(w.admin(), id, List.of(new FormAssignment(w.unitA().id(), "连续项目"),
                new FormAssignment(w.unitA().id(), "新项目")));
        List<FormHeader> opened = formMapper.findByCampaign(id);

        EvaluationForm next = store.content(opened.get(0).getId());
        List<Indicator> named = Fixtures.clean().getIndicators().stream()
                .filter(i -> i.getName() != null && !i.getName().isBlank()).toList();
        assertThat(next.getIndicators()).extracting(Indicator::getName)
                .containsExactlyElementsOf(named.stream().map(Indicator::getName).toList());
        assertThat(next.getIndicators()).extracting(Indicator::getPreviousActual)
                .containsExactlyElementsOf(named.stream().map(Indicator::getActual).toList());
        assertThat(next.getIndicators()).allMatch(i -> i.getActual() == null && i.getClaimedScore() == null);
        // A project without a form last year starts from the template.
        assertThat(store.content(opened.get(1).getId()).getIndicators()).allMatch(i -> i.getName() == null);
    }
}
