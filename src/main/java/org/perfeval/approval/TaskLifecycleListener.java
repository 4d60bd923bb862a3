package org.perfeval.approval;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Attached to every user task by {@link WorkflowPlugin}: sets the due date, moves the form's status
 * and tells the other features (inbox projection, notices) through events, all in the engine's
 * transaction.
 */
@Component
class TaskLifecycleListener implements TaskListener {
    private final FormLifecycle lifecycle;
    private final ApplicationEventPublisher events;

    TaskLifecycleListener(FormLifecycle lifecycle, ApplicationEventPublisher events) {
        this.lifecycle = lifecycle;
        this.events = events;
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
            case EVENTNAME_ASSIGNMENT ->
                    events.publishEvent(new ApprovalEvents.TaskAssigned(formIdOf(task), task.getId(), task.getAssignee()));
            case EVENTNAME_COMPLETE, EVENTNAME_DELETE ->
                    events.publishEvent(new ApprovalEvents.TaskEnded(formIdOf(task), task.getId()));
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
        FormRoute route = lifecycle.route(formId);
        Instant due = route.dueAt(stage);
        if (due != null) {
            task.setDueDate(Date.from(due));
        }
        lifecycle.entered(formId, stage, task.getProcessInstanceId());
        String group = task.getCandidates().stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).findFirst().orElseThrow();
        events.publishEvent(new ApprovalEvents.TaskArrived(formId, task.getId(), stage, group,
                task.getCreateTime().toInstant(), due, task.getProcessDefinitionId(),
                stage == Stage.FILL && route.returned()));
    }
}
