package org.perfeval.organisation;

import org.perfeval.organisation.CurrentUser;
import org.perfeval.organisation.OrgAdminService;
import org.perfeval.shared.Role;
import org.perfeval.organisation.UnitKind;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 用户和单位管理 for administrators. */
@Controller
class UserAdminController {
    private final OrgAdminService org;
    private final org.perfeval.organisation.LoginThrottle throttle;

    UserAdminController(OrgAdminService org, org.perfeval.organisation.LoginThrottle throttle) {
        this.org = org;
        this.throttle = throttle;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("units", org.units());
        model.addAttribute("users", org.users());
        model.addAttribute("roles", Role.values());
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("now", java.time.Instant.now());
        model.addAttribute("blockedAddresses", throttle.blocked());
        model.addAttribute("lockedNames", throttle.lockedNames());
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String addUser(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String username,
                   @RequestParam(required = false) String displayName, @RequestParam(required = false) Long unitId,
                   @RequestParam(required = false) Role role, @RequestParam(required = false) String password,
                   @RequestParam(required = false) String email, RedirectAttributes redirect) {
        org.addUser(user.actor(), username, displayName, unitId, role, password, email);
        redirect.addFlashAttribute("notice", "已新增用户 " + username + "。");
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/units")
    String addUnit(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String code,
                   @RequestParam(required = false) String name, @RequestParam(required = false) UnitKind kind,
                   @RequestParam(required = false) Long parentId, RedirectAttributes redirect) {
        org.addUnit(user.actor(), code, name, kind == null ? UnitKind.UNIT : kind, parentId);
        redirect.addFlashAttribute("notice", "已新增单位 " + name + "。");
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/email")
    String changeEmail(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                       @RequestParam(required = false) String email, RedirectAttributes redirect) {
        org.changeEmail(user.actor(), id, email);
        redirect.addFlashAttribute("notice", "已保存电子邮箱。");
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/login-addresses/unblock")
    String unblock(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String address,
                   RedirectAttributes redirect) {
        throttle.unblock(user.actor(), address);
        redirect.addFlashAttribute("notice", "已解除地址 " + address + " 的登录限制。");
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, RedirectAttributes redirect) {
        org.unlock(user.actor(), id);
        redirect.addFlashAttribute("notice", "已解锁。");
        return "redirect:/admin/users";
    }
}
