package org.perfeval.formpage;

import org.perfeval.approval.Approval;
import org.perfeval.form.FieldLabels;
import java.util.ArrayList;
import java.util.List;

import org.perfeval.exchange.EvaluationForm;
import org.perfeval.form.FormEdit;
import org.perfeval.form.FormHeader;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.StoredForm;
import org.perfeval.approval.SubmitOutcome;
import org.perfeval.shared.Actor;
import org.perfeval.organisation.CurrentUser;
import org.perfeval.shared.FieldProblem;
import org.perfeval.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The form page: unit staff edit, save and submit here; everyone who may see the form reads it here. */
@Controller
class FormController {
    private final EvaluationFormService formService;
    private final FormPageModel pageModel;
    private final org.perfeval.form.ReportDraft reportDraft;
    private final Approval approval;

    FormController(EvaluationFormService formService, FormPageModel pageModel,
                   org.perfeval.form.ReportDraft reportDraft, Approval approval) {
        this.approval = approval;
        this.formService = formService;
        this.pageModel = pageModel;
        this.reportDraft = reportDraft;
    }

    @GetMapping("/forms/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        return org.perfeval.shared.ReadMemo.during(() -> {
            StoredForm stored = formService.read(user.actor(), id);
            pageModel.fill(model, user.actor(), stored.header(), stored.content());
            return "form";
        });
    }

    @PostMapping("/forms/{id}")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                @ModelAttribute("form") EvaluationForm form, BindingResult binding,
                @RequestParam int version, @RequestParam(defaultValue = "save") String action,
                @RequestParam(name = "rowOrigin", required = false) List<String> rowOrigin,
                @RequestParam(required = false) String requestKey,
                Model model, RedirectAttributes redirect, HttpServletResponse response,
                jakarta.servlet.http.HttpServletRequest request) {
        List<FieldProblem> gaps = RowIndexes.check(request.getParameterMap());
        if (!gaps.isEmpty()) {
            throw new InvalidInputException(gaps);
        }
        Actor actor = user.actor();
        List<Integer> origins = rowOrigins(rowOrigin);
        model.addAttribute("rowOrigins", origins);
        FormHeader header = formService.visibleHeader(actor, id);
        try {
            if (binding.hasErrors()) {
                throw new InvalidInputException(bindingProblems(binding));
            }
            if ("report".equals(action)) {
                int filled = reportDraft.fillEmptySections(form, header.getTitle(), header.getUnitName());
                pageModel.fill(model, actor, header, form);
                model.addAttribute("postedVersion", version);
                model.addAttribute("notice", "已生成 " + filled + " 节报告草稿（尚未保存），请修改后保存。");
                model.addAttribute("echoed", true);
                return "form";
            }
            FormEdit edit = new FormEdit(version, form, origins, blankToNull(requestKey));
            if ("submit".equals(action)) {
                SubmitOutcome outcome = approval.submit(actor, id, edit);
                return submitted(id, outcome.accepted(), outcome.errors(), redirect);
            }
            formService.saveDraft(actor, id, edit);
            redirect.addFlashAttribute("notice", "草稿已保存。");
            return "redirect:/forms/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("rejected", rejectedText(binding));
            return keepInput(model, actor, header, form, version, response, HttpStatus.BAD_REQUEST,
                    "输入有误，未保存。请按提示修改：", e.problems());
        } catch (org.perfeval.shared.ConflictException e) {
            // A double click or a retry whose first attempt did commit: answer as the first attempt was.
            var earlier = formService.earlierOutcome(actor, id, blankToNull(requestKey));
            if (earlier.isPresent()) {
                if ("SAVED".equals(earlier.get())) {
                    redirect.addFlashAttribute("notice", "草稿已保存。");
                    return "redirect:/forms/" + id;
                }
                return submitted(id, "ACCEPTED".equals(earlier.get()), List.of(), redirect);
            }
            return keepInput(model, actor, header, form, version, response, HttpStatus.CONFLICT, e.getMessage(),
                    List.of());
        }
    }

    private static String submitted(Long id, boolean accepted, List<org.perfeval.scoring.Finding> errors,
                                    RedirectAttributes redirect) {
        if (!accepted) {
            redirect.addFlashAttribute("blocked", errors);
            return "redirect:/forms/" + id;
        }
        redirect.addFlashAttribute("notice", "已提交，等待主管部门审核。");
        return "redirect:/tasks";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @PostMapping("/forms/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, RedirectAttributes redirect) {
        approval.withdraw(user.actor(), id);
        redirect.addFlashAttribute("notice", "已撤回，可以继续修改后重新提交。");
        return "redirect:/forms/" + id;
    }

    /** Re-shows what the user typed, unsaved, with the problems on top: nothing typed is lost. */
    private String keepInput(Model model, Actor actor, FormHeader header, EvaluationForm form, int version,
                             HttpServletResponse response, HttpStatus status, String message,
                             List<FieldProblem> problems) {
        pageModel.fill(model, actor, header, form);
        model.addAttribute("postedVersion", version);
        model.addAttribute("error", message);
        model.addAttribute("problems", problems);
        // The page shows posted, unsaved values: its script keeps them as unsaved input.
        model.addAttribute("echoed", true);
        response.setStatus(status.value());
        return "form";
    }

    /** Where each posted indicator row stood when the page was drawn; blank for a new row. */
    private static List<Integer> rowOrigins(List<String> posted) {
        if (posted == null) {
            return null;
        }
        List<Integer> origins = new ArrayList<>();
        for (String p : posted) {
            origins.add(p != null && p.matches("\\d{1,5}") ? Integer.valueOf(p) : null);
        }
        return origins;
    }

    /** The posted text of each field that did not bind, by path: form.html shows it again in place of the model's value. */
    private static java.util.Map<String, String> rejectedText(BindingResult binding) {
        if (!binding.hasFieldErrors()) {
            return null;
        }
        java.util.Map<String, String> rejected = new java.util.HashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            rejected.put(error.getField(), org.springframework.util.ObjectUtils.getDisplayString(error.getRejectedValue()));
        }
        return rejected;
    }

    static List<FieldProblem> bindingProblems(BindingResult binding) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : binding.getFieldErrors()) {
            problems.add(new FieldProblem(error.getField(), FieldLabels.label(error.getField())
                    + "应为数字，收到“" + error.getRejectedValue() + "”"));
        }
        return problems;
    }
}
