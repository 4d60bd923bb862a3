package org.perfeval.organisation;

import java.util.List;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.NotFoundException;
import org.perfeval.shared.ReadOnly;
import org.perfeval.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people a task can go to: the reviewers of a candidate group (the same rule as
 * {@link AccessPolicy#candidateGroups}), lead reviewers, and everyone a form can be copied to.
 */
@Service
public class ReviewerDirectory {
    private final ReviewerMapper mapper;
    private final OrgMapper org;
    private final AccessPolicy accessPolicy;
    private final AuditLog audit;

    ReviewerDirectory(ReviewerMapper mapper, OrgMapper org, AccessPolicy accessPolicy, AuditLog audit) {
        this.mapper = mapper;
        this.org = org;
        this.accessPolicy = accessPolicy;
        this.audit = audit;
    }

    /** The enabled reviewers who work from this candidate group, in a stable order. */
    @ReadOnly
    public List<AppUser> membersOf(String group) {
        return mapper.enabledReviewers().stream().filter(u -> worksFrom(u, group)).toList();
    }

    /** True when this user is an enabled reviewer of the group. */
    @ReadOnly
    public boolean isMember(Long userId, String group) {
        AppUser user = org.findUser(userId);
        return user != null && user.enabled() && worksFrom(user, group);
    }

    private boolean worksFrom(AppUser user, String group) {
        return (user.role() == Role.SUPERVISOR_REVIEWER || user.role() == Role.FINANCE_REVIEWER)
                && accessPolicy.candidateGroups(asActor(user)).contains(group);
    }

    /** Every enabled reviewer: the people a reviewer can ask for an opinion (征求意见). */
    @ReadOnly
    public List<AppUser> reviewers() {
        return mapper.enabledReviewers();
    }

    /** Every enabled user: the people a form can be copied to (抄送). */
    @ReadOnly
    public List<AppUser> users() {
        return mapper.enabledUsers();
    }

    /** 牵头审核人 of the group: may reassign its open tasks. */
    @ReadOnly
    public boolean isLeadOf(Actor actor, String group) {
        return Boolean.TRUE.equals(mapper.isLead(actor.id())) && accessPolicy.candidateGroups(actor).contains(group);
    }

    @ReadOnly
    public boolean isLead(Long userId) {
        return Boolean.TRUE.equals(mapper.isLead(userId));
    }

    /** An administrator makes a reviewer a lead reviewer, or no longer one. */
    @Transactional
    public void setLead(Actor admin, Long userId, boolean lead) {
        if (!accessPolicy.administers(admin)) {
            throw new ForbiddenException("只有管理员可以设置牵头审核人");
        }
        AppUser user = org.findUser(userId);
        if (user == null) {
            throw new NotFoundException("用户不存在");
        }
        if (lead && user.role() != Role.SUPERVISOR_REVIEWER && user.role() != Role.FINANCE_REVIEWER) {
            throw new org.perfeval.shared.InvalidInputException("lead", "只有审核人可以设为牵头审核人");
        }
        mapper.updateLead(userId, lead);
        audit.action(admin, AuditAction.LEAD_REVIEWER, "user", userId,
                user.username() + (lead ? " 设为牵头审核人" : " 取消牵头审核人"));
    }

    private static Actor asActor(AppUser user) {
        return new Actor(user.id(), user.username(), user.displayName(), user.unitId(), null, user.role());
    }
}
