package org.perfeval.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormHistory;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.form.WorkflowRecord;
import org.perfeval.inbox.InboxMapper;
import org.perfeval.organisation.AccessPolicy;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.shared.NotFoundException;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestTree;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Forms flowing along chains computed from the tree (version 3 of the process): a 基层单位 under a
 * 二级单位 under a 主管部门, a 主管部门本级 form and a unit directly under 财政, 二级单位 review on and off,
 * 驳回到指定节点 and 撤回审批.
 */
@PerfevalTest
@Import(TestTree.class)
class ReviewLevelsProcessTest {
    @Autowired ProcessEngine engine;
    @Autowired TestTree testTree;
    @Autowired Approval approval;
    @Autowired ReviewService reviews;
    @Autowired FormMapper formMapper;
    @Autowired InboxMapper inboxMapper;
    @Autowired ApprovalMapper approvalMapper;
    @Autowired FormHistory history;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.perfeval.notification.NotificationService notifications;

    TestTree.Deep t;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        t = testTree.create();
    }

    @Test
    void aBaseUnitsFormGoesSecondLevelThenDepartmentThenFinanceThenIsPublished() {
        FormHeader form = testTree.openForm(t, t.base1(), "三级审核项目", true);
        submit(t.staffBase1(), form);
        assertThat(instance(form)).isWaitingAt("Task_SupervisorReview").hasPassed("Task_SelfScore", "Task_PlanReview");
        assertThat(group(form)).isEqualTo(AccessPolicy.departmentGroup(t.second().id()));
        assertThat(status(form)).isEqualTo(FormStatus.SUPERVISOR_REVIEW);

        // The 主管部门 sees the form (it is in its subtree) but does not review at the 二级单位's level.
        assertThat(approval.canReview(t.deptReviewer(), formMapper.findHeader(form.getId()))).isFalse();
        assertThatThrownBy(() -> reviews.decide(t.deptReviewer(), form.getId(), approve()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("其他审核层级");
        assertThat(approval.canReview(t.secondReviewer(), formMapper.findHeader(form.getId()))).isTrue();
        // The notice names the level that reviews: the 二级单位, not 主管部门.
        assertThat(notifications.list(t.secondReviewer())).anyMatch(n -> n.formId().equals(form.getId())
                && n.message().endsWith("待" + t.second().name() + "审核"));

        decide(t.secondReviewer(), form.getId(), approve());
        assertThat(instance(form)).isWaitingAt("Task_SupervisorReview");
        assertThat(group(form)).isEqualTo(AccessPolicy.departmentGroup(t.dept().id()));
        assertThat(lastStep(form).toStatus()).isEqualTo(FormStatus.SUPERVISOR_REVIEW);
        // Each level's task has the campaign's review deadline, which the deadline sweep watches.
        assertThat(inboxMapper.findByForm(form.getId()).dueAt())
                .isEqualTo(approvalMapper.findRoute(form.getId()).supervisorDue());
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance(form).getId()).singleResult()
                .getDueDate().toInstant()).isEqualTo(approvalMapper.findRoute(form.getId()).supervisorDue());

        decide(t.deptReviewer(), form.getId(), approve());
        assertThat(instance(form)).isWaitingAt("Task_FinanceReview");
        assertThat(status(form)).isEqualTo(FormStatus.FINANCE_REVIEW);
        assertThat(lastStep(form).toStatus()).isEqualTo(FormStatus.FINANCE_REVIEW);

        ProcessInstance running = instance(form);
        decide(t.financeReviewer(), form.getId(), approve());
        assertThat(running).isEnded().hasPassed("Task_Publish");
        assertThat(status(form)).isEqualTo(FormStatus.PUBLISHED);
    }

    @Test
    void withSecondLevelReviewOffTheDepartmentReviewsFirst() {
        FormHeader form = testTree.openForm(t, t.base1(), "二级关闭项目", false);
        submit(t.staffBase1(), form);
        assertThat(group(form)).isEqualTo(AccessPolicy.departmentGroup(t.dept().id()));
        decide(t.deptReviewer(), form.getId(), approve());
        assertThat(instance(form)).isWaitingAt("Task_FinanceReview");
    }

    @Test
    void aDepartmentsOwnFormAndADirectUnitGoStraightToFinance() {
        FormHeader own = testTree.openForm(t, t.dept(), "本级项目", true);
        submit(t.staffDept(), own);
        assertThat(instance(own)).isWaitingAt("Task_FinanceReview").hasNotPassed("Task_SupervisorReview");
        assertThat(status(own)).isEqualTo(FormStatus.FINANCE_REVIEW);
        // 财政 is its first reviewer: the unit may withdraw until 财政 claims it.
        assertThat(approval.canWithdraw(t.staffDept(), formMapper.findHeader(own.getId()))).isTrue();
        approval.withdraw(t.staffDept(), own.getId());
        assertThat(instance(own)).isWaitingAt("Task_FillDraft");
        assertThat(status(own)).isEqualTo(FormStatus.DRAFT);

        FormHeader direct = testTree.openForm(t, t.direct(), "直属单位项目", true);
        submit(t.staffDirect(), direct);
        assertThat(instance(direct)).isWaitingAt("Task_FinanceReview");
        // Nothing to return to below 财政 but the unit.
        assertThatThrownBy(() -> reviews.decide(t.financeReviewer(), direct.getId(),
                new ReviewInput(Decision.RETURN_TO_LEVEL, Map.of(), null, "请复核", 0)))
                .isInstanceOf(InvalidInputException.class);
        decide(t.financeReviewer(), direct.getId(), approve());
        assertThat(status(direct)).isEqualTo(FormStatus.PUBLISHED);
    }

    @Test
    void aReviewerReturnsToAnyEarlierLevelWithAReason() {
        FormHeader form = testTree.openForm(t, t.base1(), "退回层级项目", true);
        submit(t.staffBase1(), form);
        decide(t.secondReviewer(), form.getId(), approve());
        decide(t.deptReviewer(), form.getId(), approve());

        Approval.ReviewTask atFinance = approval.reviewTaskForDecision(t.financeReviewer(), form.getId());
        assertThat(approval.returnLevels(atFinance)).extracting(Approval.ReturnTarget::unitId)
                .containsExactly(t.second().id(), t.dept().id());
        assertThatThrownBy(() -> reviews.decide(t.financeReviewer(), form.getId(),
                new ReviewInput(Decision.RETURN_TO_LEVEL, Map.of(), null, " ", 0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("退回原因");
        assertThatThrownBy(() -> reviews.decide(t.financeReviewer(), form.getId(),
                new ReviewInput(Decision.RETURN_TO_LEVEL, Map.of(), null, "复核", 2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("审核层级");

        decide(t.financeReviewer(), form.getId(),
                new ReviewInput(Decision.RETURN_TO_LEVEL, Map.of(), null, "请二级单位复核佐证", 0));
        assertThat(instance(form)).isWaitingAt("Task_SupervisorReview");
        assertThat(group(form)).isEqualTo(AccessPolicy.departmentGroup(t.second().id()));
        assertThat(status(form)).isEqualTo(FormStatus.SUPERVISOR_REVIEW);
        WorkflowRecord returned = lastStep(form);
        assertThat(returned.action()).isEqualTo("RETURN_TO_LEVEL");
        assertThat(returned.detail()).contains(t.second().name()).contains("请二级单位复核佐证");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE object_id = ? AND action = 'RETURN'",
                Integer.class, String.valueOf(form.getId()))).isEqualTo(1);

        // Back up the chain, then the 主管部门 returns to the 二级单位, then finance sends it to the 主管部门.
        decide(t.secondReviewer(), form.getId(), approve());
        assertThat(group(form)).isEqualTo(AccessPolicy.departmentGroup(t.dept().id()));
        assertThatThrownBy(() -> reviews.decide(t.deptReviewer(), form.getId(),
                new ReviewInput(Decision.RETURN_TO_LEVEL, Map.of(), null, "自己", 1)))
                .isInstanceOf(InvalidInputException.class);
        decide(t.deptReviewer(), form.getId(),
                new ReviewInput(Decision.RETURN_TO_LEVEL, Map.of(), null, "偏差原因不充分", 0));
        assertThat(group(form)).isEqualTo(AccessPolicy.departmentGroup(t.second().id()));
        decide(t.secondReviewer(), form.getId(), approve());
        decide(t.deptReviewer(), form.getId(), approve());
        decide(t.financeReviewer(), form.getId(), returnWith(Decision.RETURN_TO_SUPERVISOR, "请主管部门复核"));
        assertThat(group(form)).isEqualTo(AccessPolicy.departmentGroup(t.dept().id()));
        decide(t.deptReviewer(), form.getId(), returnWith(Decision.RETURN_TO_UNIT, "请单位修改"));
        assertThat(instance(form)).isWaitingAt("Task_FillDraft");
        assertThat(status(form)).isEqualTo(FormStatus.DRAFT);

        // A resubmission starts the chain again at its first level.
        submit(t.staffBase1(), form);
        assertThat(group(form)).isEqualTo(AccessPolicy.departmentGroup(t.second().id()));
    }

    @Test
    void aReviewerRecallsTheirApprovalUntilTheNextLevelClaimsIt() {
        FormHeader form = testTree.openForm(t, t.base1(), "撤回审批项目", true);
        submit(t.staffBase1(), form);
        assertThatThrownBy(() -> approval.recall(t.secondReviewer(), form.getId()))
                .isInstanceOf(ConflictException.class);
        decide(t.secondReviewer(), form.getId(), approve());
        // The unit can no longer withdraw: its first reviewer has acted.
        assertThat(approval.canWithdraw(t.staffBase1(), formMapper.findHeader(form.getId()))).isFalse();
        assertThatThrownBy(() -> approval.withdraw(t.staffBase1(), form.getId()))
                .isInstanceOf(ConflictException.class);
        // Someone else's approval is not theirs to recall; a sibling branch's reviewer does not even see the form.
        assertThat(approval.canRecall(t.deptReviewer(), formMapper.findHeader(form.getId()))).isFalse();
        assertThatThrownBy(() -> approval.recall(t.deptReviewer(), form.getId()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> approval.recall(t.siblingReviewer(), form.getId()))
                .isInstanceOf(NotFoundException.class);

        assertThat(approval.canRecall(t.secondReviewer(), formMapper.findHeader(form.getId()))).isTrue();
        approval.recall(t.secondReviewer(), form.getId());
        assertThat(instance(form)).isWaitingAt("Task_SupervisorReview");
        assertThat(group(form)).isEqualTo(AccessPolicy.departmentGroup(t.second().id()));
        assertThat(inboxMapper.findByForm(form.getId()).assignee()).isEqualTo(t.secondReviewer().username());
        assertThat(lastStep(form).action()).isEqualTo("RECALL");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE object_id = ? AND action = 'RECALL'",
                Integer.class, String.valueOf(form.getId()))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_task WHERE form_id = ?", Integer.class,
                form.getId())).isEqualTo(1);

        // Approved again, then the 主管部门 claims it: too late to recall.
        decide(t.secondReviewer(), form.getId(), approve());
        approval.claim(t.deptReviewer(), form.getId());
        assertThatThrownBy(() -> approval.recall(t.secondReviewer(), form.getId()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("签收");

        // The 主管部门 approves and recalls from 财政 before 财政 claims it.
        decide(t.deptReviewer(), form.getId(), approve());
        assertThat(instance(form)).isWaitingAt("Task_FinanceReview");
        approval.recall(t.deptReviewer(), form.getId());
        assertThat(instance(form)).isWaitingAt("Task_SupervisorReview");
        assertThat(group(form)).isEqualTo(AccessPolicy.departmentGroup(t.dept().id()));
        assertThat(status(form)).isEqualTo(FormStatus.SUPERVISOR_REVIEW);
        decide(t.deptReviewer(), form.getId(), approve());
        decide(t.financeReviewer(), form.getId(), approve());
        assertThat(status(form)).isEqualTo(FormStatus.PUBLISHED);
    }

    /**
     * Decides and checks that the status the decision is recorded as leading to (Decision.leadsTo, the
     * one statement of the routing) is where the BPMN took the form.
     */
    private void decide(Actor reviewer, Long formId, ReviewInput input) {
        reviews.decide(reviewer, formId, input);
        List<WorkflowRecord> records = history.of(formId);
        WorkflowRecord decided = records.stream().filter(r -> r.actorId() != null && r.actorId().equals(reviewer.id()))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(decided.toStatus()).as("Decision.leadsTo agrees with the process")
                .isEqualTo(formMapper.findHeader(formId).getStatus());
    }

    private void submit(Actor staff, FormHeader form) {
        int version = formMapper.findHeader(form.getId()).getVersion();
        assertThat(approval.submit(staff, form.getId(), version, Fixtures.clean()).accepted()).isTrue();
    }

    private static ReviewInput approve() {
        return new ReviewInput(Decision.APPROVE, Map.of(), "同意", null);
    }

    private static ReviewInput returnWith(Decision decision, String reason) {
        return new ReviewInput(decision, Map.of(), null, reason);
    }

    private ProcessInstance instance(FormHeader form) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(form.getId())).singleResult();
    }

    private String group(FormHeader form) {
        return inboxMapper.findByForm(form.getId()).candidateGroup();
    }

    private FormStatus status(FormHeader form) {
        return formMapper.findHeader(form.getId()).getStatus();
    }

    private WorkflowRecord lastStep(FormHeader form) {
        List<WorkflowRecord> records = history.of(form.getId());
        return records.get(records.size() - 1);
    }
}
