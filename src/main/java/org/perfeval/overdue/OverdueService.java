package org.perfeval.overdue;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.form.Stage;
import org.perfeval.inbox.InboxMapper;
import org.perfeval.inbox.InboxTask;
import org.perfeval.notification.NotificationKind;
import org.perfeval.notification.NotificationService;
import org.perfeval.shared.Actor;
import org.perfeval.shared.Role;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.ReadOnly;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 逾期: marking tasks overdue when their timer fires, warning before the deadline, and the overdue report. */
@Service
public class OverdueService {
    private final InboxMapper inbox;
    private final OverdueMapper mapper;
    private final FormMapper forms;
    private final NotificationService notifications;
    private final Clock clock;

    public OverdueService(InboxMapper inbox, OverdueMapper mapper, FormMapper forms, NotificationService notifications,
                          Clock clock) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.forms = forms;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Called by the overdue timer. Marks the form's open task once (a retried job or a second node
     * finds the mark and the notifications already there) and tells its group and the administrators.
     */
    @Transactional
    public boolean markOverdue(Long formId) {
        InboxTask task = inbox.findByForm(formId);
        Instant now = clock.instant();
        if (task == null || task.dueAt() == null || task.dueAt().isAfter(now)) {
            return false;
        }
        if (mapper.markOnce(task.taskId(), formId, task.stage(), task.dueAt(), now) == 0) {
            return false;
        }
        FormHeader form = forms.findHeader(formId);
        notifications.notifyGroup(task.candidateGroup(), true, NotificationKind.OVERDUE, formId,
                "【逾期】" + form.getTitle() + "（" + form.getUnitName() + "）的" + Stage.ofTaskKey(task.stage()).label()
                        + "已超过截止时间，请尽快办理。", "overdue:" + task.taskId());
        return true;
    }

    /** Called by the reminder timer a few days before the deadline. */
    @Transactional
    public boolean warnDueSoon(Long formId) {
        InboxTask task = inbox.findByForm(formId);
        if (task == null || task.dueAt() == null || !task.dueAt().isAfter(clock.instant())) {
            return false;
        }
        FormHeader form = forms.findHeader(formId);
        return notifications.notifyGroup(task.candidateGroup(), false, NotificationKind.DUE_SOON, formId,
                "【即将到期】" + form.getTitle() + "的" + Stage.ofTaskKey(task.stage()).label() + "将于 "
                        + org.perfeval.shared.Dates.dateTime(task.dueAt()) + " 截止。", "soon:" + task.taskId() + ":" + task.dueAt()) > 0;
    }

    /** Overdue tasks an administrator, finance reviewer or supervising reviewer may see. */
    @ReadOnly
    public List<OverdueRow> report(Actor actor, Long campaignId) {
        Long department = switch (actor.role()) {
            case ADMIN, FINANCE_REVIEWER -> null;
            case SUPERVISOR_REVIEWER -> actor.unitId();
            case UNIT_STAFF -> throw new ForbiddenException("逾期统计仅供管理员和审核人查看");
        };
        return mapper.overdue(clock.instant(), campaignId, department, null);
    }

    public static Map<String, Long> countBy(List<OverdueRow> rows, Function<OverdueRow, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.counting()));
    }

    public Instant now() {
        return clock.instant();
    }

    static boolean canRemind(Actor actor) {
        return actor.is(Role.ADMIN) || actor.is(Role.SUPERVISOR_REVIEWER);
    }
}
