package org.perfeval.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.approval.Decision;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;

/** After a return and a resubmission the reviewer sees exactly the fields that changed. */
@PerfevalTest
class FormDiffTest {
    @Autowired TestOrg testOrg;
    @Autowired EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired ReviewService reviews;
    @Autowired FormMapper formMapper;
    @Autowired FormDiff diff;

    @Test
    void showsTheFieldsChangedSinceThePreviousSubmission() {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "修改对比");
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
        assertThat(diff.sinceLastSubmission(form.getId())).isEmpty();
        reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.RETURN_TO_UNIT, Map.of(), null, "改"));

        EvaluationForm fixed = Fixtures.clean();
        fixed.getIndicators().get(2).setActual("98%");
        fixed.getIndicators().get(2).setClaimedScore(new java.math.BigDecimal("14.7"));
        fixed.getIndicators().get(2).setImprovement("加快支付进度");
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), fixed);

        List<FormDiff.Change> changes = diff.sinceLastSubmission(form.getId());
        assertThat(changes).extracting(FormDiff.Change::path).containsExactlyInAnyOrder(
                "indicators[2].actual", "indicators[2].claimedScore", "indicators[2].improvement");
        assertThat(changes).filteredOn(c -> c.path().endsWith("actual")).singleElement()
                .satisfies(c -> {
                    assertThat(c.before()).isEqualTo("100%");
                    assertThat(c.after()).isEqualTo("98%");
                });
    }
}
