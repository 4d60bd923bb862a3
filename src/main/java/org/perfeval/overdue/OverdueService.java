package org.perfeval.overdue;

import org.perfeval.organisation.AccessPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.approval.ApprovalEvents;
import org.perfeval.notification.NotificationKind;
import org.perfeval.notification.NotificationService;
import org.perfeval.shared.Actor;
import org.perfeval.shared.Role;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.ReadOnly;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 逾期: marking tasks overdue when their timer fires, warning before the deadline, and the overdue report. */
@Service
public class OverdueService {
    private final AccessPolicy accessPolicy;
    private final OverdueMapper mapper;
    private final FormMapper forms;
    private final NotificationService notifications;
    private final Clock clock;

    public OverdueService(OverdueMapper mapper, FormMapper forms, NotificationService notifications,
                          Clock clock, AccessPolicy accessPolicy) {
        this.accessPolicy = accessPolicy;
        this.mapper = mapper;
        this.forms = forms;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * The approval process found the open task overdue. Marks it once (a retried job or a second node
     * finds the mark and the notifications already there) and tells its group and the administrators.
     */
    @EventListener
    @Transactional
    public boolean markOverdue(ApprovalEvents.TaskOverdue overdue) {
        if (mapper.markOnce(overdue.taskId(), overdue.formId(), overdue.stage().taskKey(), overdue.dueAt(),
                clock.instant()) == 0) {
            return false;
        }
        FormHeader form = forms.findHeader(overdue.formId());
        notifications.notifyGroup(overdue.candidateGroup(), true, NotificationKind.OVERDUE, overdue.formId(),
                "【逾期】" + form.getTitle() + "（" + form.getUnitName() + "）的" + overdue.stage().label()
                        + "已超过截止时间，请尽快办理。", "overdue:" + overdue.taskId());
        return true;
    }

    /** A few days before the deadline. */
    @EventListener
    @Transactional
    public boolean warnDueSoon(ApprovalEvents.TaskDueSoon soon) {
        FormHeader form = forms.findHeader(soon.formId());
        return notifications.notifyGroup(soon.candidateGroup(), false, NotificationKind.DUE_SOON, soon.formId(),
                "【即将到期】" + form.getTitle() + "的" + soon.stage().label() + "将于 "
                        + org.perfeval.shared.Dates.dateTime(soon.dueAt()) + " 截止。",
                "soon:" + soon.taskId() + ":" + soon.dueAt()) > 0;
    }

    /** Overdue tasks an administrator, finance reviewer or supervising reviewer may see. */
    @ReadOnly
    public List<OverdueRow> report(Actor actor, Long campaignId) {
        if (!accessPolicy.seesOverdue(actor)) {
            throw new ForbiddenException("逾期统计仅供管理员和审核人查看");
        }
        return mapper.overdue(clock.instant(), campaignId, accessPolicy.scope(actor).supervisingUnitId(), null);
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
