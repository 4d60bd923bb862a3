package org.perfeval.review;

import org.perfeval.approval.Approval;
import org.perfeval.organisation.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 撤回审批: a reviewer takes back their approval while the next level has not yet claimed or acted. */
@Controller
class RecallController {
    private final Approval approval;

    RecallController(Approval approval) {
        this.approval = approval;
    }

    @PostMapping("/forms/{id}/recall")
    String recall(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, RedirectAttributes redirect) {
        approval.recall(user.actor(), id);
        redirect.addFlashAttribute("notice", "已撤回审批，评价表回到您的审核环节。");
        return "redirect:/forms/" + id;
    }
}
