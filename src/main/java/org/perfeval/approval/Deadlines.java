package org.perfeval.approval;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * When a form is due and when it goes overdue. Each user task's due date is its campaign's deadline
 * for that stage ({@link FormRoute#dueAt}); two non-interrupting timers on the task fire at the due
 * date (逾期) and {@code perfeval.reminder.before-deadline} before it (即将到期). A timer that fires
 * after the deadline was moved on finds the task not yet due and does nothing, so the marks and
 * notices follow the deadline in force. BPMN: {@code ${deadlineTimer.overdueAt(execution, 'Task_FillDraft')}}.
 */
@Component("deadlineTimer")
public class Deadlines {
    static final Date NEVER = Date.from(ZonedDateTime.parse("2999-12-31T00:00:00Z").toInstant());

    private final FormLifecycle lifecycle;
    private final FormProcess process;
    private final ApprovalMapper mapper;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration warnBefore;

    Deadlines(FormLifecycle lifecycle, FormProcess process, ApprovalMapper mapper, ApplicationEventPublisher events, Clock clock,
              @Value("${perfeval.reminder.before-deadline:P3D}") Duration warnBefore) {
        this.lifecycle = lifecycle;
        this.process = process;
        this.mapper = mapper;
        this.events = events;
        this.clock = clock;
        this.warnBefore = warnBefore;
    }

    /** The overdue timer's date; without a deadline the timer is parked far in the future. */
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

    /** The open task is overdue when its due date has passed. */
    public boolean isOverdue(Instant dueAt) {
        return dueAt != null && !dueAt.isAfter(clock.instant());
    }

    void overdueTimerFired(Long formId) {
        OpenTask task = process.openTask(formId);
        if (task != null && isOverdue(task.dueAt())) {
            events.publishEvent(new ApprovalEvents.TaskOverdue(formId, task.id(), task.stage(), task.candidateGroup(),
                    task.dueAt()));
        }
    }

    void dueSoonTimerFired(Long formId) {
        OpenTask task = process.openTask(formId);
        if (task != null && task.dueAt() != null && !isOverdue(task.dueAt())) {
            events.publishEvent(new ApprovalEvents.TaskDueSoon(formId, task.id(), task.stage(), task.candidateGroup(),
                    task.dueAt()));
        }
    }

    /** The due date of each open task of the campaign's forms, by form id. */
    public java.util.Map<Long, Instant> dueDatesOfCampaign(Long campaignId) {
        java.util.Map<Long, Instant> due = new java.util.HashMap<>();
        for (ApprovalMapper.CampaignTask task : mapper.findOpenTasksOfCampaign(campaignId)) {
            due.put(task.formId(), task.dueAt());
        }
        return due;
    }

    /**
     * The campaign's deadlines changed (the caller stored them): every open task of its forms gets the
     * new due date of its stage, with its timers. Returns how many tasks moved.
     */
    public int campaignDeadlinesChanged(Long campaignId, Instant fill, Instant supervisor, Instant finance) {
        FormRoute deadlines = new FormRoute(null, null, fill, supervisor, finance);
        int moved = 0;
        for (ApprovalMapper.CampaignTask task : mapper.findOpenTasksOfCampaign(campaignId)) {
            Stage stage = Stage.ofTaskKey(task.stage());
            Instant due = deadlines.dueAt(stage);
            if (due != null && process.moveDeadline(task.formId(), stage, due, warnBefore)) {
                events.publishEvent(new ApprovalEvents.TaskDueChanged(task.formId(), task.taskId(), due));
                moved++;
            }
        }
        return moved;
    }
}
