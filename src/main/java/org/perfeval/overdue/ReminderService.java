package org.perfeval.overdue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormHistory;
import org.perfeval.approval.Stage;
import org.perfeval.form.WorkflowAction;
import org.perfeval.inbox.InboxMapper;
import org.perfeval.inbox.InboxTask;
import org.perfeval.notification.NotificationKind;
import org.perfeval.notification.NotificationService;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.ForbiddenException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 催办: administrators and supervising reviewers remind whoever holds a form, at most once per interval. */
@Service
public class ReminderService {
    private final EvaluationFormService forms;
    private final InboxMapper inbox;
    private final OverdueMapper mapper;
    private final NotificationService notifications;
    private final FormHistory history;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration minInterval;

    public ReminderService(EvaluationFormService forms, InboxMapper inbox, OverdueMapper mapper,
                           NotificationService notifications, FormHistory history, AuditLog audit, Clock clock,
                           @Value("${perfeval.reminder.min-interval:P1D}") Duration minInterval) {
        this.forms = forms;
        this.inbox = inbox;
        this.mapper = mapper;
        this.notifications = notifications;
        this.history = history;
        this.audit = audit;
        this.clock = clock;
        this.minInterval = minInterval;
    }

    @Transactional
    public void remind(Actor actor, Long formId) {
        FormHeader header = forms.visibleHeader(actor, formId);
        requireReminder(actor);
        InboxTask task = inbox.findByForm(formId);
        if (task == null) {
            throw new ConflictException("该评价表当前没有待办事项，无需催办");
        }
        Instant now = clock.instant();
        Instant last = mapper.lastReminder(formId);
        if (last != null && last.plus(minInterval).isAfter(now)) {
            throw new ConflictException("该评价表已于 " + org.perfeval.shared.Dates.dateTime(last) + " 催办过，"
                    + "同一评价表每 " + minInterval.toHours() + " 小时最多催办一次");
        }
        mapper.insertReminder(formId, task.stage(), actor.id(), now);
        String stage = Stage.ofTaskKey(task.stage()).label();
        notifications.notifyGroup(task.candidateGroup(), false, NotificationKind.REMINDED, formId,
                "【催办】" + actor.unitName() + actor.displayName() + "提醒您尽快办理“" + header.getTitle() + "”的" + stage + "。",
                "remind:" + formId + ":" + now.toEpochMilli());
        history.record(formId, actor, WorkflowAction.REMIND, header.getStatus(), header.getStatus(), stage);
        audit.action(actor, AuditAction.REMIND, "form", formId, stage);
    }

    /**
     * For each of these forms reminded too recently to be reminded again, when it becomes possible:
     * the page disables its 催办 button and says so, instead of answering the click with a refusal.
     */
    public java.util.Map<Long, Instant> nextReminderPossible(java.util.Collection<Long> formIds) {
        Instant now = clock.instant();
        java.util.Map<Long, Instant> next = new java.util.HashMap<>();
        for (Long formId : new java.util.LinkedHashSet<>(formIds)) {
            Instant last = mapper.lastReminder(formId);
            if (last != null && last.plus(minInterval).isAfter(now)) {
                next.put(formId, last.plus(minInterval));
            }
        }
        return next;
    }

    private static void requireReminder(Actor actor) {
        if (!OverdueService.canRemind(actor)) {
            throw new ForbiddenException("只有绩效管理员和主管部门审核人可以催办");
        }
    }

    /** Reminds every overdue form of a campaign the actor may see; returns how many were sent and skipped. */
    @Transactional
    public int[] remindOverdue(Actor actor, Long campaignId, OverdueService overdue) {
        requireReminder(actor);
        int sent = 0;
        int skipped = 0;
        for (OverdueRow row : overdue.report(actor, campaignId)) {
            Instant last = mapper.lastReminder(row.formId());
            if (last != null && last.plus(minInterval).isAfter(clock.instant())) {
                skipped++;
                continue;
            }
            remind(actor, row.formId());
            sent++;
        }
        return new int[] {sent, skipped};
    }
}
