package org.perfeval.workflow;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.perfeval.form.FormLifecycle;
import org.perfeval.form.Stage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The dates of the overdue and due-soon timers on each user task, read from the campaign when the
 * task starts (BPMN: {@code ${deadlineTimer.overdueAt(execution, 'Task_FillDraft')}}). Without a
 * deadline the timer is parked far in the future.
 */
@Component("deadlineTimer")
public class DeadlineTimer {
    static final Date NEVER = Date.from(ZonedDateTime.parse("2999-12-31T00:00:00Z").toInstant());

    private final FormLifecycle lifecycle;
    private final Duration warnBefore;

    public DeadlineTimer(FormLifecycle lifecycle,
                         @Value("${perfeval.reminder.before-deadline:P3D}") Duration warnBefore) {
        this.lifecycle = lifecycle;
        this.warnBefore = warnBefore;
    }

    public Date overdueAt(DelegateExecution execution, String taskKey) {
        Instant due = due(execution, taskKey);
        return due == null ? NEVER : Date.from(due);
    }

    public Date remindAt(DelegateExecution execution, String taskKey) {
        Instant due = due(execution, taskKey);
        return due == null ? NEVER : Date.from(due.minus(warnBefore));
    }

    public Duration warnBefore() {
        return warnBefore;
    }

    private Instant due(DelegateExecution execution, String taskKey) {
        return lifecycle.route(Long.valueOf(execution.getProcessBusinessKey())).dueAt(Stage.ofTaskKey(taskKey));
    }
}
