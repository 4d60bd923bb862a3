package org.perfeval.inbox;

import java.time.Clock;
import java.util.List;

import org.perfeval.campaign.CampaignService;
import org.perfeval.approval.Stage;
import org.perfeval.inbox.InboxFilter;
import org.perfeval.inbox.InboxService;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.organisation.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 待办. */
@Controller
class TaskController {
    private final InboxService inbox;
    private final Clock clock;
    private final CampaignService campaigns;
    private final org.perfeval.review.ReviewService reviews;
    private final org.perfeval.review.OpinionCatalog opinions;

    TaskController(InboxService inbox, Clock clock, CampaignService campaigns,
                   org.perfeval.review.ReviewService reviews, org.perfeval.review.OpinionCatalog opinions) {
        this.reviews = reviews;
        this.opinions = opinions;
        this.inbox = inbox;
        this.clock = clock;
        this.campaigns = campaigns;
    }

    @GetMapping("/tasks")
    String tasks(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page,
                 @RequestParam(required = false) Long campaign, @RequestParam(required = false) Long unit,
                 @RequestParam(required = false) String stage,
                 @RequestParam(defaultValue = "false") boolean overdue, Model model) {
        String stageKey = stage == null || stage.isBlank() ? null : validStage(stage);
        InboxFilter filter = new InboxFilter(campaign, unit, stageKey, overdue ? clock.instant() : null);
        List<InboxItem> items = inbox.inbox(user.actor(), filter, page);
        model.addAttribute("items", items);
        // 批量同意 offers only the forms it may take, with one opinion set for all of them.
        boolean reviewer = org.perfeval.approval.Approval.reviewStageOf(user.actor()) != null;
        model.addAttribute("approvable", reviewer ? reviews.batchApprovableAmong(user.actor(),
                items.stream().map(InboxItem::formId).toList()) : java.util.Set.of());
        model.addAttribute("batchOptions", reviewer ? opinions.batchReviewOptions() : List.of());
        model.addAttribute("page", page);
        model.addAttribute("now", clock.instant());
        model.addAttribute("stages", Stage.values());
        model.addAttribute("stage", stageKey);
        model.addAttribute("overdue", overdue);
        model.addAttribute("campaigns", campaigns.visibleTo(user.actor()));
        model.addAttribute("campaign", campaign);
        model.addAttribute("units", user.actor().is(org.perfeval.shared.Role.UNIT_STAFF) ? List.of()
                : inbox.unitsToFilterBy(user.actor(), unit));
        model.addAttribute("unit", unit);
        return "tasks";
    }

    @GetMapping("/done")
    String done(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("items", inbox.done(user.actor()));
        return "done";
    }

    private static String validStage(String stage) {
        for (Stage s : Stage.values()) {
            if (s.taskKey().equals(stage)) {
                return stage;
            }
        }
        throw new InvalidInputException("stage", "环节无效：" + stage);
    }
}
