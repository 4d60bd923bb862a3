package org.perfeval.web;

import org.perfeval.organisation.CurrentUser;
import org.perfeval.shared.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    @GetMapping("/login")
    String login(jakarta.servlet.http.HttpServletRequest request, org.springframework.ui.Model model) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(org.perfeval.organisation.SecurityConfig.ATTEMPTED_NAME) != null) {
            model.addAttribute("username", session.getAttribute(org.perfeval.organisation.SecurityConfig.ATTEMPTED_NAME));
            session.removeAttribute(org.perfeval.organisation.SecurityConfig.ATTEMPTED_NAME);
        }
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user) {
        return user.getRole() == Role.ADMIN ? "redirect:/admin/campaigns" : "redirect:/tasks";
    }
}
