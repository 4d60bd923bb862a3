package org.perfeval.notification;

import java.util.function.Supplier;

import org.perfeval.organisation.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread-notification count shown in the top bar of every page. Every handler gets the model
 * attribute, but it is counted only when a page renders the top bar: a redirect after a post, a
 * JSON answer (live scoring as the user types) or a download never asks the database for it.
 */
@ControllerAdvice
class UnreadCount {
    private final NotificationService notifications;

    UnreadCount(NotificationService notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadCount")
    Badge unreadCount() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth != null && auth.getPrincipal() instanceof CurrentUser user)) {
            return new Badge(() -> 0);
        }
        return new Badge(() -> notifications.unread(user.actor()));
    }

    /** Counted at the first {@link #shown()}, then remembered for the rest of the page. */
    public static final class Badge {
        private Supplier<Integer> counter;
        private Integer count;

        Badge(Supplier<Integer> counter) {
            this.counter = counter;
        }

        /** Null (no badge) when it cannot be counted: the page, often the error page itself, still shows. */
        private Integer count() {
            if (counter != null) {
                try {
                    count = counter.get();
                } catch (org.springframework.dao.DataAccessException
                         | org.springframework.transaction.TransactionException e) {
                    count = null;
                }
                counter = null;
            }
            return count;
        }

        /** The badge's text: the count, or 99+ beyond (the count stops at 100). */
        public String shown() {
            Integer n = count();
            return n == null || n <= 0 ? null : n > 99 ? "99+" : n.toString();
        }
    }
}
