package org.perfeval.followup;

import org.perfeval.organisation.AccessPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.shared.Actor;
import org.perfeval.review.OpinionCatalog;
import org.perfeval.review.ReviewOpinion;
import org.perfeval.review.ReviewService;
import org.perfeval.review.OpinionBlock;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.shared.NotFoundException;
import org.perfeval.shared.ReadOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 整改跟踪: approving opinions that ask for action become items of the unit at publication; the unit
 * reports what it did, the reviewer who raised the item (supervising department or finance) accepts
 * or sends it back; unaccepted items come back on next year's form.
 */
@Service
public class FollowUpService implements org.perfeval.evidence.FollowUpAccess {
    private final AccessPolicy accessPolicy;
    private final org.perfeval.evidence.EvidenceService evidence;
    private final FollowUpMapper mapper;
    private final FormMapper forms;
    private final ReviewService reviews;
    private final OpinionCatalog catalog;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration dueAfter;

    public FollowUpService(FollowUpMapper mapper, FormMapper forms, ReviewService reviews, OpinionCatalog catalog,
                           AuditLog audit, Clock clock,
                           @Value("${perfeval.follow-up.due-after:P180D}") Duration dueAfter, AccessPolicy accessPolicy,
                           org.perfeval.evidence.EvidenceService evidence) {
        this.accessPolicy = accessPolicy;
        this.evidence = evidence;
        this.mapper = mapper;
        this.forms = forms;
        this.reviews = reviews;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
        this.dueAfter = dueAfter;
    }

    /** Called at publication; returns how many items were created (0 on a re-publication). */
    @Transactional
    public int createFromOpinions(Long formId) {
        return createFromOpinions(forms.findHeader(formId), reviews.opinionsOf(formId));
    }

    /** The same, with the form and its opinions already read (publication has both at hand). */
    @Transactional
    public int createFromOpinions(FormHeader form, List<ReviewOpinion> opinions) {
        Long formId = form.getId();
        Set<String> actions = Set.copyOf(catalog.actionOptions(form.getFormType()));
        Instant now = clock.instant();
        int created = 0;
        for (ReviewOpinion opinion : opinions) {
            if (opinion.decision().isReturn()) {
                continue;
            }
            for (ReviewOpinion.CheckedOption option : opinion.options()) {
                if (actions.contains(option.optionLabel())) {
                    created += mapper.insertOnce(formId, form.getUnitId(), form.getFiscalYear(), opinion.stage().name(),
                            option.optionLabel(), option.detail(), now.plus(dueAfter), now);
                }
            }
        }
        return created;
    }

    /** Unit staff see their unit's items, supervising reviewers their department's, finance and admins all. */
    @ReadOnly
    public List<FollowUp> visibleTo(Actor actor) {
        AccessPolicy.Scope scope = accessPolicy.scope(actor);
        return mapper.search(scope.unitId(), scope.supervisingUnitId(), null);
    }

    @ReadOnly
    public List<FollowUp> carriedOver(Long unitId, Integer year) {
        return mapper.carriedOver(unitId, year);
    }

    @Transactional
    public void report(Actor actor, Long id, FollowUpStatus status, String note) {
        reportableBy(actor, id);
        if (status != FollowUpStatus.IN_PROGRESS && status != FollowUpStatus.DONE) {
            throw new InvalidInputException("status", "整改状态只能填“整改中”或“已完成”");
        }
        if (note == null || note.isBlank() || note.codePointCount(0, note.length()) > 2000) {
            throw new InvalidInputException("note", "请填写整改情况说明（不超过 2000 个字）");
        }
        mapper.report(id, status, note.strip(), clock.instant());
        audit.action(actor, AuditAction.ADMIN_CHANGE, "follow_up", id, status.label());
    }

    /** The reviewer who raised it accepts the work, or sends it back as not accepted. */
    @Transactional
    public void review(Actor actor, Long id, boolean accept) {
        FollowUp item = visibleItem(actor, id);
        OpinionBlock raisedBy = OpinionBlock.valueOf(item.stage());
        boolean mayReview = (raisedBy == OpinionBlock.SUPERVISOR && actor.is(org.perfeval.shared.Role.SUPERVISOR_REVIEWER))
                || (raisedBy == OpinionBlock.FINANCE && actor.is(org.perfeval.shared.Role.FINANCE_REVIEWER));
        if (!mayReview) {
            throw new ForbiddenException("只有提出该意见的" + raisedBy.label().replace("审核意见", "") + "可以验收");
        }
        if (item.status() != FollowUpStatus.DONE) {
            throw new ConflictException("单位尚未报告整改完成，不能验收");
        }
        mapper.review(id, accept ? FollowUpStatus.DONE : FollowUpStatus.NOT_ACCEPTED, accept, clock.instant());
        audit.action(actor, AuditAction.ADMIN_CHANGE, "follow_up", id, accept ? "验收通过" : "验收不通过");
    }

    @ReadOnly
    public List<FollowUpMapper.OpinionCount> opinionSummary(Long campaignId) {
        return mapper.opinionSummary(campaignId);
    }

    /** The item if the actor is its unit's staff and the reviewer has not accepted it yet. */
    @ReadOnly
    public FollowUp reportableBy(Actor actor, Long id) {
        FollowUp item = visibleItem(actor, id);
        if (!actor.is(org.perfeval.shared.Role.UNIT_STAFF)) {
            throw new ForbiddenException("只有本单位填报人可以填报整改情况");
        }
        if (item.accepted()) {
            throw new ConflictException("该整改事项已验收，不能再修改");
        }
        return item;
    }

    @Override
    @ReadOnly
    public void requireVisible(Actor actor, Long followUpId) {
        visibleItem(actor, followUpId);
    }

    @Override
    @ReadOnly
    public void requireReportable(Actor actor, Long followUpId) {
        reportableBy(actor, followUpId);
    }

    /** Attaches a file to the item for the unit that reports on it. */
    @Transactional
    public org.perfeval.evidence.Evidence uploadEvidence(Actor actor, Long followUpId, String originalName, long size,
                                                         java.io.InputStream content) throws java.io.IOException {
        FollowUp item = reportableBy(actor, followUpId);
        return evidence.uploadForFollowUp(actor, item.formId(), item.id(), originalName, size, content);
    }

    /** The item if the actor may see it; otherwise not found. */
    @ReadOnly
    public FollowUp visibleItem(Actor actor, Long id) {
        FollowUp item = mapper.find(id);
        boolean visible = item != null && accessPolicy.canView(actor, item.unitId(), item.supervisingUnitId());
        if (!visible) {
            throw new NotFoundException("整改事项不存在或您无权查看");
        }
        return item;
    }
}
