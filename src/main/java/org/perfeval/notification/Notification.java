package org.perfeval.notification;

import java.time.Instant;

public record Notification(Long id, Long recipientId, NotificationKind kind, Long formId, String message,
                           Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
