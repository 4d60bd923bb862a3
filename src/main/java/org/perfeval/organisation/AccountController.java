package org.perfeval.organisation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.perfeval.organisation.CurrentUser;
import org.perfeval.organisation.PasswordPolicy;
import org.perfeval.organisation.SecurityConfig;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user's own password. */
@Controller
class AccountController {
    private final UserAccountService accounts;

    AccountController(UserAccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping(SecurityConfig.PASSWORD_PAGE)
    String page(Model model) {
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "account/password";
    }

    @PostMapping(SecurityConfig.PASSWORD_PAGE)
    String change(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String current,
                  @RequestParam(required = false) String password, @RequestParam(required = false) String repeated,
                  Model model, RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        try {
            accounts.changeOwnPassword(user.actor(), current, password, repeated);
        } catch (InvalidInputException e) {
            model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
            model.addAttribute("problems", e.problems());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "account/password";
        }
        SecurityConfig.passwordChanged(request);
        redirect.addFlashAttribute("notice", "密码已修改。");
        return "redirect:/";
    }
}
