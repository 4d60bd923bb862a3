package org.perfeval.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfeval.inbox.InboxItem;
import org.perfeval.inbox.InboxService;
import org.perfeval.publication.PublicationService;
import org.perfeval.approval.Decision;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewOpinion;
import org.perfeval.review.ReviewService;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.NotFoundException;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;

/** One form through every stage as three different users, with outsiders kept out throughout. */
@PerfevalTest
class WholeFlowTest {
    @Autowired TestOrg testOrg;
    @Autowired EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired ReviewService reviews;
    @Autowired InboxService inbox;
    @Autowired PublicationService publication;

    @Test
    void formGoesThroughEveryStageAndLeavesARecordOfEachStep() {
        TestOrg.World w = testOrg.create();
        FormHeader opened = testOrg.openForm(w, "全流程项目");
        Long id = opened.getId();

        assertThat(inboxIds(w.staffA())).contains(id);
        assertThat(inboxIds(w.staffB())).doesNotContain(id);
        assertOutsidersBlocked(w, id);

        int version = forms.read(w.staffA(), id).header().getVersion();
        version = forms.saveDraft(w.staffA(), id, version, Fixtures.clean());
        assertThat(approval.submit(w.staffA(), id, version, Fixtures.clean()).accepted()).isTrue();
        assertThat(inboxIds(w.staffA())).doesNotContain(id);
        assertThat(inboxIds(w.reviewer1())).contains(id);
        assertThat(inboxIds(w.reviewer2())).doesNotContain(id);
        assertOutsidersBlocked(w, id);

        approval.claim(w.reviewer1(), id);
        reviews.decide(w.reviewer1(), id, new ReviewInput(Decision.APPROVE,
                Map.of("建议继续全额安排", "项目成效明显", "规范财政资金管理", ""), "同意上报", null));
        assertThat(inboxIds(w.finance())).contains(id);
        assertThat(inboxIds(w.reviewer1())).doesNotContain(id);

        reviews.decide(w.finance(), id, new ReviewInput(Decision.APPROVE,
                Map.of("建议继续安排，按规定调整下一年度预算金额", "按执行率调整"), "同意公开", null));

        assertThat(forms.read(w.staffA(), id).header().getStatus()).isEqualTo(FormStatus.PUBLISHED);
        assertThat(publication.published()).extracting(r -> r.formId()).contains(id);
        assertThat(publication.publishedForm(id).content().getIndicators()).hasSize(9);

        List<WorkflowRecord> history = forms.history(w.staffA(), id);
        assertThat(history).extracting(WorkflowRecord::action).containsExactly(
                "OPEN", "SAVE", "SUBMIT", "SCORE", "CLAIM", "APPROVE", "APPROVE", "PUBLISH");
        assertThat(history).extracting(WorkflowRecord::actorName).containsExactly(
                "管理员", "甲填报", "甲填报", "系统", "一审核", "一审核", "财审核", "系统");
        assertThat(history).filteredOn(r -> r.action().equals("APPROVE"))
                .extracting(WorkflowRecord::fromStatus, WorkflowRecord::toStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(FormStatus.SUPERVISOR_REVIEW, FormStatus.FINANCE_REVIEW),
                        org.assertj.core.groups.Tuple.tuple(FormStatus.FINANCE_REVIEW, FormStatus.PUBLISHED));

        List<ReviewOpinion> opinions = reviews.opinions(w.finance(), id);
        assertThat(opinions).hasSize(2);
        assertThat(opinions.get(0).options()).extracting(ReviewOpinion.CheckedOption::optionLabel)
                .containsExactlyInAnyOrder("建议继续全额安排", "规范财政资金管理");
        assertOutsidersBlocked(w, id);
    }

    private void assertOutsidersBlocked(TestOrg.World w, Long id) {
        assertThatThrownBy(() -> forms.read(w.staffB(), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forms.read(w.reviewer2(), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forms.saveDraft(w.staffB(), id, 0, Fixtures.clean()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reviews.decide(w.reviewer2(), id,
                new ReviewInput(Decision.APPROVE, Map.of(), null, null))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> approval.claim(w.reviewer2(), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> approval.withdraw(w.staffB(), id)).isInstanceOf(NotFoundException.class);
        // Visible but not theirs to act on:
        assertThatThrownBy(() -> forms.saveDraft(w.reviewer1(), id, 0, Fixtures.clean()))
                .isInstanceOf(ForbiddenException.class);
    }

    private List<Long> inboxIds(org.perfeval.shared.Actor actor) {
        return inbox.inbox(actor, 0).stream().map(InboxItem::formId).toList();
    }
}
