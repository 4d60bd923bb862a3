package org.perfeval.notification;

import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.approval.ApprovalEvents;
import org.perfeval.approval.Stage;
import org.perfeval.organisation.OrgUnit;
import org.perfeval.organisation.UnitKind;
import org.perfeval.approval.Decision;
import org.perfeval.organisation.AccessPolicy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The notices the approval process sends as forms move: a task arrives, a form is returned or published. */
@Component
public class WorkflowNotices {
    private final NotificationService notifications;
    private final FormMapper forms;

    private final org.perfeval.organisation.OrgMapper org;
    private final java.time.Clock clock;

    public WorkflowNotices(NotificationService notifications, FormMapper forms, org.perfeval.organisation.OrgMapper org,
                           java.time.Clock clock) {
        this.notifications = notifications;
        this.forms = forms;
        this.org = org;
        this.clock = clock;
    }

    /**
     * 【转办】【委派】【改派】… to whom the task now goes, and to whom it was taken from when that was
     * someone else than the one acting (an absent reviewer learns their task was reassigned); a
     * released task is offered to the whole group again.
     */
    @EventListener
    void handedOver(ApprovalEvents.TaskHandedOver handed) {
        FormHeader form = forms.findHeader(handed.formId());
        String by = nameOf(handed.byUserId());
        String key = "handover:" + handed.taskId() + ":" + handed.kind() + ":" + clock.instant().toEpochMilli() + ":";
        String label = "【" + handed.kind().label() + "】" + form.getTitle();
        switch (handed.kind()) {
            case RELEASED -> notifications.notifyGroup(handed.candidateGroup(), false, NotificationKind.HANDED_OVER,
                    handed.formId(), label + "：" + by + "已取消签收，请本环节审核人签收办理。", key + "group");
            case RESOLVED -> notifications.notifyUser(handed.toUserId(), NotificationKind.HANDED_OVER, handed.formId(),
                    label + "：" + by + "已回复处理意见，请您作出审核结果。", key + handed.toUserId());
            case DELEGATED -> notifications.notifyUser(handed.toUserId(), NotificationKind.HANDED_OVER, handed.formId(),
                    label + "：" + by + "委派您提出处理意见，回复后交回委派人审核。", key + handed.toUserId());
            default -> notifications.notifyUser(handed.toUserId(), NotificationKind.HANDED_OVER, handed.formId(),
                    label + "：" + by + "已将该评价表的审核任务交给您办理。", key + handed.toUserId());
        }
        if (handed.fromUserId() != null && !handed.fromUserId().equals(handed.byUserId())
                && !handed.fromUserId().equals(handed.toUserId())) {
            notifications.notifyUser(handed.fromUserId(), NotificationKind.HANDED_OVER, handed.formId(),
                    label + "：" + by + "已将您签收的审核任务改派给" + nameOf(handed.toUserId()) + "。",
                    key + "from:" + handed.fromUserId());
        }
    }

    /** 【征求意见】 to the colleague asked. */
    @EventListener
    void consultationAsked(ApprovalEvents.ConsultationAsked asked) {
        FormHeader form = forms.findHeader(asked.formId());
        notifications.notifyUser(asked.askedId(), NotificationKind.CONSULTATION, asked.formId(),
                "【征求意见】" + nameOf(asked.askerId()) + "就「" + form.getTitle() + "」向您征求意见，请查看并回复。",
                "consult:" + asked.consultationId());
    }

    /** 【征求意见】 the answer, to the reviewer who asked. */
    @EventListener
    void consultationAnswered(ApprovalEvents.ConsultationAnswered answered) {
        FormHeader form = forms.findHeader(answered.formId());
        notifications.notifyUser(answered.askerId(), NotificationKind.CONSULTATION, answered.formId(),
                "【征求意见】" + nameOf(answered.askedId()) + "已回复您就「" + form.getTitle() + "」征求的意见。",
                "consult-answer:" + answered.consultationId());
    }

    /** 【抄送】 to each user the form was copied to. */
    @EventListener
    void copied(ApprovalEvents.FormCopied copied) {
        FormHeader form = forms.findHeader(copied.formId());
        String by = nameOf(copied.byUserId());
        long at = clock.instant().toEpochMilli();
        for (Long userId : copied.userIds()) {
            notifications.notifyUser(userId, NotificationKind.CARBON_COPY, copied.formId(),
                    "【抄送】" + by + "将「" + form.getTitle() + "」抄送给您，可在“抄送我的”中查看。",
                    "cc:" + copied.formId() + ":" + userId + ":" + at);
        }
    }

    private String nameOf(Long userId) {
        org.perfeval.organisation.AppUser user = userId == null ? null : org.findUser(userId);
        return user == null ? "" : user.displayName();
    }

    /** 【待办】title（unit）待stage, to everyone in the group. */
    @EventListener
    void taskArrived(ApprovalEvents.TaskArrived arrived) {
        // A form returned to its unit: the 【退回】 notice (with the reason) is the one the unit gets.
        if (arrived.afterReturn()) {
            return;
        }
        notifications.notifyTaskArrived(arrived.candidateGroup(), arrived.formId(), stageLabel(arrived),
                "task:" + arrived.taskId());
    }

    /**
     * The stage as the notice names it: a 二级单位's level is named after the unit (待市职业教育中心审核),
     * not 主管部门审核, which it is not.
     */
    private String stageLabel(ApprovalEvents.TaskArrived arrived) {
        AccessPolicy.GroupMembers reviewers = AccessPolicy.membersOf(arrived.candidateGroup());
        if (arrived.stage() == Stage.SUPERVISOR_REVIEW && reviewers != null && reviewers.unitId() != null) {
            OrgUnit level = org.findUnit(reviewers.unitId());
            if (level != null && level.kind() == UnitKind.UNIT) {
                return level.name() + "审核";
            }
        }
        return arrived.stage().label();
    }

    /** 【退回】 to the unit when its form comes back to it, with the reason the reviewer gave. */
    @EventListener
    void returned(ApprovalEvents.FormReturned returned) {
        if (returned.decision() != Decision.RETURN_TO_UNIT) {
            return;
        }
        FormHeader form = forms.findHeader(returned.formId());
        notifications.notifyGroup(AccessPolicy.unitGroup(form.getUnitId()), false, NotificationKind.RETURNED,
                returned.formId(), "【退回】" + form.getTitle() + "被退回：" + form.getReturnReason(),
                "returned:" + returned.opinionId());
    }

    /** 【作废】 to the unit and, when the form was in review, to the department that reviews it. */
    @EventListener
    void cancelled(ApprovalEvents.FormCancelled cancelled) {
        FormHeader form = forms.findHeader(cancelled.formId());
        notifications.notifyGroup(AccessPolicy.unitGroup(form.getUnitId()), false, NotificationKind.CANCELLED,
                form.getId(), "【作废】" + form.getTitle() + "已被作废：" + form.getCancelReason(),
                "cancelled:" + form.getId() + ":" + form.getVersion());
    }

    /** 【重新开放】 to the unit: the form is back with it to fill in and submit. */
    @EventListener
    void reopened(ApprovalEvents.FormReopened reopened) {
        FormHeader form = forms.findHeader(reopened.formId());
        notifications.notifyGroup(AccessPolicy.unitGroup(form.getUnitId()), false, NotificationKind.REOPENED,
                form.getId(), "【重新开放】" + form.getTitle() + "已重新开放，请修改后提交。" + form.getReturnReason(),
                "reopened:" + form.getId() + ":" + form.getVersion());
    }

    public void published(FormHeader form, int revision) {
        Long formId = form.getId();
        notifications.notifyGroup(AccessPolicy.unitGroup(form.getUnitId()), false, NotificationKind.PUBLISHED, formId,
                "【公开】" + form.getTitle() + "已审核通过并公开。", "published:" + formId + ":" + revision);
    }
}
