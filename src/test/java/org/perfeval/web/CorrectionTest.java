package org.perfeval.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.publication.PublicationService;
import org.perfeval.approval.Decision;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.test.web.servlet.MockMvc;

/** A correction is a new revision that supersedes the published one; both are kept and the change is shown. */
@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class CorrectionTest {
    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired ReviewService reviews;
    @Autowired FormMapper formMapper;
    @Autowired PublicationService publication;

    @Test
    void correctedFormSupersedesTheFirstRevisionAndShowsWhatChanged() throws Exception {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "更正项目");
        approveTwice(w, form, Fixtures.clean());
        assertThat(publication.publishedForm(form.getId()).record().revision()).isEqualTo(1);

        assertThatThrownBy(() -> publication.reopenForCorrection(w.finance(), form.getId(), "数字有误"))
                .isInstanceOf(ForbiddenException.class);
        publication.reopenForCorrection(w.admin(), form.getId(), "参保人数填写有误");
        assertThat(formMapper.findHeader(form.getId()).getStatus()).isEqualTo(FormStatus.DRAFT);
        // Until the correction is approved, the first revision stays public.
        mvc.perform(get("/public/forms/" + form.getId())).andExpect(content().string(not(containsString("更正说明"))));

        EvaluationForm corrected = Fixtures.clean();
        corrected.getIndicators().get(0).setActual("98%");
        corrected.getIndicators().get(0).setClaimedScore(new java.math.BigDecimal("14.7"));
        corrected.getIndicators().get(0).setImprovement("更正：实际完成 98%");
        approveTwice(w, form, corrected);

        assertThat(publication.publishedForm(form.getId()).record().revision()).isEqualTo(2);
        mvc.perform(get("/public/forms/" + form.getId()))
                .andExpect(content().string(containsString("更正说明")))
                .andExpect(content().string(containsString("98%")))
                .andExpect(content().string(containsString("指标第 1 行「实际完成值」")));
        assertThat(publication.previous(publication.publishedForm(form.getId()).record()).revision()).isEqualTo(1);
        assertThat(publication.published()).filteredOn(r -> r.formId().equals(form.getId())).hasSize(1);
    }

    private void approveTwice(TestOrg.World w, FormHeader form, EvaluationForm content) {
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), content);
        reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), null, null));
        reviews.decide(w.finance(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), null, null));
    }
}
