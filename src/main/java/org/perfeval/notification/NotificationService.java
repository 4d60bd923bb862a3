package org.perfeval.notification;

import java.time.Clock;
import java.util.List;

import org.perfeval.org.AccessPolicy;
import org.perfeval.org.Actor;
import org.perfeval.org.Role;
import org.perfeval.shared.ReadOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications. They are written in the transaction of the step that causes them, each
 * under a dedup key, and a failure to write one is logged, never allowed to undo the step. With mail
 * on, each is also queued for {@link EmailDispatcher}, which sends it after the step has committed.
 */
@Service
public class NotificationService {
    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationMapper mapper;
    private final Clock clock;
    private final boolean mailEnabled;

    public NotificationService(NotificationMapper mapper, Clock clock,
                               @Value("${perfeval.mail.enabled:false}") boolean mailEnabled) {
        this.mapper = mapper;
        this.clock = clock;
        this.mailEnabled = mailEnabled;
    }

    /** Everyone who works from a candidate group (unit-7, dept-3, finance), optionally the administrators too. */
    public int notifyGroup(String group, boolean withAdmins, NotificationKind kind, Long formId, String message,
                           String dedupKey) {
        Recipients r = Recipients.of(group);
        try {
            return mapper.insertForGroup(r.role() == null ? null : r.role().name(), r.unitId(), withAdmins, kind, formId,
                    clip(message), clock.instant(), dedupKey, mailEnabled ? EmailDispatcher.PENDING : null);
        } catch (DataAccessException e) {
            // A racing node inserted the same keys first, or any other failure: the workflow step stands.
            log.warn("notifications {} not written: {}", dedupKey, e.getMessage());
            return 0;
        }
    }

    /** 【待办】: the form's task has arrived at a group; the text is made from the form in the insert itself. */
    public int notifyTaskArrived(String group, Long formId, String stageLabel, String dedupKey) {
        Recipients r = Recipients.of(group);
        try {
            return mapper.insertTaskArrived(r.role() == null ? null : r.role().name(), r.unitId(), false, formId,
                    stageLabel, clock.instant(), dedupKey, mailEnabled ? EmailDispatcher.PENDING : null);
        } catch (DataAccessException e) {
            log.warn("notifications {} not written: {}", dedupKey, e.getMessage());
            return 0;
        }
    }

    private static String clip(String message) {
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    public int notifyUser(Long userId, NotificationKind kind, Long formId, String message, String dedupKey) {
        try {
            return mapper.insertOnce(userId, kind, formId, clip(message), clock.instant(), dedupKey,
                    mailEnabled ? EmailDispatcher.PENDING : null);
        } catch (DataAccessException e) {
            // A duplicate from a racing node, or any other failure: the workflow step stands.
            log.warn("notification {} not written: {}", dedupKey, e.getMessage());
            return 0;
        }
    }

    @ReadOnly
    public List<Notification> list(Actor actor) {
        return mapper.findFor(actor.id(), 100);
    }

    @ReadOnly
    public int unread(Actor actor) {
        return mapper.unread(actor.id());
    }

    @Transactional
    public void markRead(Actor actor, Long id) {
        mapper.markRead(id, actor.id(), clock.instant());
    }

    @Transactional
    public void markAllRead(Actor actor) {
        mapper.markAllRead(actor.id(), clock.instant());
    }

    /** The role and unit behind a candidate group name. */
    record Recipients(Role role, Long unitId) {
        static Recipients of(String group) {
            if (AccessPolicy.FINANCE_GROUP.equals(group)) {
                return new Recipients(Role.FINANCE_REVIEWER, null);
            }
            if (group != null && group.startsWith("unit-")) {
                return new Recipients(Role.UNIT_STAFF, Long.valueOf(group.substring(5)));
            }
            if (group != null && group.startsWith("dept-")) {
                return new Recipients(Role.SUPERVISOR_REVIEWER, Long.valueOf(group.substring(5)));
            }
            return new Recipients(null, null);
        }
    }
}
