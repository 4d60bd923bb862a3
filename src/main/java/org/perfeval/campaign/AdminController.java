package org.perfeval.campaign;

import org.perfeval.organisation.OrgAdminService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.perfeval.campaign.Campaign;
import org.perfeval.campaign.CampaignProgress;
import org.perfeval.campaign.CampaignService;
import org.perfeval.campaign.FormAssignment;
import org.perfeval.campaign.NewCampaign;
import org.perfeval.exchange.FormType;
import org.perfeval.organisation.CurrentUser;
import org.perfeval.organisation.OrgUnit;
import org.perfeval.organisation.UnitKind;
import org.perfeval.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 绩效管理员: campaigns and their progress. */
@Controller
class AdminController {
    static final ZoneId CHINA = org.perfeval.shared.Dates.CHINA;

    private final CampaignService campaigns;
    private final OrgAdminService organisation;
    private final com.fasterxml.jackson.databind.ObjectMapper objectMapper;
    private final org.perfeval.followup.FollowUpService followUps;

    AdminController(CampaignService campaigns, OrgAdminService organisation,
                    com.fasterxml.jackson.databind.ObjectMapper objectMapper,
                    org.perfeval.followup.FollowUpService followUps) {
        this.followUps = followUps;
        this.campaigns = campaigns;
        this.organisation = organisation;
        this.objectMapper = objectMapper;
    }

    @GetMapping("/admin/campaigns")
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.all());
        model.addAttribute("units", fillingUnits());
        return "admin/campaigns";
    }

    @GetMapping("/admin/campaigns/{id}")
    String show(@PathVariable Long id, Model model) throws com.fasterxml.jackson.core.JsonProcessingException {
        model.addAttribute("campaign", campaigns.get(id));
        model.addAttribute("secondaryReview", campaigns.secondaryReview(id));
        List<org.perfeval.form.FormHeader> forms = campaigns.forms(id);
        CampaignProgress progress = campaigns.progress(id, forms);
        model.addAttribute("forms", forms);
        model.addAttribute("progress", progress);
        model.addAttribute("chartData", objectMapper.writeValueAsString(progress));
        model.addAttribute("opinionSummary", followUps.opinionSummary(id));
        model.addAttribute("units", fillingUnits());
        return "admin/campaign";
    }

    /** Creates a campaign and opens one form per ticked unit. */
    @PostMapping("/admin/campaigns")
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam String name,
                  @RequestParam(required = false) Integer fiscalYear, @RequestParam FormType formType,
                  @RequestParam(required = false) String fillDue, @RequestParam(required = false) String supervisorDue,
                  @RequestParam(required = false) String financeDue,
                  @RequestParam(name = "unit", required = false) List<Long> units,
                  @RequestParam(name = "publicOpinion", required = false) List<String> publicOpinions,
                  @RequestParam(required = false) String secondaryReview,
                  @RequestParam(required = false) String projects,
                  @RequestParam(required = false) org.springframework.web.multipart.MultipartFile projectsFile,
                  RedirectAttributes redirect) throws java.io.IOException {
        // A project-expenditure campaign names its projects (one line each, pasted from Excel, typed, or
        // uploaded as a sheet); without a list, each ticked unit gets one form titled with the unit's name.
        List<FormAssignment> listed = projectsFile != null && !projectsFile.isEmpty()
                ? ProjectList.parse(ProjectList.fromSheet(projectsFile.getBytes()), fillingUnits())
                : ProjectList.parse(projects, fillingUnits());
        if (listed.isEmpty() && (units == null || units.isEmpty())) {
            throw new InvalidInputException("unit", "请至少选择一个单位，或在项目清单中列出项目");
        }
        NewCampaign campaign = new NewCampaign();
        campaign.name = name;
        campaign.fiscalYear = fiscalYear;
        campaign.formType = formType;
        campaign.fillDue = endOfDay("fillDue", "填报截止日期", fillDue);
        campaign.supervisorDue = endOfDay("supervisorDue", "主管部门审核截止日期", supervisorDue);
        campaign.financeDue = endOfDay("financeDue", "财政部门审核截止日期", financeDue);
        campaign.publicOpinions = publicOpinions == null ? "" : String.join(",", publicOpinions);
        campaign.secondaryReview = secondaryReview != null;
        List<FormAssignment> assignments = !listed.isEmpty() ? listed
                : units.stream().map(u -> new FormAssignment(u, null)).toList();
        CampaignService.Opened opened = campaigns.createAndOpen(user.actor(), campaign, assignments);
        Campaign created = opened.campaign();
        redirect.addFlashAttribute("notice", "已下发 " + opened.forms() + " 张评价表。");
        return "redirect:/admin/campaigns/" + created.id();
    }

    @PostMapping("/admin/campaigns/{id}/deadlines")
    String deadlines(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                     @RequestParam(required = false) String fillDue, @RequestParam(required = false) String supervisorDue,
                     @RequestParam(required = false) String financeDue, RedirectAttributes redirect) {
        Campaign campaign = campaigns.get(id);
        java.time.Instant fill = endOfDay("fillDue", "填报截止日期", fillDue);
        java.time.Instant supervisor = endOfDay("supervisorDue", "主管部门审核截止日期", supervisorDue);
        java.time.Instant finance = endOfDay("financeDue", "财政部门审核截止日期", financeDue);
        int moved = campaigns.changeDeadlines(user.actor(), id, fill == null ? campaign.fillDue() : fill,
                supervisor == null ? campaign.supervisorDue() : supervisor, finance == null ? campaign.financeDue() : finance);
        redirect.addFlashAttribute("notice", "截止时间已修改，" + moved + " 项待办随之调整。");
        return "redirect:/admin/campaigns/" + id;
    }

    /** Adds units or projects to a campaign that is already running. */
    @PostMapping("/admin/campaigns/{id}/forms")
    String addForms(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                    @RequestParam(name = "unit", required = false) List<Long> units,
                    @RequestParam(required = false) String title, RedirectAttributes redirect) {
        if (units == null || units.isEmpty()) {
            throw new InvalidInputException("unit", "请至少选择一个单位");
        }
        if (title != null && title.codePointCount(0, title.length()) > 200) {
            throw new InvalidInputException("title", "项目名称不能超过 200 个字");
        }
        int opened = campaigns.open(user.actor(), id, units.stream()
                .map(u -> new FormAssignment(u, title == null || title.isBlank() ? null : title.strip())).toList());
        redirect.addFlashAttribute("notice", "已追加下发 " + opened + " 张评价表。");
        return "redirect:/admin/campaigns/" + id;
    }

    @PostMapping("/admin/campaigns/{id}/close")
    String close(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, RedirectAttributes redirect) {
        campaigns.close(user.actor(), id);
        redirect.addFlashAttribute("notice", "评价任务已结束，不再接受提交。");
        return "redirect:/admin/campaigns/" + id;
    }

    private org.perfeval.organisation.UnitEditing unitEditing;

    @org.springframework.beans.factory.annotation.Autowired
    void setUnitEditing(org.perfeval.organisation.UnitEditing unitEditing) {
        this.unitEditing = unitEditing;
    }

    /** Units a campaign can be opened for: not the finance department, not disabled ones. */
    private List<OrgUnit> fillingUnits() {
        List<OrgUnit> units = organisation.units();
        java.util.Set<Long> disabled = new java.util.HashSet<>(unitEditing.disabledAmong(units.stream().map(OrgUnit::id).toList()));
        return units.stream().filter(u -> u.kind() != UnitKind.FINANCE && !disabled.contains(u.id())).toList();
    }

    private static java.time.Instant endOfDay(String field, String label, String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip()).plusDays(1).atStartOfDay(CHINA).toInstant().minusSeconds(1);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, label + "格式应为 2025-03-31，收到“" + date + "”");
        }
    }
}
