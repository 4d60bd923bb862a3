package org.perfeval.notification;

import org.perfeval.notification.NotificationService;
import org.perfeval.organisation.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread-notification count shown in the top bar of every page. */
@ControllerAdvice
class UnreadCount {
    private final NotificationService notifications;

    UnreadCount(NotificationService notifications) {
        this.notifications = notifications;
    }

    /** Null (no badge) when it cannot be counted: the page, often the error page itself, still shows. */
    @ModelAttribute("unreadCount")
    Integer unreadCount() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth != null && auth.getPrincipal() instanceof CurrentUser user)) {
            return 0;
        }
        try {
            return notifications.unread(user.actor());
        } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
            return null;
        }
    }
}
