package org.perfeval.overdue;

import org.perfeval.shared.Downloads;
import java.util.List;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.campaign.CampaignService;
import org.perfeval.organisation.CurrentUser;
import org.perfeval.overdue.OverdueRow;
import org.perfeval.overdue.OverdueService;
import org.perfeval.overdue.ReminderService;
import org.perfeval.shared.Dates;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 逾期统计 and 催办 for administrators, finance and supervising reviewers (their department only). */
@Controller
class OverdueController {
    private final OverdueService overdue;
    private final ReminderService reminders;
    private final CampaignService campaigns;
    private final AuditLog audit;

    OverdueController(OverdueService overdue, ReminderService reminders, CampaignService campaigns, AuditLog audit) {
        this.overdue = overdue;
        this.reminders = reminders;
        this.campaigns = campaigns;
        this.audit = audit;
    }

    @GetMapping("/overdue")
    String report(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long campaign,
                  Model model) {
        List<OverdueRow> rows = overdue.report(user.actor(), campaign);
        model.addAttribute("rows", rows);
        model.addAttribute("nextReminder", reminders.nextReminderPossible(rows.stream().map(OverdueRow::formId).toList()));
        model.addAttribute("now", overdue.now());
        model.addAttribute("byDepartment", OverdueService.countBy(rows, OverdueRow::departmentName));
        model.addAttribute("byUnit", OverdueService.countBy(rows, OverdueRow::unitName));
        model.addAttribute("byStage", OverdueService.countBy(rows, OverdueRow::stageLabel));
        model.addAttribute("campaigns", campaigns.visibleTo(user.actor()));
        model.addAttribute("campaign", campaign);
        return "overdue";
    }

    @PostMapping("/forms/{id}/remind")
    String remind(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, RedirectAttributes redirect) {
        reminders.remind(user.actor(), id);
        redirect.addFlashAttribute("notice", "已催办。");
        return "redirect:/overdue";
    }

    @PostMapping("/overdue/remind-all")
    String remindAll(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long campaign,
                     RedirectAttributes redirect) {
        int[] result = reminders.remindOverdue(user.actor(), campaign, overdue);
        redirect.addFlashAttribute("notice", "已催办 " + result[0] + " 张，" + result[1] + " 张今日已催办过。");
        return "redirect:/overdue" + (campaign == null ? "" : "?campaign=" + campaign);
    }

    @GetMapping("/overdue/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user,
                                  @RequestParam(required = false) Long campaign) {
        List<OverdueRow> rows = overdue.report(user.actor(), campaign);
        audit.event(user.getId(), user.getDisplayName(), user.getUnitName(), AuditAction.EXPORT, "overdue",
                campaign, rows.size() + " 条");
        return Downloads.sheet("逾期统计.xlsx", "逾期统计",
                List.of("评价任务", "评价表", "单位", "主管部门", "环节", "办理人", "截止时间", "逾期天数"),
                rows.stream().map(row -> List.of(row.campaignName(), row.title(), row.unitName(), row.departmentName(),
                        row.stageLabel(), row.holder(), Dates.dateTime(row.dueAt()),
                        String.valueOf(row.daysOverdue(overdue.now())))).toList());
    }
}
