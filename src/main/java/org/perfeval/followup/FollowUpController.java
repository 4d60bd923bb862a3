package org.perfeval.followup;

import org.perfeval.shared.Downloads;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

import org.perfeval.evidence.EvidenceService;
import org.perfeval.followup.FollowUp;
import org.perfeval.followup.FollowUpService;
import org.perfeval.followup.FollowUpStatus;
import org.perfeval.organisation.CurrentUser;
import org.perfeval.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 整改跟踪: units report, reviewers accept, administrators see the counts. */
@Controller
class FollowUpController {
    private final FollowUpService followUps;
    private final EvidenceService evidence;
    private final Clock clock;

    FollowUpController(FollowUpService followUps, EvidenceService evidence, Clock clock) {
        this.followUps = followUps;
        this.evidence = evidence;
        this.clock = clock;
    }

    @GetMapping("/follow-ups")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<FollowUp> items = followUps.visibleTo(user.actor());
        model.addAttribute("items", items);
        model.addAttribute("evidence", evidence.ofFollowUps(items.stream().map(FollowUp::id).toList()));
        model.addAttribute("now", clock.instant());
        model.addAttribute("byUnit", items.stream().collect(java.util.stream.Collectors.groupingBy(FollowUp::unitName,
                java.util.TreeMap::new, java.util.stream.Collectors.toList())));
        return "follow-ups";
    }

    @GetMapping("/follow-ups/export")
    org.springframework.http.ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user) {
        List<FollowUp> items = followUps.visibleTo(user.actor());
        java.time.Instant now = clock.instant();
        return Downloads.sheet("整改事项.xlsx", "整改事项",
                List.of("年度", "评价表", "单位", "提出方", "审核意见", "具体意见", "状态", "已验收", "逾期", "整改期限", "整改情况"),
                items.stream().map(x -> java.util.Arrays.asList(String.valueOf(x.fiscalYear()), x.formTitle(), x.unitName(),
                        "FINANCE".equals(x.stage()) ? "财政部门" : "主管部门", x.opinionOption(), x.detail(),
                        x.status().label(), x.accepted() ? "是" : "否", x.overdueAt(now) ? "是" : "否",
                        org.perfeval.shared.Dates.dateTime(x.dueAt()), x.unitNote())).toList());
    }

    @PostMapping("/follow-ups/{id}/evidence")
    String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                  @RequestParam(name = "file", required = false) MultipartFile file,
                  RedirectAttributes redirect) throws IOException {
        if (file == null) {
            throw new InvalidInputException("file", "请选择要上传的文件");
        }
        var saved = followUps.uploadEvidence(user.actor(), id, file.getOriginalFilename(), file.getSize(),
                file.getInputStream());
        redirect.addFlashAttribute("notice", "已上传整改佐证材料「" + saved.originalName() + "」。");
        return "redirect:/follow-ups#follow-up-" + id;
    }

    @PostMapping("/follow-ups/{id}/report")
    String report(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                  @RequestParam(required = false) String status, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        FollowUpStatus parsed;
        try {
            parsed = FollowUpStatus.valueOf(status == null ? "" : status);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "整改状态无效");
        }
        followUps.report(user.actor(), id, parsed, note);
        redirect.addFlashAttribute("notice", "整改情况已保存。");
        return "redirect:/follow-ups";
    }

    @PostMapping("/follow-ups/{id}/review")
    String review(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                  @RequestParam(defaultValue = "false") boolean accept, RedirectAttributes redirect) {
        followUps.review(user.actor(), id, accept);
        redirect.addFlashAttribute("notice", accept ? "已验收。" : "已退回整改。");
        return "redirect:/follow-ups";
    }
}
