package org.perfeval.approval;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a form is due and when it goes overdue. Each user task's due date is its campaign's deadline
 * for that stage ({@link FormRoute#dueAt}). {@link #sweep} raises 逾期 at the due date and 即将到期
 * {@code perfeval.reminder.before-deadline} before it, once per task, kind and due date, on whichever
 * node gets there first; moving a deadline gives the task a new due date and so new alarms, and an
 * alarm found after the deadline moved on says nothing. Instances started under process version 3 or
 * earlier also carry two timers per task ({@code ${deadlineTimer.overdueAt(execution, 'Task_FillDraft')}});
 * what they raise is the same event, and its listeners act on it once.
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
    private final DeadlineAlarmMapper alarms;
    private final TransactionTemplate inOwnTransaction;
    private final Counter raisedOverdue;
    private final Counter raisedDueSoon;

    Deadlines(FormLifecycle lifecycle, FormProcess process, ApprovalMapper mapper, ApplicationEventPublisher events, Clock clock,
              @Value("${perfeval.reminder.before-deadline:P3D}") Duration warnBefore, DeadlineAlarmMapper alarms,
              PlatformTransactionManager transactions, ObjectProvider<MeterRegistry> meters) {
        this.alarms = alarms;
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.raisedOverdue = registry.counter("perfeval.deadline.alarms", "kind", "overdue");
        this.raisedDueSoon = registry.counter("perfeval.deadline.alarms", "kind", "due-soon");
        this.inOwnTransaction = new TransactionTemplate(transactions);
        this.inOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.lifecycle = lifecycle;
        this.process = process;
        this.mapper = mapper;
        this.events = events;
        this.clock = clock;
        this.warnBefore = warnBefore;
    }

    /** The overdue timer's date (process version 3 and earlier); without a deadline the timer is parked far in the future. */
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

    /** Attempts an alarm gets before it waits for an administrator (as the engine's three job retries). */
    static final int MAX_ATTEMPTS = 3;
    private static final int BATCH = 500;
    private static final int MAX_ROUNDS = 200;
    private static final Logger log = LoggerFactory.getLogger(Deadlines.class);

    /**
     * Raises every alarm that is due: 逾期 for open tasks past their due date, 即将到期 for those within
     * {@code warnBefore} of it. Each alarm is claimed and handled in a transaction of its own, so that a
     * failing one is retried at the next sweep (at most {@link #MAX_ATTEMPTS} times) without holding
     * up the others. Returns how many alarms were raised.
     */
    public int sweep() {
        return sweep(clock.instant());
    }

    /** {@link #sweep()} as of the given time. */
    public int sweep(Instant now) {
        int raised = 0;
        // Every alarm read is then raised, taken by another node or counted as failed, so the next
        // read moves on; the cap only bounds one sweep.
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<DeadlineAlarmMapper.Due> batch = alarms.due(now, now.plus(warnBefore), MAX_ATTEMPTS, BATCH);
            for (DeadlineAlarmMapper.Due due : batch) {
                if (raise(due, now)) {
                    raised++;
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        inOwnTransaction.executeWithoutResult(status -> alarms.forgetEnded());
        return raised;
    }

    private boolean raise(DeadlineAlarmMapper.Due due, Instant now) {
        try {
            boolean raised = Boolean.TRUE.equals(inOwnTransaction.execute(status -> {
                if (!claim(due, now)) {
                    return false;
                }
                OpenTask task = process.openTask(due.formId());
                if (task == null || !task.id().equals(due.taskId()) || !due.dueAt().equals(task.dueAt())) {
                    return false;
                }
                if ("OVERDUE".equals(due.kind())) {
                    events.publishEvent(new ApprovalEvents.TaskOverdue(due.formId(), task.id(), task.stage(),
                            task.candidateGroup(), task.dueAt()));
                } else {
                    events.publishEvent(new ApprovalEvents.TaskDueSoon(due.formId(), task.id(), task.stage(),
                            task.candidateGroup(), task.dueAt()));
                }
                return true;
            }));
            if (raised) {
                // Counted once committed: a rolled-back alarm is raised again later.
                ("OVERDUE".equals(due.kind()) ? raisedOverdue : raisedDueSoon).increment();
            }
            return raised;
        } catch (RuntimeException e) {
            log.warn("deadline alarm {} of task {} (form {}) failed: {}", due.kind(), due.taskId(), due.formId(), e.toString());
            recordFailure(due, e, now);
            return false;
        }
    }

    /** True when this node holds the alarm; a second node waits on the row and then finds it taken. */
    private boolean claim(DeadlineAlarmMapper.Due due, Instant now) {
        if (alarms.claimRetry(due, now, MAX_ATTEMPTS) == 1) {
            return true;
        }
        try {
            return alarms.insertRaised(due, now) == 1;
        } catch (DuplicateKeyException takenOrGivenUp) {
            return false;
        }
    }

    private void recordFailure(DeadlineAlarmMapper.Due due, RuntimeException failure, Instant now) {
        String message = String.valueOf(failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
        String error = message.length() > 1000 ? message.substring(0, 1000) : message;
        try {
            inOwnTransaction.executeWithoutResult(status -> {
                if (alarms.countFailure(due, error, now) == 0) {
                    try {
                        alarms.insertFailure(due, error, now);
                    } catch (DuplicateKeyException raisedMeanwhile) {
                        // another node raised it in the meantime: nothing to count
                    }
                }
            });
        } catch (RuntimeException e) {
            log.warn("could not record the failure of deadline alarm {} of task {}: {}", due.kind(), due.taskId(), e.toString());
        }
    }

    /** Alarms that used all their attempts, for 系统故障. */
    List<DeadlineAlarmMapper.Failed> failedAlarms() {
        return alarms.failed(MAX_ATTEMPTS);
    }

    /** One more attempt at the next sweep; false when the alarm is not waiting for one. */
    boolean retryAlarm(Long id) {
        return alarms.retry(id, MAX_ATTEMPTS) == 1;
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
     * new due date of its stage (and the timers of an instance of version 3 or earlier). Returns how many tasks moved.
     */
    public int campaignDeadlinesChanged(Long campaignId, Instant fill, Instant supervisor, Instant finance) {
        FormRoute deadlines = new FormRoute(null, null, fill, supervisor, finance, false, false);
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
