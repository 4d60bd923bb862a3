package org.perfeval.notification;

import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.form.Stage;
import org.perfeval.organisation.AccessPolicy;
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
    public void taskArrived(Long formId, Stage stage, String group, String taskId) {
        notifications.notifyTaskArrived(group, formId, stage.label(), "task:" + taskId);
    }

    public void returned(Long formId, String reason, String decisionKey) {
        FormHeader form = forms.findHeader(formId);
        notifications.notifyGroup(AccessPolicy.unitGroup(form.getUnitId()), false, NotificationKind.RETURNED, formId,
                "【退回】" + form.getTitle() + "被退回：" + reason, "returned:" + decisionKey);
    }

    public void published(FormHeader form, int revision) {
        Long formId = form.getId();
        notifications.notifyGroup(AccessPolicy.unitGroup(form.getUnitId()), false, NotificationKind.PUBLISHED, formId,
                "【公开】" + form.getTitle() + "已审核通过并公开。", "published:" + formId + ":" + revision);
    }
}
