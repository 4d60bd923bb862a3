package org.perfeval.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfeval.audit.AuditLog;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.form.WorkflowRecord;
import org.perfeval.inbox.InboxMapper;
import org.perfeval.notification.NotificationService;
import org.perfeval.organisation.OrgAdminService;
import org.perfeval.organisation.ReviewerDirectory;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.shared.NotFoundException;
import org.perfeval.shared.Role;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 取消签收, 改派, 转办, 委派: each changes the engine task and the inbox projection together, leaves a
 * history entry, an audit entry and a notice, and refuses whoever may not (with a Chinese message).
 */
@PerfevalTest
class TaskControlTest {
    @Autowired TestOrg testOrg;
    @Autowired OrgAdminService org;
    @Autowired ReviewerDirectory directory;
    @Autowired Approval approval;
    @Autowired TaskControl control;
    @Autowired ReviewService reviews;
    @Autowired EvaluationFormService forms;
    @Autowired FormMapper formMapper;
    @Autowired InboxMapper inbox;
    @Autowired TaskService taskService;
    @Autowired NotificationService notifications;
    @Autowired AuditLog audit;

    TestOrg.World w;
    Actor lead;
    Long formId;

    @BeforeEach
    void formAtSupervisorReview() {
        w = testOrg.create();
        lead = org.actorOf(org.createUser("lead-" + w.dept1().code(), "牵头审核", w.dept1(), Role.SUPERVISOR_REVIEWER,
                TestOrg.PASSWORD));
        directory.setLead(w.admin(), lead.id(), true);
        formId = testOrg.openForm(w, "任务办理测试").getId();
        approval.submit(w.staffA(), formId, formMapper.findHeader(formId).getVersion(), Fixtures.clean());
        assertThat(formMapper.findHeader(formId).getStatus()).isEqualTo(FormStatus.SUPERVISOR_REVIEW);
    }

    @Test
    void claimantReleasesAndTheTaskIsOpenToTheGroupAgain() {
        approval.claim(w.reviewer1(), formId);
        assertThat(assignee()).isEqualTo(w.reviewer1().username());

        assertThatThrownBy(() -> control.release(w.reviewer1b(), formId))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("只有签收人本人");
        assertThatThrownBy(() -> control.release(w.reviewer2(), formId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> control.release(w.staffA(), formId)).isInstanceOf(ForbiddenException.class);

        control.release(w.reviewer1(), formId);
        assertThat(assignee()).isNull();
        assertThat(actions()).contains("CLAIM", "RELEASE");
        assertThat(audit.search("TASK_RELEASE", null, String.valueOf(formId), null, 10)).hasSize(1);
        // Everyone of the group is told the task is free again, the one who released it too.
        assertThat(notifications.list(w.reviewer1b())).anyMatch(n -> n.message().contains("已取消签收"));
        assertThatThrownBy(() -> control.release(w.reviewer1(), formId))
                .isInstanceOf(ConflictException.class).hasMessageContaining("尚未签收");
        // Released, the form can again be withdrawn by its unit: the claim no longer stands.
        approval.withdraw(w.staffA(), formId);
        assertThat(formMapper.findHeader(formId).getStatus()).isEqualTo(FormStatus.DRAFT);
    }

    @Test
    void onlyAnAdministratorOrTheLeadReviewerReassigns() {
        approval.claim(w.reviewer1(), formId);

        assertThatThrownBy(() -> control.reassign(w.reviewer1b(), formId, w.reviewer1b().id()))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("牵头审核人");
        assertThatThrownBy(() -> control.reassign(w.staffA(), formId, w.reviewer1b().id()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> control.reassign(w.reviewer2(), formId, w.reviewer1b().id()))
                .isInstanceOf(NotFoundException.class);
        // Only to a reviewer of the stage's group.
        assertThatThrownBy(() -> control.reassign(lead, formId, w.reviewer2().id()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(assignee()).isEqualTo(w.reviewer1().username());

        control.reassign(lead, formId, w.reviewer1b().id());
        assertThat(assignee()).isEqualTo(w.reviewer1b().username());
        control.reassign(w.admin(), formId, w.reviewer1().id());
        assertThat(assignee()).isEqualTo(w.reviewer1().username());
        assertThat(actions()).containsSubsequence("CLAIM", "REASSIGN", "REASSIGN");
        // The absent reviewer learns their task went to someone else; the new one that it arrived.
        assertThat(notifications.list(w.reviewer1())).anyMatch(n -> n.message().contains("改派给"));
        assertThat(notifications.list(w.reviewer1b())).anyMatch(n -> n.message().contains("交给您办理"));

        // A lead reviewer of another department leads nothing here.
        Actor otherLead = org.actorOf(org.createUser("lead2-" + w.dept2().code(), "他部门牵头", w.dept2(),
                Role.SUPERVISOR_REVIEWER, TestOrg.PASSWORD));
        directory.setLead(w.admin(), otherLead.id(), true);
        assertThatThrownBy(() -> control.reassign(otherLead, formId, w.reviewer1b().id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void transferHandsTheTaskOverForGood() {
        approval.claim(w.reviewer1(), formId);
        assertThatThrownBy(() -> control.transfer(w.reviewer1b(), formId, lead.id(), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("只有签收人可以转办");
        assertThatThrownBy(() -> control.transfer(w.reviewer1(), formId, w.reviewer1().id(), null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> control.transfer(w.reviewer1(), formId, w.reviewer2().id(), null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> control.transfer(w.reviewer1(), formId, null, null))
                .isInstanceOf(InvalidInputException.class);

        control.transfer(w.reviewer1(), formId, w.reviewer1b().id(), "本人出差");
        assertThat(assignee()).isEqualTo(w.reviewer1b().username());
        assertThat(history()).anyMatch(r -> r.action().equals("TRANSFER") && r.detail().contains("本人出差"));
        // The former claimant may no longer decide; the new one does.
        assertThatThrownBy(() -> reviews.decide(w.reviewer1(), formId, approve())).isInstanceOf(ConflictException.class);
        reviews.decide(w.reviewer1b(), formId, approve());
        assertThat(formMapper.findHeader(formId).getStatus()).isEqualTo(FormStatus.FINANCE_REVIEW);
    }

    @Test
    void delegateAnswersAndOnlyTheDelegatorDecides() {
        // Unclaimed: delegating claims it for the delegator first, so it has someone to return to.
        control.delegate(w.reviewer1(), formId, w.reviewer1b().id(), "请核对预算执行率");
        assertThat(assignee()).isEqualTo(w.reviewer1b().username());
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(formId)).singleResult();
        assertThat(task.getOwner()).isEqualTo(w.reviewer1().username());

        assertThatThrownBy(() -> reviews.decide(w.reviewer1b(), formId, approve()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("委派");
        assertThatThrownBy(() -> reviews.decide(w.reviewer1(), formId, approve()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("委派");
        assertThat(approval.canReview(w.reviewer1b(), formMapper.findHeader(formId))).isFalse();
        assertThatThrownBy(() -> control.resolve(w.reviewer1(), formId, "我来答"))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("被委派人");
        assertThatThrownBy(() -> control.resolve(w.reviewer1b(), formId, "  "))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> control.transfer(w.reviewer1b(), formId, lead.id(), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("委派");
        assertThat(notifications.list(w.reviewer1b())).anyMatch(n -> n.message().contains("委派您"));

        control.resolve(w.reviewer1b(), formId, "执行率核对无误");
        assertThat(assignee()).isEqualTo(w.reviewer1().username());
        assertThat(history()).anyMatch(r -> r.action().equals("RESOLVE") && r.detail().equals("执行率核对无误"));
        assertThat(notifications.list(w.reviewer1())).anyMatch(n -> n.message().contains("已回复处理意见"));
        assertThatThrownBy(() -> reviews.decide(w.reviewer1b(), formId, approve())).isInstanceOf(ConflictException.class);
        reviews.decide(w.reviewer1(), formId, approve());
        assertThat(formMapper.findHeader(formId).getStatus()).isEqualTo(FormStatus.FINANCE_REVIEW);
        assertThat(audit.search("TASK_DELEGATE", null, String.valueOf(formId), null, 10)).hasSize(1);
        assertThat(audit.search("TASK_RESOLVE", null, String.valueOf(formId), null, 10)).hasSize(1);
    }

    @Test
    void reassigningADelegatedTaskEndsTheDelegation() {
        control.delegate(w.reviewer1(), formId, w.reviewer1b().id(), null);
        control.reassign(lead, formId, lead.id());
        assertThat(assignee()).isEqualTo(lead.username());
        reviews.decide(lead, formId, approve());
        assertThat(formMapper.findHeader(formId).getStatus()).isEqualTo(FormStatus.FINANCE_REVIEW);
    }

    @Test
    void theControlsOfferedMatchWhoIsLooking() {
        var header = formMapper.findHeader(formId);
        assertThat(control.controls(w.staffA(), header).any()).isFalse();
        assertThat(control.controls(w.reviewer2(), header).any()).isFalse();
        TaskControl.Controls free = control.controls(w.reviewer1(), header);
        assertThat(free.canTransfer()).isTrue();
        assertThat(free.canRelease()).isFalse();
        assertThat(free.canReassign()).isFalse();
        assertThat(control.controls(lead, header).canReassign()).isTrue();
        assertThat(control.controls(w.admin(), header).canReassign()).isTrue();
        approval.claim(w.reviewer1(), formId);
        assertThat(control.controls(w.reviewer1(), header).canRelease()).isTrue();
        assertThat(control.controls(w.reviewer1b(), header).canTransfer()).isFalse();
    }

    private ReviewInput approve() {
        return new ReviewInput(Decision.APPROVE, Map.of(), null, null);
    }

    /** The projection's assignee, checked against the engine's on every read. */
    private String assignee() {
        String projected = inbox.findByForm(formId).assignee();
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(formId)).singleResult();
        assertThat(projected).as("inbox projection follows the engine").isEqualTo(task.getAssignee());
        return projected;
    }

    private List<WorkflowRecord> history() {
        return forms.history(w.admin(), formId);
    }

    private List<String> actions() {
        return history().stream().map(WorkflowRecord::action).toList();
    }
}
