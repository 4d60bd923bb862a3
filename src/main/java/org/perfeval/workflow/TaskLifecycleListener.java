package org.perfeval.workflow;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.perfeval.form.FormLifecycle;
import org.perfeval.form.Stage;
import org.perfeval.inbox.InboxProjection;
import org.perfeval.notification.WorkflowNotices;
import org.springframework.stereotype.Component;

/**
 * Attached to every user task by {@link WorkflowPlugin}: sets the due date, moves the form's
 * status and keeps the inbox projection, all in the engine's transaction.
 */
@Component
public class TaskLifecycleListener implements TaskListener {
    private final FormLifecycle lifecycle;
    private final InboxProjection inbox;
    private final WorkflowNotices notices;

    public TaskLifecycleListener(FormLifecycle lifecycle, InboxProjection inbox,
                                 WorkflowNotices notices) {
        this.lifecycle = lifecycle;
        this.inbox = inbox;
        this.notices = notices;
    }

    @Override
    public void notify(DelegateTask task) {
        String event = task.getEventName();
        if (event == null) {
            // The engine re-invokes listeners of a task whose event was already dispatched (seen
            // when reviewers race for one task); there is nothing left to project.
            return;
        }
        switch (event) {
            case EVENTNAME_CREATE -> created(task);
            case EVENTNAME_ASSIGNMENT -> inbox.taskAssigned(task.getId(), task.getAssignee());
            case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> inbox.taskEnded(task.getId(), formIdOf(task));
            default -> { }
        }
    }

    private static Long formIdOf(DelegateTask task) {
        String key = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        return key == null ? null : Long.valueOf(key);
    }

    private void created(DelegateTask task) {
        Long formId = formIdOf(task);
        Stage stage = Stage.ofTaskKey(task.getTaskDefinitionKey());
        Instant due = lifecycle.route(formId).dueAt(stage);
        if (due != null) {
            task.setDueDate(Date.from(due));
        }
        lifecycle.entered(formId, stage, task.getProcessInstanceId());
        String group = task.getCandidates().stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).findFirst().orElseThrow();
        inbox.taskCreated(task.getId(), formId, stage.taskKey(), group, task.getCreateTime().toInstant(), due,
                task.getProcessDefinitionId());
        notices.taskArrived(formId, stage, group, task.getId());
    }
}
