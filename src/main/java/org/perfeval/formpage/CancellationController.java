package org.perfeval.formpage;

import org.perfeval.approval.FormCancellation;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.organisation.CurrentUser;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 作废 and 重新开放 (administrators): a confirmation page with the reason, and the step. A refusal is
 * shown on the same page beside the reason, with what was typed kept.
 */
@Controller
class CancellationController {
    enum Step {
        CANCEL("作废评价表", "作废原因", "确认作废", "作废后流程结束，单位不能再填报或提交；可由管理员重新开放。"),
        REOPEN("重新开放评价表", "重新开放原因", "确认重新开放", "重新开放后评价表回到「填报中」，单位可修改后重新提交（评价任务已结束也可提交）。");

        final String title;
        final String reasonLabel;
        final String confirm;
        final String explanation;

        Step(String title, String reasonLabel, String confirm, String explanation) {
            this.title = title;
            this.reasonLabel = reasonLabel;
            this.confirm = confirm;
            this.explanation = explanation;
        }

        public String getTitle() { return title; }
        public String getReasonLabel() { return reasonLabel; }
        public String getConfirm() { return confirm; }
        public String getExplanation() { return explanation; }
        public String getPath() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    private final FormCancellation cancellation;
    private final EvaluationFormService forms;

    CancellationController(FormCancellation cancellation, EvaluationFormService forms) {
        this.cancellation = cancellation;
        this.forms = forms;
    }

    @GetMapping("/admin/forms/{id}/cancel")
    String cancelPage(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        return page(user, id, Step.CANCEL, null, null, model);
    }

    @GetMapping("/admin/forms/{id}/reopen")
    String reopenPage(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        return page(user, id, Step.REOPEN, null, null, model);
    }

    @PostMapping("/admin/forms/{id}/cancel")
    String cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                  @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            cancellation.cancel(user.actor(), id, reason);
        } catch (InvalidInputException | ConflictException e) {
            return refused(user, id, Step.CANCEL, reason, e, model, response);
        }
        redirect.addFlashAttribute("notice", "评价表已作废。");
        return "redirect:/forms/" + id;
    }

    @PostMapping("/admin/forms/{id}/reopen")
    String reopen(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                  @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            cancellation.reopen(user.actor(), id, reason);
        } catch (InvalidInputException | ConflictException e) {
            return refused(user, id, Step.REOPEN, reason, e, model, response);
        }
        redirect.addFlashAttribute("notice", "评价表已重新开放，已通知单位。");
        return "redirect:/forms/" + id;
    }

    private String refused(CurrentUser user, Long id, Step step, String reason, RuntimeException e, Model model,
                           HttpServletResponse response) {
        boolean invalid = e instanceof InvalidInputException;
        response.setStatus(invalid ? HttpStatus.BAD_REQUEST.value() : HttpStatus.CONFLICT.value());
        String message = invalid ? ((InvalidInputException) e).problems().get(0).message() : e.getMessage();
        return page(user, id, step, reason, message, model);
    }

    private String page(CurrentUser user, Long id, Step step, String reason, String error, Model model) {
        FormHeader header = forms.visibleHeader(user.actor(), id);
        model.addAttribute("header", header);
        model.addAttribute("step", step);
        model.addAttribute("reason", reason);
        model.addAttribute("reasonError", error);
        return "admin/form-cancel";
    }
}
