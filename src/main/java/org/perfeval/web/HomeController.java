package org.perfeval.web;

import org.perfeval.organisation.CurrentUser;
import org.perfeval.shared.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user) {
        return user.getRole() == Role.ADMIN ? "redirect:/admin/campaigns" : "redirect:/tasks";
    }
}
