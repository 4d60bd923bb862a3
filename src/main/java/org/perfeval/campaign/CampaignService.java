package org.perfeval.campaign;

import org.perfeval.organisation.AccessPolicy;
import java.util.List;
import java.util.Map;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.approval.Approval;
import org.perfeval.shared.Actor;
import org.perfeval.shared.Role;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.shared.NotFoundException;
import org.perfeval.shared.ReadOnly;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 下发: creates campaigns and opens one form and one process per unit (or project). */
@Service
public class CampaignService {
    private final java.time.Clock clock;
    private final org.perfeval.form.FormMapper formMapper;
    private final AccessPolicy accessPolicy;
    private final CampaignMapper campaignMapper;
    private final CampaignOpening opening;
    private final Approval formProcess;
    private final AuditLog audit;
    private final org.perfeval.approval.Deadlines deadlines;

    public CampaignService(CampaignMapper campaignMapper, CampaignOpening opening, Approval formProcess,
                           AuditLog audit, org.perfeval.approval.Deadlines deadlines, AccessPolicy accessPolicy, org.perfeval.form.FormMapper formMapper, java.time.Clock clock) {
        this.clock = clock;
        this.formMapper = formMapper;
        this.accessPolicy = accessPolicy;
        this.campaignMapper = campaignMapper;
        this.opening = opening;
        this.formProcess = formProcess;
        this.audit = audit;
        this.deadlines = deadlines;
    }

    /** 下发: creates the campaign and opens its forms in one transaction, so a failed opening leaves no empty campaign. */
    @Transactional
    public Opened createAndOpen(Actor actor, NewCampaign campaign, List<FormAssignment> assignments) {
        Campaign created = create(actor, campaign);
        return new Opened(created, open(actor, created.id(), assignments));
    }

    /** A new campaign and how many forms its opening started. */
    public record Opened(Campaign campaign, int forms) {
    }

    @Transactional
    public Campaign create(Actor actor, NewCampaign campaign) {
        requireAdmin(actor);
        if (campaign.name == null || campaign.name.isBlank()) {
            throw new InvalidInputException("name", "请填写任务名称");
        }
        java.util.List<org.perfeval.shared.FieldProblem> problems = new java.util.ArrayList<>();
        if (!org.perfeval.shared.ColumnLimits.CAMPAIGN_NAME.check(problems, "name", "任务名称", campaign.name)) {
            throw new InvalidInputException(problems);
        }
        if (campaign.fiscalYear == null || campaign.fiscalYear < 2000 || campaign.fiscalYear > 2100) {
            throw new InvalidInputException("fiscalYear", "年度应为 2000 到 2100 之间的年份");
        }
        if (campaign.formType == null) {
            throw new InvalidInputException("formType", "请选择评价表类型");
        }
        if (campaign.template == null) {
            campaign.template = campaign.formType.name().toLowerCase() + "-default";
        }
        if (campaign.ruleSet == null) {
            campaign.ruleSet = "national-2020";
        }
        if (campaign.publicOpinions == null || !campaign.publicOpinions.matches("(SUPERVISOR|FINANCE)?(,(SUPERVISOR|FINANCE))?")) {
            throw new InvalidInputException("publicOpinions", "公开的审核意见只能选主管部门、财政部门或都不公开");
        }
        campaign.createdBy = actor.id();
        campaignMapper.insert(campaign);
        audit.action(actor, AuditAction.CAMPAIGN_CREATE, "campaign", campaign.id, campaign.name);
        return campaignMapper.find(campaign.id);
    }

    /**
     * Opens the forms. Safe to run again after a crash or a double click: a form that exists and
     * has its process is left alone (the campaign row lock serialises openings, the unique key on
     * campaign + unit + title backs it).
     */
    @Transactional
    public int open(Actor actor, Long campaignId, List<FormAssignment> assignments) {
        requireAdmin(actor);
        Campaign campaign = campaignMapper.lock(campaignId);
        if (campaign == null) {
            throw new NotFoundException("评价任务不存在");
        }
        if (campaign.status() == CampaignStatus.CLOSED) {
            throw new ConflictException("评价任务已结束，不能再下发");
        }
        java.util.List<org.perfeval.shared.FieldProblem> problems = new java.util.ArrayList<>();
        for (FormAssignment a : assignments) {
            org.perfeval.shared.ColumnLimits.EVALUATION_FORM_TITLE.check(problems, "title", "评价表名称", a.title());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int started = opening.open(actor, campaign, assignments);
        if (campaign.status() == CampaignStatus.DRAFT) {
            campaignMapper.updateStatus(campaignId, CampaignStatus.OPEN);
        }
        audit.action(actor, AuditAction.CAMPAIGN_OPEN, "campaign", campaignId, "下发 " + started + " 张");
        return started;
    }

    /**
     * New deadlines while the campaign runs: open tasks get the new due date (in the engine, the
     * inbox projection and their timers) at once. Returns how many tasks moved.
     */
    @Transactional
    public int changeDeadlines(Actor actor, Long campaignId, java.time.Instant fill, java.time.Instant supervisor,
                               java.time.Instant finance) {
        requireAdmin(actor);
        Campaign campaign = campaignMapper.lock(campaignId);
        if (campaign == null) {
            throw new NotFoundException("评价任务不存在");
        }
        if (campaign.status() == CampaignStatus.CLOSED) {
            throw new ConflictException("评价任务已结束，不能再修改截止时间");
        }
        campaignMapper.updateDeadlines(campaignId, fill, supervisor, finance);
        int moved = deadlines.campaignDeadlinesChanged(campaignId, fill, supervisor, finance);
        audit.action(actor, AuditAction.CAMPAIGN_DEADLINE, "campaign", campaignId, "修改截止时间，调整 " + moved + " 项待办");
        return moved;
    }

    /** 结束: a closed campaign accepts no submissions. */
    @Transactional
    public void close(Actor actor, Long campaignId) {
        requireAdmin(actor);
        if (campaignMapper.lock(campaignId) == null) {
            throw new NotFoundException("评价任务不存在");
        }
        campaignMapper.updateStatus(campaignId, CampaignStatus.CLOSED);
        audit.action(actor, AuditAction.ADMIN_CHANGE, "campaign", campaignId, "结束评价任务");
    }

    @ReadOnly
    public List<Campaign> all() {
        return campaignMapper.findAll();
    }

    /** Whether the campaign's 二级单位 review their 基层单位's forms first (approval.ReviewChain). */
    @ReadOnly
    public boolean secondaryReview(Long campaignId) {
        return campaignMapper.secondaryReviewOf(campaignId);
    }

    /** Campaigns in which the actor has forms to see, for filters; never others' campaign names. */
    @ReadOnly
    public List<Campaign> visibleTo(Actor actor) {
        AccessPolicy.Scope scope = accessPolicy.scope(actor);
        return scope.all() ? campaignMapper.findAll()
                : campaignMapper.findWithFormsOf(scope.unitId(), scope.supervisingUnitId());
    }

    /** The campaign's forms, in the order they were opened. */
    @ReadOnly
    public List<org.perfeval.form.FormHeader> forms(Long campaignId) {
        return formMapper.findByCampaign(campaignId);
    }

    /** How far the campaign's forms are, with overdue counts from their tasks' due dates. */
    @ReadOnly
    public CampaignProgress progress(Long campaignId, List<org.perfeval.form.FormHeader> forms) {
        Campaign campaign = get(campaignId);
        // Year over year: the score bands of every campaign of the same form type, by fiscal year.
        Map<Integer, Map<String, Long>> byYear = new java.util.TreeMap<>();
        for (Campaign other : all()) {
            if (other.formType() == campaign.formType() && other.fiscalYear() != null) {
                List<org.perfeval.form.FormHeader> theirs = other.id().equals(campaignId) ? forms : forms(other.id());
                Map<String, Long> bands = CampaignProgress.histogram(theirs);
                Map<String, Long> sum = byYear.computeIfAbsent(other.fiscalYear(), y -> new java.util.LinkedHashMap<>());
                bands.forEach((band, n) -> sum.merge(band, n, Long::sum));
            }
        }
        return CampaignProgress.of(forms, deadlines.dueDatesOfCampaign(campaignId), clock.instant()).withYears(byYear);
    }

    @ReadOnly
    public Campaign get(Long id) {
        Campaign campaign = campaignMapper.find(id);
        if (campaign == null) {
            throw new NotFoundException("评价任务不存在");
        }
        return campaign;
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            throw new ForbiddenException("只有绩效管理员可以管理评价任务");
        }
    }
}
