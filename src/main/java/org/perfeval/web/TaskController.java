package org.perfeval.web;

import java.time.Clock;

import org.perfeval.inbox.InboxService;
import org.perfeval.org.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 待办. */
@Controller
class TaskController {
    private final InboxService inbox;
    private final Clock clock;

    TaskController(InboxService inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @GetMapping("/tasks")
    String tasks(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("items", inbox.inbox(user.actor(), page));
        model.addAttribute("page", page);
        model.addAttribute("now", clock.instant());
        return "tasks";
    }
}
