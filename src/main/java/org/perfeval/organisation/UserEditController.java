package org.perfeval.organisation;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.perfeval.organisation.AppUser;
import org.perfeval.organisation.CurrentUser;
import org.perfeval.organisation.LoginThrottle;
import org.perfeval.organisation.OrgAdminService;
import org.perfeval.organisation.OrgMapper;
import org.perfeval.organisation.UserImport;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.shared.NotFoundException;
import org.perfeval.shared.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One user's page for administrators (edit, disable, reset the password) and the Excel import of users. */
@Controller
class UserEditController {
    private static final String IMPORT_ROWS = "perfeval.userImportRows";

    private final OrgAdminService org;
    private final LoginThrottle throttle;
    private final UserImport userImport;

    UserEditController(OrgAdminService org, LoginThrottle throttle, UserImport userImport) {
        this.org = org;
        this.throttle = throttle;
        this.userImport = userImport;
    }

    @GetMapping("/admin/users/{id}")
    String show(@PathVariable Long id, Model model) {
        AppUser user = org.user(id);
        if (user == null) {
            throw new NotFoundException("用户不存在");
        }
        fill(model, user, user.displayName(), user.unitId(), user.role(), user.email());
        return "admin/user";
    }

    @PostMapping("/admin/users/{id}")
    String edit(@AuthenticationPrincipal CurrentUser admin, @PathVariable Long id,
                @RequestParam(required = false) String displayName, @RequestParam(required = false) Long unitId,
                @RequestParam(required = false) Role role, @RequestParam(required = false) String email,
                Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            org.editUser(admin.actor(), id, displayName, unitId, role, email);
        } catch (InvalidInputException e) {
            // The typed values stay in the boxes, each message beside its field.
            fill(model, org.user(id), displayName, unitId, role, email);
            model.addAttribute("problems", e.problems());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "admin/user";
        }
        redirect.addFlashAttribute("notice", "已保存用户信息。");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/enabled")
    String enable(@AuthenticationPrincipal CurrentUser admin, @PathVariable Long id,
                  @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        org.setEnabled(admin.actor(), id, enabled);
        redirect.addFlashAttribute("notice", enabled ? "账号已启用。" : "账号已停用：该用户已在所有节点退出登录，不能再登录。");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/password-reset")
    String resetPassword(@AuthenticationPrincipal CurrentUser admin, @PathVariable Long id, RedirectAttributes redirect) {
        String password = org.resetPassword(admin.actor(), id);
        redirect.addFlashAttribute("newPassword", password);
        redirect.addFlashAttribute("notice", "密码已重置。请把新密码告知本人，其首次登录时须修改密码。");
        return "redirect:/admin/users/" + id;
    }

    @GetMapping("/admin/users/import")
    String importPage() {
        return "admin/user-import";
    }

    @PostMapping("/admin/users/import")
    String preview(@AuthenticationPrincipal CurrentUser admin, @RequestParam(required = false) MultipartFile file,
                   Model model, HttpSession session, HttpServletResponse response) throws IOException {
        try {
            List<UserImport.Row> rows = userImport.preview(admin.actor(), file == null ? null : file.getBytes());
            model.addAttribute("rows", rows);
            boolean ok = !rows.isEmpty() && rows.stream().allMatch(UserImport.Row::ok);
            model.addAttribute("importable", ok);
            if (ok) {
                session.setAttribute(IMPORT_ROWS, rows);
            } else {
                session.removeAttribute(IMPORT_ROWS);
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "admin/user-import";
    }

    @PostMapping("/admin/users/import/confirm")
    @SuppressWarnings("unchecked")
    String confirm(@AuthenticationPrincipal CurrentUser admin, Model model, HttpSession session,
                   HttpServletResponse response) {
        List<UserImport.Row> rows = (List<UserImport.Row>) session.getAttribute(IMPORT_ROWS);
        if (rows == null) {
            throw new InvalidInputException("file", "没有待导入的预览，请重新上传表格");
        }
        try {
            model.addAttribute("created", userImport.importRows(admin.actor(), rows));
            session.removeAttribute(IMPORT_ROWS);
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "admin/user-import";
    }

    private void fill(Model model, AppUser user, String displayName, Long unitId, Role role, String email) {
        model.addAttribute("user", user);
        model.addAttribute("displayName", displayName);
        model.addAttribute("unitId", unitId);
        model.addAttribute("role", role);
        model.addAttribute("email", email);
        model.addAttribute("locked", throttle.isLocked(user.username()));
        model.addAttribute("units", org.units());
        model.addAttribute("roles", Role.values());
    }
}
