package org.perfeval.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.approval.SubmitOutcome;
import org.perfeval.inbox.InboxMapper;
import org.perfeval.inbox.InboxTask;
import org.perfeval.approval.Decision;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path through bpmn/self-evaluation.bpmn, driven through the application services. */
@PerfevalTest
class SelfEvaluationProcessTest {
    @Autowired ProcessEngine engine;
    @Autowired TestOrg testOrg;
    @Autowired EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired ReviewService reviews;
    @Autowired FormMapper formMapper;
    @Autowired ApprovalMapper approvalMapper;
    @Autowired InboxMapper inboxMapper;
    @Autowired org.perfeval.notification.NotificationService notifications;

    TestOrg.World w;
    FormHeader form;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        w = testOrg.create();
        form = testOrg.openForm(w, "流程测试项目");
    }

    @Test
    void approvedTwiceIsPublished() {
        assertThat(instance()).isWaitingAt("Task_FillDraft");
        assertThat(submitClean().accepted()).isTrue();
        assertThat(instance()).isWaitingAt("Task_SupervisorReview");
        assertThat(status()).isEqualTo(FormStatus.SUPERVISOR_REVIEW);

        reviews.decide(w.reviewer1(), form.getId(), approve());
        assertThat(instance()).isWaitingAt("Task_FinanceReview");
        ProcessInstance running = instance();
        reviews.decide(w.finance(), form.getId(), approve());

        assertThat(running).isEnded().hasPassed("Task_SelfScore", "Task_Publish", "EndEvent_Published");
        assertThat(status()).isEqualTo(FormStatus.PUBLISHED);
        assertThat(inboxMapper.findByForm(form.getId())).isNull();
    }

    @Test
    void groupsComeFromTheFormAndNoVariableIsStored() {
        String pid = instance().getId();
        assertThat(projection().candidateGroup()).isEqualTo("unit-" + w.unitA().id());
        submitClean();
        assertThat(projection().candidateGroup()).isEqualTo("dept-" + w.dept1().id());
        assertThat(notifications.list(w.reviewer1())).extracting(org.perfeval.notification.Notification::message)
                .contains("【待办】流程测试项目（" + w.unitA().name() + "）待主管部门审核");
        assertThat(notifications.list(w.reviewer2())).isEmpty();
        reviews.decide(w.reviewer1(), form.getId(), returnWith(Decision.RETURN_TO_UNIT, "请补充佐证"));
        submitClean();
        reviews.decide(w.reviewer1(), form.getId(), approve());
        assertThat(projection().candidateGroup()).isEqualTo("finance");

        // Routing flags are transient and groups are read from the form; only the review chain's ids stay.
        assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(pid).list())
                .extracting(v -> v.getName() + "=" + v.getValue())
                .containsExactlyInAnyOrder("reviewLevels=" + w.dept1().id(), "levelIndex=1");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pid).list())
                .extracting(v -> v.getName()).containsExactlyInAnyOrder("reviewLevels", "levelIndex");
    }

    @Test
    void supervisorReturnThenResubmitThenApprove() {
        submitClean();
        reviews.decide(w.reviewer1(), form.getId(), returnWith(Decision.RETURN_TO_UNIT, "指标偏差原因未填写"));

        assertThat(instance()).isWaitingAt("Task_FillDraft");
        FormHeader returned = formMapper.findHeader(form.getId());
        assertThat(returned.getStatus()).isEqualTo(FormStatus.DRAFT);
        assertThat(returned.getReturnReason()).isEqualTo("指标偏差原因未填写");
        assertThat(forms.read(w.staffA(), form.getId()).content().getIndicators()).isNotEmpty();

        assertThat(submitClean().accepted()).isTrue();
        assertThat(instance()).isWaitingAt("Task_SupervisorReview");
        assertThat(formMapper.findHeader(form.getId()).getReturnReason()).isNull();
        reviews.decide(w.reviewer1(), form.getId(), approve());
        assertThat(instance()).isWaitingAt("Task_FinanceReview");
    }

    @Test
    void financeReturnsToUnit() {
        submitClean();
        reviews.decide(w.reviewer1(), form.getId(), approve());
        reviews.decide(w.finance(), form.getId(), returnWith(Decision.RETURN_TO_UNIT, "绩效目标不明确"));
        assertThat(instance()).isWaitingAt("Task_FillDraft");
        assertThat(status()).isEqualTo(FormStatus.DRAFT);
    }

    @Test
    void financeReturnsToSupervisor() {
        submitClean();
        reviews.decide(w.reviewer1(), form.getId(), approve());
        reviews.decide(w.finance(), form.getId(), returnWith(Decision.RETURN_TO_SUPERVISOR, "请主管部门复核得分"));
        assertThat(instance()).isWaitingAt("Task_SupervisorReview");
        assertThat(status()).isEqualTo(FormStatus.SUPERVISOR_REVIEW);
    }

    @Test
    void errorFindingsSendTheFormBackToFill() {
        int version = formMapper.findHeader(form.getId()).getVersion();
        SubmitOutcome outcome = approval.submit(w.staffA(), form.getId(), version, Fixtures.withErrors());

        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.errors()).extracting(f -> f.code()).contains("WEIGHTS_NOT_100");
        assertThat(instance()).isWaitingAt("Task_FillDraft").hasPassed("Task_SelfScore");
        FormHeader after = formMapper.findHeader(form.getId());
        assertThat(after.getStatus()).isEqualTo(FormStatus.DRAFT);
        assertThat(after.isHasErrors()).isTrue();
        assertThat(after.getScoreJson()).contains("WEIGHTS_NOT_100");
    }

    @Test
    void unitWithdrawsBeforeClaim() {
        submitClean();
        approval.withdraw(w.staffA(), form.getId());
        assertThat(instance()).isWaitingAt("Task_FillDraft").hasPassed("Gateway_LevelDecision");
        assertThat(status()).isEqualTo(FormStatus.DRAFT);
        assertThat(projection().stage()).isEqualTo("Task_FillDraft");
    }

    @Test
    void withdrawIsRefusedOnceClaimed() {
        submitClean();
        approval.claim(w.reviewer1(), form.getId());
        assertThatThrownBy(() -> approval.withdraw(w.staffA(), form.getId()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已签收");
        assertThat(instance()).isWaitingAt("Task_SupervisorReview");
        assertThat(projection().assignee()).isEqualTo(w.reviewer1().username());
    }

    @Test
    void returnNeedsAReasonAndOnlyFinanceReturnsToSupervisor() {
        submitClean();
        assertThatThrownBy(() -> reviews.decide(w.reviewer1(), form.getId(),
                new ReviewInput(Decision.RETURN_TO_UNIT, Map.of(), null, "  ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("退回原因");
        assertThatThrownBy(() -> reviews.decide(w.reviewer1(), form.getId(),
                returnWith(Decision.RETURN_TO_SUPERVISOR, "x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("财政部门");
        assertThat(instance()).isWaitingAt("Task_SupervisorReview");
    }

    @Test
    void tasksCarryTheCampaignDeadlines() {
        Task fill = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key()).singleResult();
        assertThat(fill.getDueDate()).isNotNull();
        submitClean();
        Task review = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key()).singleResult();
        assertThat(review.getDueDate()).isAfter(fill.getDueDate());
        assertThat(projection().dueAt()).isEqualTo(review.getDueDate().toInstant());
        assertThat(review.getDueDate().toInstant())
                .isEqualTo(approvalMapper.findRoute(form.getId()).supervisorDue());
    }

    private SubmitOutcome submitClean() {
        int version = formMapper.findHeader(form.getId()).getVersion();
        return approval.submit(w.staffA(), form.getId(), version, Fixtures.clean());
    }

    private static ReviewInput approve() {
        return new ReviewInput(Decision.APPROVE, Map.of("建议继续全额安排", "执行良好"), "同意", null);
    }

    private static ReviewInput returnWith(Decision decision, String reason) {
        return new ReviewInput(decision, Map.of(), null, reason);
    }

    private ProcessInstance instance() {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key()).singleResult();
    }

    private InboxTask projection() {
        return inboxMapper.findByForm(form.getId());
    }

    private String key() {
        return String.valueOf(form.getId());
    }

    private FormStatus status() {
        return formMapper.findHeader(form.getId()).getStatus();
    }
}
