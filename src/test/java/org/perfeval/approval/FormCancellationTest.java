package org.perfeval.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.perfeval.audit.AuditMapper;
import org.perfeval.campaign.CampaignService;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.form.WorkflowAction;
import org.perfeval.form.WorkflowRecord;
import org.perfeval.inbox.InboxMapper;
import org.perfeval.notification.Notification;
import org.perfeval.notification.NotificationKind;
import org.perfeval.notification.NotificationService;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** 作废 and 重新开放: who may, what they need, what the process, inbox, history and notices then say. */
@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class FormCancellationTest {
    @Autowired FormCancellation cancellation;
    @Autowired Approval approval;
    @Autowired ReviewService reviews;
    @Autowired TestOrg testOrg;
    @Autowired FormMapper formMapper;
    @Autowired InboxMapper inboxMapper;
    @Autowired EvaluationFormService forms;
    @Autowired CampaignService campaigns;
    @Autowired NotificationService notifications;
    @Autowired AuditMapper auditMapper;
    @Autowired MockMvc mvc;
    @Autowired UserAccountService accounts;

    @Test
    void anAdministratorCancelsAFormInReviewWithAReasonAndReopensIt() {
        TestOrg.World w = testOrg.create();
        String s = UUID.randomUUID().toString().substring(0, 8);
        Long id = testOrg.openForm(w, "作废" + s).getId();
        approval.submit(w.staffA(), id, formMapper.findHeader(id).getVersion(), Fixtures.clean());
        assertThat(formMapper.findHeader(id).getStatus()).isEqualTo(FormStatus.SUPERVISOR_REVIEW);

        assertThatThrownBy(() -> cancellation.cancel(w.staffA(), id, "不要了")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> cancellation.cancel(w.reviewer1(), id, "不要了")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> cancellation.cancel(w.finance(), id, "不要了")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> cancellation.cancel(w.admin(), id, "  "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("请填写作废原因");
        assertThatThrownBy(() -> cancellation.cancel(w.admin(), id, "长".repeat(501)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("500");
        assertThat(formMapper.findHeader(id).getStatus()).isEqualTo(FormStatus.SUPERVISOR_REVIEW);

        cancellation.cancel(w.admin(), id, "项目已撤销" + s);
        FormHeader cancelled = formMapper.findHeader(id);
        assertThat(cancelled.getStatus()).isEqualTo(FormStatus.CANCELLED);
        assertThat(cancelled.getCancelReason()).isEqualTo("项目已撤销" + s);
        assertThat(approval.openTask(id)).isNull();
        assertThat(inboxMapper.findByForm(id)).isNull();
        assertThat(lastAction(w, id).action()).isEqualTo(WorkflowAction.CANCEL.name());
        assertThat(lastAction(w, id).toStatus()).isEqualTo(FormStatus.CANCELLED);
        assertThat(auditMapper.search("CANCEL", null, String.valueOf(id), null, 10, 0)).hasSize(1);
        assertThat(notifications.list(w.staffA())).extracting(Notification::kind, Notification::formId)
                .contains(org.assertj.core.groups.Tuple.tuple(NotificationKind.CANCELLED, id));
        // A cancelled form is no one's to review or edit, and cannot be cancelled twice.
        assertThat(approval.canReview(w.reviewer1(), cancelled)).isFalse();
        assertThat(forms.canEdit(w.staffA(), cancelled)).isFalse();
        assertThatThrownBy(() -> cancellation.cancel(w.admin(), id, "再次")).isInstanceOf(ConflictException.class);

        assertThatThrownBy(() -> cancellation.reopen(w.staffA(), id, "恢复")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> cancellation.reopen(w.admin(), id, "")).isInstanceOf(InvalidInputException.class);
        cancellation.reopen(w.admin(), id, "项目恢复" + s);
        FormHeader reopened = formMapper.findHeader(id);
        assertThat(reopened.getStatus()).isEqualTo(FormStatus.DRAFT);
        assertThat(reopened.getCancelReason()).isNull();
        assertThat(approval.openTask(id).stage()).isEqualTo(Stage.FILL);
        assertThat(inboxMapper.findByForm(id).candidateGroup()).isEqualTo("unit-" + w.unitA().id());
        assertThat(notifications.list(w.staffA())).extracting(Notification::kind).contains(NotificationKind.REOPENED);
        SubmitOutcome again = approval.submit(w.staffA(), id, reopened.getVersion(), Fixtures.clean());
        assertThat(again.accepted()).isTrue();
        assertThat(formMapper.findHeader(id).getStatus()).isEqualTo(FormStatus.SUPERVISOR_REVIEW);
    }

    @Test
    void aFormOfAClosedCampaignIsReopenedForItsUnit() {
        TestOrg.World w = testOrg.create();
        String s = UUID.randomUUID().toString().substring(0, 8);
        FormHeader draft = testOrg.openForm(w, "结束后补报" + s);
        Long id = draft.getId();
        assertThatThrownBy(() -> cancellation.reopen(w.admin(), id, "补报"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("尚未结束");
        campaigns.close(w.admin(), draft.getCampaignId());
        assertThatThrownBy(() -> approval.submit(w.staffA(), id, formMapper.findHeader(id).getVersion(), Fixtures.clean()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已结束");

        cancellation.reopen(w.admin(), id, "同意补报" + s);
        assertThat(formMapper.findHeader(id).isReopened()).isTrue();
        assertThat(formMapper.findHeader(id).getReturnReason()).contains("同意补报" + s);
        assertThatThrownBy(() -> cancellation.reopen(w.admin(), id, "再次")).isInstanceOf(ConflictException.class);
        assertThat(approval.submit(w.staffA(), id, formMapper.findHeader(id).getVersion(), Fixtures.clean()).accepted())
                .isTrue();
        // Still in review when the campaign has closed: reopening takes it back to the unit.
        reviews.decide(w.reviewer1(), id, new ReviewInput(Decision.APPROVE, Map.of(), null, null));
        assertThat(formMapper.findHeader(id).getStatus()).isEqualTo(FormStatus.FINANCE_REVIEW);
        cancellation.reopen(w.admin(), id, "退回单位重填");
        assertThat(formMapper.findHeader(id).getStatus()).isEqualTo(FormStatus.DRAFT);
        assertThat(approval.openTask(id).stage()).isEqualTo(Stage.FILL);
        assertThat(inboxMapper.findByForm(id).stage()).isEqualTo(Stage.FILL.taskKey());
        assertThat(forms.history(w.admin(), id)).extracting(WorkflowRecord::action)
                .containsSubsequence("SUBMIT", "APPROVE", "REOPEN");
    }

    @Test
    void aPublishedFormIsNotCancelled() {
        TestOrg.World w = testOrg.create();
        Long id = testOrg.openForm(w, "已公开不作废" + UUID.randomUUID()).getId();
        approval.submit(w.staffA(), id, formMapper.findHeader(id).getVersion(), Fixtures.clean());
        reviews.decide(w.reviewer1(), id, new ReviewInput(Decision.APPROVE, Map.of(), null, null));
        reviews.decide(w.finance(), id, new ReviewInput(Decision.APPROVE, Map.of(), null, null));
        assertThatThrownBy(() -> cancellation.cancel(w.admin(), id, "作废"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("发起更正");
        assertThatThrownBy(() -> cancellation.reopen(w.admin(), id, "开放")).isInstanceOf(ConflictException.class);
        assertThat(formMapper.findHeader(id).getStatus()).isEqualTo(FormStatus.PUBLISHED);
    }

    @Test
    void theConfirmationPageShowsARefusalBesideTheReasonAndKeepsWhatWasTyped() throws Exception {
        TestOrg.World w = testOrg.create();
        Long id = testOrg.openForm(w, "页面作废" + UUID.randomUUID()).getId();
        var admin = user(accounts.loadUserByUsername(w.admin().username()));
        MockHttpServletResponse blank = mvc.perform(post("/admin/forms/" + id + "/cancel").param("reason", " ")
                .with(admin).with(csrf())).andReturn().getResponse();
        assertThat(blank.getStatus()).isEqualTo(400);
        assertThat(blank.getContentAsString()).contains("id=\"reason-error\"").contains("请填写作废原因");
        MockHttpServletResponse tooLong = mvc.perform(post("/admin/forms/" + id + "/cancel").param("reason", "字".repeat(501))
                .with(admin).with(csrf())).andReturn().getResponse();
        assertThat(tooLong.getContentAsString()).contains("不能超过 500 个字").contains("字".repeat(501));
        MockHttpServletResponse done = mvc.perform(post("/admin/forms/" + id + "/cancel").param("reason", "重复下发")
                .with(admin).with(csrf())).andReturn().getResponse();
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(formMapper.findHeader(id).getStatus()).isEqualTo(FormStatus.CANCELLED);
        MockHttpServletResponse twice = mvc.perform(post("/admin/forms/" + id + "/cancel").param("reason", "再次")
                .with(admin).with(csrf())).andReturn().getResponse();
        assertThat(twice.getStatus()).isEqualTo(409);
        assertThat(twice.getContentAsString()).contains("该评价表已作废").contains("再次");
    }

    private WorkflowRecord lastAction(TestOrg.World w, Long id) {
        List<WorkflowRecord> history = forms.history(w.admin(), id);
        return history.get(history.size() - 1);
    }
}
