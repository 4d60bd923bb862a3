package org.perfeval.notification;

import java.time.Clock;
import java.util.List;

import org.perfeval.organisation.AccessPolicy;
import org.perfeval.shared.Actor;
import org.perfeval.shared.Role;
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
        return quietly(dedupKey, () -> mapper.insertForGroup(r.roleName(), r.unitId(), withAdmins, kind, formId,
                clip(message), clock.instant(), dedupKey, emailState()));
    }

    /** 【待办】: the form's task has arrived at a group; the text is made from the form in the insert itself. */
    public int notifyTaskArrived(String group, Long formId, String stageLabel, String dedupKey) {
        Recipients r = Recipients.of(group);
        return quietly(dedupKey, () -> mapper.insertTaskArrived(r.roleName(), r.unitId(), false, formId, stageLabel,
                clock.instant(), dedupKey, emailState()));
    }

    private static String clip(String message) {
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    public int notifyUser(Long userId, NotificationKind kind, Long formId, String message, String dedupKey) {
        return quietly(dedupKey, () -> mapper.insertOnce(userId, kind, formId, clip(message), clock.instant(), dedupKey,
                emailState()));
    }

    /** A duplicate from a racing node, or any other failure: no notice is written, and the workflow step stands. */
    private static int quietly(String dedupKey, java.util.function.IntSupplier insert) {
        try {
            return insert.getAsInt();
        } catch (DataAccessException e) {
            log.warn("notification {} not written: {}", dedupKey, e.getMessage());
            return 0;
        }
    }

    private String emailState() {
        return mailEnabled ? EmailDispatcher.PENDING : null;
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
        String roleName() {
            return role == null ? null : role.name();
        }

        static Recipients of(String group) {
            AccessPolicy.GroupMembers members = AccessPolicy.membersOf(group);
            return members == null ? new Recipients(null, null) : new Recipients(members.role(), members.unitId());
        }
    }
}
