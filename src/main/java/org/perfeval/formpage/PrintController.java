package org.perfeval.formpage;

import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormStore;
import org.perfeval.form.StoredForm;
import org.perfeval.organisation.CurrentUser;
import org.perfeval.review.ReviewService;
import org.perfeval.scoring.ScoringResult;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;


/**
 * 打印: the form at any stage as one read-only page for paper (A4 landscape, print stylesheet), for
 * whoever may see the form; others are told it does not exist, as on the form page.
 */
@Controller
class PrintController {
    private final EvaluationFormService forms;
    private final ReviewService reviews;
    private final FormPageModel pageModel;
    private final java.time.Clock clock;

    PrintController(EvaluationFormService forms, ReviewService reviews, FormPageModel pageModel, java.time.Clock clock) {
        this.forms = forms;
        this.reviews = reviews;
        this.pageModel = pageModel;
        this.clock = clock;
    }

    @GetMapping("/forms/{id}/print")
    String print(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        StoredForm stored = forms.read(user.actor(), id);
        ScoringResult score = pageModel.storedScore(stored.header());
        boolean provisional = score == null;
        if (provisional) {
            // Never submitted: the score of the content as it stands, marked as a trial calculation.
            score = forms.preview(stored.content());
        }
        model.addAttribute("header", stored.header());
        model.addAttribute("form", FormStore.normalized(stored.content()));
        model.addAttribute("score", score);
        model.addAttribute("provisional", provisional);
        model.addAttribute("indicatorScores", score.indicators().stream().collect(java.util.stream.Collectors.toMap(
                org.perfeval.scoring.IndicatorScore::index, i -> i, (a, b) -> a)));
        model.addAttribute("budgetScores", score.budgetLines().stream().collect(java.util.stream.Collectors.toMap(
                org.perfeval.scoring.BudgetLineScore::index, b -> b, (a, b) -> a)));
        model.addAttribute("opinions", reviews.opinions(user.actor(), id));
        model.addAttribute("history", forms.history(user.actor(), id));
        model.addAttribute("printedAt", clock.instant());
        model.addAttribute("printedBy", user.getDisplayName());
        return "print";
    }
}
