package org.perfeval.audit;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.perfeval.shared.Actor;
import org.perfeval.shared.ColumnLimits;
import org.perfeval.shared.ReadOnly;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail. Business actions write their entry inside their own transaction (so an action
 * that rolls back leaves no entry); login attempts and denials, which have no transaction of their
 * own, write in a new one.
 */
@Service
public class AuditLog {
    private final AuditMapper mapper;
    private final Clock clock;

    public AuditLog(AuditMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void action(Actor actor, AuditAction action, String objectType, Object objectId, String detail) {
        write(actor == null ? null : actor.id(), actor == null ? "系统" : actor.displayName(),
                actor == null ? null : actor.unitName(), action, objectType, objectId, detail);
    }

    /** For events outside a business transaction: logins, denials, exports. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void event(Long actorId, String actorName, String unitName, AuditAction action, String objectType,
                      Object objectId, String detail) {
        write(actorId, actorName, unitName, action, objectType, objectId, detail);
    }

    @ReadOnly
    public List<AuditEntry> search(String action, String actor, String objectId, java.time.Instant from, int limit) {
        return search(action, actor, objectId, from, limit, 0);
    }

    /** One page of the search: {@code limit} entries after the first {@code offset}, newest first. */
    public List<AuditEntry> search(String action, String actor, String objectId, java.time.Instant from, int limit,
                                   int offset) {
        String like = actor == null || actor.isBlank() ? null : "%" + actor.strip() + "%";
        return mapper.search(blank(action), like, blank(objectId), from, Math.min(Math.max(limit, 1), 5000),
                Math.max(offset, 0));
    }

    private void write(Long actorId, String actorName, String unitName, AuditAction action, String objectType,
                       Object objectId, String detail) {
        String safeDetail = detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail;
        // Names and ids can come from the request (a typed user name, a path): cut to the columns.
        mapper.insert(new AuditEntry(null, clock.instant(), actorId,
                ColumnLimits.AUDIT_ACTOR_NAME.cut(actorName == null ? "" : actorName),
                ColumnLimits.AUDIT_UNIT_NAME.cut(unitName), action.name(), ColumnLimits.AUDIT_OBJECT_TYPE.cut(objectType),
                objectId == null ? null : ColumnLimits.AUDIT_OBJECT_ID.cut(String.valueOf(objectId)),
                ColumnLimits.AUDIT_CLIENT_ADDRESS.cut(clientAddress()), safeDetail));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
