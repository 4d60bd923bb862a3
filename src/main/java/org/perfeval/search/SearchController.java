package org.perfeval.search;

import java.util.List;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.campaign.CampaignService;
import org.perfeval.form.FormStatus;
import org.perfeval.organisation.CurrentUser;
import org.perfeval.shared.Dates;
import org.perfeval.shared.Downloads;
import org.perfeval.shared.Numbers;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;

/** 我发起的 and 评价表查询 (with its Excel export), for every signed-in user within their scope. */
@Controller
class SearchController {
    static final List<String> GRADES = List.of("优", "良", "中", "差");

    private final FormSearch search;
    private final CampaignService campaigns;
    private final AuditLog audit;

    SearchController(FormSearch search, CampaignService campaigns, AuditLog audit) {
        this.search = search;
        this.campaigns = campaigns;
        this.audit = audit;
    }

    @GetMapping("/mine")
    String mine(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("criteria") SearchCriteria criteria,
                BindingResult binding, Model model) {
        ignored(binding, model);
        model.addAttribute("result", search.mine(user.actor(), criteria));
        return "search/mine";
    }

    @GetMapping("/search")
    String search(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("criteria") SearchCriteria criteria,
                  BindingResult binding, Model model) {
        ignored(binding, model);
        model.addAttribute("result", search.search(user.actor(), criteria));
        model.addAttribute("campaigns", campaigns.visibleTo(user.actor()));
        model.addAttribute("units", search.units(user.actor()));
        model.addAttribute("statuses", FormStatus.values());
        model.addAttribute("grades", GRADES);
        return "search/search";
    }

    @GetMapping("/search/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user, @ModelAttribute SearchCriteria criteria,
                                  BindingResult binding) {
        List<SearchRow> rows = search.export(user.actor(), criteria);
        audit.event(user.getId(), user.getDisplayName(), user.getUnitName(), AuditAction.EXPORT, "form-search",
                null, rows.size() + " 条");
        return Downloads.sheet("评价表查询.xlsx", "评价表",
                List.of("编号", "年度", "评价任务", "评价表", "单位", "主管部门", "状态", "总分", "等级", "提交时间"),
                rows.stream().map(r -> List.of(String.valueOf(r.id()), String.valueOf(r.fiscalYear()), r.campaignName(),
                        r.title(), r.unitLabel(), r.supervisingUnitName(), r.status().label(),
                        r.scoreTotal() == null ? "" : Numbers.twoDecimals(r.scoreTotal()),
                        r.scoreGrade() == null ? "" : r.scoreGrade(),
                        r.submittedAt() == null ? "" : Dates.dateTime(r.submittedAt()))).toList());
    }

    /** A filter that is not a valid value (a hand-edited address) is left out, and the user told which. */
    private static void ignored(BindingResult binding, Model model) {
        if (binding.hasFieldErrors()) {
            model.addAttribute("ignoredFields", binding.getFieldErrors().stream().map(e -> e.getField()).distinct().toList());
        }
    }
}
