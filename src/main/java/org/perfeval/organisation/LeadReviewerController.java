package org.perfeval.organisation;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 牵头审核人 on the user page: may reassign any open task of their group. */
@Controller
class LeadReviewerController {
    private final ReviewerDirectory reviewers;

    LeadReviewerController(ReviewerDirectory reviewers) {
        this.reviewers = reviewers;
    }

    @PostMapping("/admin/users/{id}/lead-reviewer")
    String setLead(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                   @RequestParam(defaultValue = "false") boolean lead, RedirectAttributes redirect) {
        reviewers.setLead(user.actor(), id, lead);
        redirect.addFlashAttribute("notice", lead ? "已设为牵头审核人。" : "已取消牵头审核人。");
        return "redirect:/admin/users/" + id;
    }
}
