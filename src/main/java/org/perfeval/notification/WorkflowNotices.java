package org.perfeval.notification;

import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.approval.ApprovalEvents;
import org.perfeval.approval.Decision;
import org.perfeval.organisation.AccessPolicy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The notices the approval process sends as forms move: a task arrives, a form is returned or published. */
@Component
public class WorkflowNotices {
    private final NotificationService notifications;
    private final FormMapper forms;

    public WorkflowNotices(NotificationService notifications, FormMapper forms) {
        this.notifications = notifications;
        this.forms = forms;
    }

    /** 【待办】title（unit）待stage, to everyone in the group. */
    @EventListener
    void taskArrived(ApprovalEvents.TaskArrived arrived) {
        // A form returned to its unit: the 【退回】 notice (with the reason) is the one the unit gets.
        if (arrived.stage() == org.perfeval.approval.Stage.FILL) {
            FormHeader form = forms.findHeader(arrived.formId());
            if (form != null && form.getReturnReason() != null) {
                return;
            }
        }
        notifications.notifyTaskArrived(arrived.candidateGroup(), arrived.formId(), arrived.stage().label(),
                "task:" + arrived.taskId());
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

    public void published(FormHeader form, int revision) {
        Long formId = form.getId();
        notifications.notifyGroup(AccessPolicy.unitGroup(form.getUnitId()), false, NotificationKind.PUBLISHED, formId,
                "【公开】" + form.getTitle() + "已审核通过并公开。", "published:" + formId + ":" + revision);
    }
}
