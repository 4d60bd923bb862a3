package org.perfeval.web;

import org.perfeval.notification.NotificationService;
import org.perfeval.org.CurrentUser;
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

    @ModelAttribute("unreadCount")
    Integer unreadCount() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser user ? notifications.unread(user.actor()) : 0;
    }
}
