package org.perfeval.audit;

import java.time.Instant;

public record AuditEntry(Long id, Instant at, Long actorId, String actorName, String unitName, String action,
                         String objectType, String objectId, String clientAddress, String detail) {

    public String actionLabel() {
        try {
            return AuditAction.valueOf(action).label();
        } catch (IllegalArgumentException e) {
            return action;
        }
    }
}
