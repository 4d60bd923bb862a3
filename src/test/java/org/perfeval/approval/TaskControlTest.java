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
import org.perfeval.organisation.PickOption;
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
    @Autowired org.perfeval.inbox.InboxService inboxService;

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

    @Test
    void colleaguesAndExpertsGiveOpinionsThatAreKept() {
        approval.claim(w.reviewer1(), formId);
        // Asking is for the one who may decide, with someone to ask and a question.
        assertThatThrownBy(() -> control.consult(w.reviewer1b(), formId, List.of(w.reviewer2().id()), "？"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> control.consult(w.staffA(), formId, List.of(w.reviewer2().id()), "？"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> control.consult(w.reviewer1(), formId, List.of(), "？"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> control.consult(w.reviewer1(), formId, List.of(w.reviewer1().id()), "？"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> control.consult(w.reviewer1(), formId, List.of(w.staffB().id()), "？"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> control.consult(w.reviewer1(), formId, List.of(w.reviewer2().id()), " "))
                .isInstanceOf(InvalidInputException.class);
        // Another department's reviewer cannot see the form before being asked.
        assertThatThrownBy(() -> forms.read(w.reviewer2(), formId)).isInstanceOf(NotFoundException.class);

        List<Long> ids = control.consult(w.reviewer1(), formId,
                List.of(w.reviewer2().id(), w.finance().id(), w.reviewer1b().id()), "项目绩效目标设置是否合理？");
        assertThat(ids).hasSize(3);
        assertThat(control.unansweredConsultations(formId)).isEqualTo(3);
        assertThat(notifications.list(w.reviewer2())).anyMatch(n -> n.message().contains("向您征求意见"));
        assertThat(control.askedOf(w.reviewer2())).singleElement()
                .satisfies(c -> assertThat(c.open()).isTrue()).satisfies(c -> assertThat(c.answered()).isFalse());

        // Asked, the expert reads the form but changes nothing: no claim, no decision, no hand-over.
        assertThat(forms.read(w.reviewer2(), formId).header().getId()).isEqualTo(formId);
        assertThat(forms.history(w.reviewer2(), formId)).isNotEmpty();
        assertThatThrownBy(() -> approval.claim(w.reviewer2(), formId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reviews.decide(w.reviewer2(), formId, approve())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> control.transfer(w.reviewer2(), formId, w.reviewer1b().id(), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forms.saveDraft(w.reviewer2(), formId, formMapper.findHeader(formId).getVersion(),
                Fixtures.clean())).isInstanceOf(NotFoundException.class);

        // Only the asked answers, once, with something to say.
        Long toExpert = ids.get(0);
        assertThatThrownBy(() -> control.answer(w.finance(), formId, toExpert, "越俎代庖"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> control.answer(w.reviewer2(), formId, toExpert, ""))
                .isInstanceOf(InvalidInputException.class);
        control.answer(w.reviewer2(), formId, toExpert, "目标偏低，建议提高参保率目标");
        assertThatThrownBy(() -> control.answer(w.reviewer2(), formId, toExpert, "再说一次"))
                .isInstanceOf(ConflictException.class);
        assertThat(notifications.list(w.reviewer1())).anyMatch(n -> n.message().contains("已回复"));
        control.answer(w.reviewer1b(), formId, ids.get(2), "同意，目标可行");
        assertThat(control.unansweredConsultations(formId)).isEqualTo(1);

        // Deciding does not wait for the finance reviewer's answer; the request then ends unanswered.
        reviews.decide(w.reviewer1(), formId, approve());
        assertThatThrownBy(() -> control.answer(w.finance(), formId, ids.get(1), "迟到的意见"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("审核完毕");
        List<Consultation> kept = control.consultationsOf(w.staffA(), formId);
        assertThat(kept).extracting(Consultation::answer)
                .containsExactly("目标偏低，建议提高参保率目标", null, "同意，目标可行");
        assertThat(kept).allMatch(c -> c.question().equals("项目绩效目标设置是否合理？"));
        assertThat(actions()).contains("CONSULT", "CONSULT_ANSWER");
        assertThat(audit.search("CONSULT_ASK", null, String.valueOf(formId), null, 10)).hasSize(1);
        assertThat(audit.search("CONSULT_ANSWER", null, String.valueOf(formId), null, 10)).hasSize(2);
    }

    @Test
    void aCopyToAUnitReachesEveryEnabledUserOfIt() {
        // An unknown unit: refused with the decision undone.
        assertThatThrownBy(() -> reviews.decide(w.reviewer1(), formId, approve(), List.of(), List.of(-7L)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("单位");
        assertThat(formMapper.findHeader(formId).getStatus()).isEqualTo(FormStatus.SUPERVISOR_REVIEW);
        // The unit picker offers both (searched by what the world's unit codes share).
        assertThat(control.people(w.reviewer1(), formId, "unit", w.unitB().code().substring(3)).items())
                .extracting(PickOption::id).contains(w.unitB().id(), w.dept2().id());

        reviews.decide(w.reviewer1(), formId, approve(), List.of(), List.of(w.unitB().id(), w.dept2().id()));
        // 乙填报 works at unit B, 二审核 at department 2: both read the form and find it in 抄送我的.
        assertThat(forms.read(w.staffB(), formId).header().getId()).isEqualTo(formId);
        assertThat(forms.read(w.reviewer2(), formId).header().getId()).isEqualTo(formId);
        assertThat(control.copiedTo(w.staffB())).extracting(c -> c.formId()).containsExactly(formId);
        assertThat(control.copiedTo(w.reviewer2())).extracting(c -> c.formId()).containsExactly(formId);
        // Nobody of unit A's department beyond its own reviewers was copied.
        assertThat(control.copiedTo(w.staffA())).isEmpty();
        assertThatThrownBy(() -> forms.saveDraft(w.staffB(), formId, formMapper.findHeader(formId).getVersion(),
                Fixtures.clean())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void copiedUsersReadTheFormAndFindItInTheirList() {
        // An unknown user: refused, and the decision it came with is undone.
        assertThatThrownBy(() -> reviews.decide(w.reviewer1(), formId, approve(), List.of(-5L)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(formMapper.findHeader(formId).getStatus()).isEqualTo(FormStatus.SUPERVISOR_REVIEW);
        assertThatThrownBy(() -> forms.read(w.staffB(), formId)).isInstanceOf(NotFoundException.class);

        reviews.decide(w.reviewer1(), formId, approve(), List.of(w.staffB().id(), w.reviewer2().id(), w.reviewer1().id()));
        assertThat(formMapper.findHeader(formId).getStatus()).isEqualTo(FormStatus.FINANCE_REVIEW);
        assertThat(forms.read(w.staffB(), formId).header().getId()).isEqualTo(formId);
        assertThat(forms.read(w.reviewer2(), formId).header().getId()).isEqualTo(formId);
        assertThat(control.copiedTo(w.staffB())).singleElement().satisfies(c -> {
            assertThat(c.formId()).isEqualTo(formId);
            assertThat(c.fiscalYear()).isEqualTo(2024);
            assertThat(c.status()).isEqualTo(FormStatus.FINANCE_REVIEW);
        });
        // Copying to oneself is skipped, not an error.
        assertThat(control.copiedTo(w.reviewer1())).isEmpty();
        assertThat(notifications.list(w.reviewer2())).anyMatch(n -> n.message().contains("抄送给您"));
        assertThat(history()).anyMatch(r -> r.action().equals("CARBON_COPY") && r.detail().contains("乙填报"));
        assertThat(audit.search("CARBON_COPY", null, String.valueOf(formId), null, 10)).hasSize(1);
        // Read-only: the copied unit's staff cannot withdraw or save, the copied reviewer cannot act.
        assertThatThrownBy(() -> approval.withdraw(w.staffB(), formId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forms.saveDraft(w.staffB(), formId, formMapper.findHeader(formId).getVersion(),
                Fixtures.clean())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> approval.claim(w.reviewer2(), formId)).isInstanceOf(NotFoundException.class);
        // 已办 shows the year.
        assertThat(inboxService.done(w.reviewer1())).anyMatch(d -> d.formId().equals(formId) && d.fiscalYear() == 2024);
    }

    @Test
    void aCopyDoesNotStopTheApproverFromRecalling() {
        reviews.decide(w.reviewer1(), formId, approve(), List.of(w.staffB().id()));
        assertThat(approval.canRecall(w.reviewer1(), formMapper.findHeader(formId))).isTrue();
        approval.recall(w.reviewer1(), formId);
        assertThat(formMapper.findHeader(formId).getStatus()).isEqualTo(FormStatus.SUPERVISOR_REVIEW);
        // Recalled, it is the reviewer's claimed task again: theirs to release or hand over.
        control.release(w.reviewer1(), formId);
        assertThat(assignee()).isNull();
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
