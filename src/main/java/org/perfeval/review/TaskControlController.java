package org.perfeval.review;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.perfeval.approval.TaskControl;
import org.perfeval.shared.FieldProblem;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.organisation.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 取消签收, 改派, 转办, 委派 and 委派回复 on the review page. Parameters are optional here so that
 * the service answers a foreign form as not found before it looks at what was posted.
 */
@Controller
class TaskControlController {
    private final TaskControl control;

    TaskControlController(TaskControl control) {
        this.control = control;
    }

    @PostMapping("/forms/{id}/release")
    String release(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                   @RequestParam(defaultValue = "form") String back, RedirectAttributes redirect) {
        control.release(user.actor(), id);
        redirect.addFlashAttribute("notice", "已取消签收，任务退回本环节待签收。");
        return "tasks".equals(back) ? "redirect:/tasks" : "redirect:/forms/" + id;
    }

    @PostMapping("/forms/{id}/reassign")
    String reassign(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                    @RequestParam(required = false) Long to, RedirectAttributes redirect) {
        return kept(id, redirect, typed("to", to), () -> {
            control.reassign(user.actor(), id, to);
            redirect.addFlashAttribute("notice", "已改派。");
            return "redirect:/forms/" + id;
        });
    }

    @PostMapping("/forms/{id}/transfer")
    String transfer(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                    @RequestParam(required = false) Long to,
                    @RequestParam(name = "note", required = false) String reason, RedirectAttributes redirect) {
        // "note" as for 委派: "reason" is the review form's 退回原因 on the same page.
        return kept(id, redirect, typed("to", to, "transferNote", reason), () -> {
            control.transfer(user.actor(), id, to, reason);
            redirect.addFlashAttribute("notice", "已转办。");
            return "redirect:/tasks";
        });
    }

    @PostMapping("/forms/{id}/delegate")
    String delegate(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                    @RequestParam(required = false) Long to, @RequestParam(required = false) String note,
                    RedirectAttributes redirect) {
        return kept(id, redirect, typed("to", to, "note", note), () -> {
            control.delegate(user.actor(), id, to, note);
            redirect.addFlashAttribute("notice", "已委派，对方回复后任务将回到您这里。");
            return "redirect:/forms/" + id;
        });
    }

    @PostMapping("/forms/{id}/resolve")
    String resolve(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                   @RequestParam(required = false) String answer, RedirectAttributes redirect) {
        return kept(id, redirect, typed("answer", answer), () -> {
            control.resolve(user.actor(), id, answer);
            redirect.addFlashAttribute("notice", "已回复，任务已交回委派人。");
            return "redirect:/tasks";
        });
    }

    @PostMapping("/forms/{id}/consult")
    String consult(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                   @RequestParam(name = "asked", required = false) java.util.List<Long> asked,
                   @RequestParam(required = false) String askedNames,
                   @RequestParam(required = false) String question, RedirectAttributes redirect) {
        return kept(id, redirect, typed("question", question, "askedNames", askedNames), () -> {
            int n = control.consult(user.actor(), id, asked, askedNames, question).size();
            redirect.addFlashAttribute("notice", "已向 " + n + " 人征求意见，回复将显示在本页。");
            return "redirect:/forms/" + id + "#consultations";
        });
    }

    @PostMapping("/forms/{id}/consultation-answer")
    String answer(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                  @RequestParam(required = false) Long consultation, @RequestParam(required = false) String answer,
                  RedirectAttributes redirect) {
        return kept(id, redirect, typed("answer" + consultation, answer), () -> {
            control.answer(user.actor(), id, consultation, answer);
            redirect.addFlashAttribute("notice", "已回复征求意见。");
            return "redirect:/consultations";
        });
    }

    @GetMapping("/consultations")
    String consultations(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("items", control.askedOf(user.actor()));
        return "consultations";
    }

    @GetMapping("/cc")
    String copiedToMe(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("items", control.copiedTo(user.actor()));
        return "cc";
    }

    /**
     * Bad input goes back to the review page with each message beside its field and what was typed
     * kept (flash attributes {@code controlProblems} and {@code controlTyped}).
     */
    static String kept(Long formId, RedirectAttributes redirect, Map<String, String> typed, Supplier<String> action) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            Map<String, String> problems = new LinkedHashMap<>();
            for (FieldProblem p : e.problems()) {
                problems.merge(p.path(), p.message(), (a, b) -> a + "；" + b);
            }
            redirect.addFlashAttribute("controlProblems", problems);
            redirect.addFlashAttribute("controlTyped", typed);
            redirect.addFlashAttribute("error", "输入有误，请按提示修改");
            return "redirect:/forms/" + formId + (typed.keySet().stream().anyMatch(k -> k.startsWith("answer")
                    || k.equals("question")) ? "#consultations" : "#task-controls");
        }
    }

    static Map<String, String> typed(Object... keysAndValues) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            typed.put((String) keysAndValues[i], keysAndValues[i + 1] == null ? "" : String.valueOf(keysAndValues[i + 1]));
        }
        return typed;
    }
}
