package org.perfeval.review;

import org.perfeval.approval.Approval;
import org.perfeval.approval.TaskControl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfeval.form.FormHeader;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.organisation.CurrentUser;
import org.perfeval.approval.Decision;
import org.perfeval.review.OpinionCatalog;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 签收 and 审核: the reviewer's half of the form page. */
@Controller
class ReviewController {
    private final ReviewService reviewService;
    private final Approval approval;
    private final EvaluationFormService formService;
    private final OpinionCatalog catalog;

    ReviewController(ReviewService reviewService, Approval approval, EvaluationFormService formService,
                     OpinionCatalog catalog) {
        this.reviewService = reviewService;
        this.approval = approval;
        this.formService = formService;
        this.catalog = catalog;
    }

    @PostMapping("/forms/{id}/claim")
    String claim(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, RedirectAttributes redirect) {
        approval.claim(user.actor(), id);
        redirect.addFlashAttribute("notice", "已签收。");
        return "redirect:/forms/" + id;
    }

    /** Options arrive as indexes into the stage's opinion list (opt=3) with their text in detail3. */
    @PostMapping("/forms/{id}/review")
    String review(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                  @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String overallOpinion,
                  @RequestParam(name = "opt", required = false) List<Integer> checked,
                  @RequestParam(required = false) String returnLevel,
                  @RequestParam(name = "cc", required = false) List<Long> copyTo,
                  @RequestParam(name = "ccUnit", required = false) List<Long> copyToUnits,
                  @RequestParam(required = false) String ccNames, @RequestParam(required = false) String ccUnitNames,
                  @RequestParam Map<String, String> params, RedirectAttributes redirect,
                  jakarta.servlet.http.HttpServletRequest request) {
        FormHeader header = formService.visibleHeader(user.actor(), id);
        Approval.requireReviewer(user.actor());
        List<String> options = catalog.reviewOptions(header.getFormType());
        Decision parsed;
        try {
            Map<String, String> chosen = new LinkedHashMap<>();
            for (Integer index : checked == null ? List.<Integer>of() : checked) {
                if (index == null || index < 0 || index >= options.size()) {
                    throw new InvalidInputException("opt", "审核意见选项无效");
                }
                chosen.put(options.get(index), params.get("detail" + index));
            }
            parsed = parseDecision(decision);
            reviewService.decide(user.actor(), id, new ReviewInput(parsed, chosen, overallOpinion, reason,
                    parseLevel(parsed, returnLevel)), new TaskControl.Copies(copyTo, copyToUnits, ccNames, ccUnitNames));
        } catch (InvalidInputException e) {
            // The page the refusal goes back to (ErrorHandling) draws what was typed, so nothing is lost without script.
            org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(request)
                    .put("reviewTyped", typed(options.size(), checked, params));
            throw e;
        }
        boolean copied = copyTo != null && !copyTo.isEmpty() || copyToUnits != null && !copyToUnits.isEmpty()
                || ccNames != null && !ccNames.isBlank() || ccUnitNames != null && !ccUnitNames.isBlank();
        redirect.addFlashAttribute("notice", "已" + parsed.label() + (copied ? "，并已抄送。" : "。"));
        return "redirect:/tasks";
    }

    /**
     * 批量同意 for forms without findings, with one opinion set for all (options by their label, each
     * form taking those its type offers): each decision is its own transaction, so one form handled
     * meanwhile by someone else does not stop the rest. The result says how many of each happened.
     */
    @PostMapping("/reviews/batch-approve")
    String batchApprove(@AuthenticationPrincipal CurrentUser user,
                        @RequestParam(name = "form", required = false) List<Long> formIds,
                        @RequestParam(name = "opt", required = false) List<Integer> checked,
                        @RequestParam(required = false) String overallOpinion,
                        @RequestParam Map<String, String> params,
                        RedirectAttributes redirect) {
        Approval.requireReviewer(user.actor());
        if (formIds == null || formIds.isEmpty()) {
            throw new InvalidInputException("form", "请勾选要批量同意的评价表");
        }
        if (formIds.size() > 200) {
            throw new InvalidInputException("form", "一次最多批量同意 200 张评价表");
        }
        List<String> batchOptions = catalog.batchReviewOptions();
        Map<String, String> chosenAll = new LinkedHashMap<>();
        for (Integer index : checked == null ? List.<Integer>of() : checked) {
            if (index == null || index < 0 || index >= batchOptions.size()) {
                throw new InvalidInputException("opt", "审核意见选项无效");
            }
            chosenAll.put(batchOptions.get(index), params.get("detail" + index));
        }
        String overall = overallOpinion == null || overallOpinion.isBlank() ? "批量同意" : overallOpinion.strip();
        int approved = 0;
        List<String> notApprovable = new java.util.ArrayList<>();
        List<String> failed = new java.util.ArrayList<>();
        for (Long id : new java.util.LinkedHashSet<>(formIds)) {
            String name = "#" + id;
            try {
                FormHeader header = formService.visibleHeader(user.actor(), id);
                name = "《" + header.getTitle() + "》";
                if (!reviewService.batchApprovable(header)) {
                    notApprovable.add(name);
                    continue;
                }
                List<String> own = catalog.reviewOptions(header.getFormType());
                Map<String, String> chosen = new LinkedHashMap<>();
                chosenAll.forEach((label, detail) -> {
                    if (own.contains(label)) {
                        chosen.put(label, detail);
                    }
                });
                reviewService.decide(user.actor(), id, new ReviewInput(Decision.APPROVE, chosen, overall, null));
                approved++;
            } catch (InvalidInputException e) {
                throw e; // an opinion too long is the same for every form: said beside the field
            } catch (RuntimeException e) {
                failed.add(name + "：" + (e.getMessage() == null ? "未能处理" : e.getMessage()));
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("approved", approved);
        result.put("notApprovable", notApprovable);
        result.put("failed", failed);
        redirect.addFlashAttribute("batchResult", new java.util.HashMap<>(result));
        return "redirect:/tasks";
    }

    /** The review form's fields as posted, for drawing them again: opt{i} marks a ticked option. */
    private static Map<String, String> typed(int optionCount, List<Integer> checked, Map<String, String> params) {
        Map<String, String> typed = new java.util.HashMap<>();
        for (String field : List.of("decision", "returnLevel", "overallOpinion", "reason", "ccNames", "ccUnitNames")) {
            if (params.get(field) != null) {
                typed.put(field, params.get(field));
            }
        }
        for (int i = 0; i < optionCount; i++) {
            if (params.get("detail" + i) != null) {
                typed.put("detail" + i, params.get("detail" + i));
            }
            if (checked != null && checked.contains(i)) {
                typed.put("opt" + i, "on");
            }
        }
        return typed;
    }

    /** 退回至指定审核层级 names the level by its index in the form's chain. */
    private static Integer parseLevel(Decision decision, String level) {
        if (decision != Decision.RETURN_TO_LEVEL) {
            return null;
        }
        if (level == null || !level.strip().matches("\\d{1,3}")) {
            throw new InvalidInputException("returnLevel", "请选择要退回的审核层级");
        }
        return Integer.valueOf(level.strip());
    }

    private static Decision parseDecision(String decision) {
        if (decision == null || decision.isBlank()) {
            throw new InvalidInputException("decision", "请选择审核结果（同意或退回）");
        }
        try {
            return Decision.valueOf(decision);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("decision", "审核结果无效：" + decision);
        }
    }
}
