package org.perfeval.organisation;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.Like;
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
        // Only the group's rows are read: the form page asks on every view of a task under review.
        AccessPolicy.GroupMembers members = AccessPolicy.membersOf(group);
        return members == null || members.role() == Role.UNIT_STAFF ? List.of()
                : mapper.enabledReviewersIn(members.role(), members.unitId()).stream().filter(u -> worksFrom(u, group)).toList();
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

    /** The most answers a picker shows at once; typing more narrows them. */
    public static final int PICKS = 20;

    /** A picker's answers, and whether more matched than it shows. */
    public record Found(List<PickOption> items, boolean more) {
    }

    /**
     * Enabled users (only reviewers, for 征求意见) whose login name, name or unit name contains the
     * text, never {@code except}: a page of {@link #PICKS}, read with a LIMIT, whatever the size of the
     * organisation. Blank text answers the first page.
     */
    @ReadOnly
    public Found findPeople(String text, boolean reviewersOnly, Long except) {
        String typed = typed(text);
        return found(mapper.findPeople(Like.containing(typed), Like.startingWith(typed), typed, reviewersOnly,
                except, PICKS + 1));
    }

    /** Units with an enabled user (the ones a copy can go to) whose name or code contains the text. */
    @ReadOnly
    public Found findUnits(String text) {
        String typed = typed(text);
        return found(mapper.findUnits(Like.containing(typed), Like.startingWith(typed), typed, PICKS + 1));
    }

    /** The accounts with these login names, in any case and whatever their state. */
    @ReadOnly
    public List<AppUser> usersNamed(Collection<String> names) {
        return names.isEmpty() ? List.of() : mapper.usersNamed(lowerCase(names));
    }

    /** The units with these names or codes (any case), with the unit above each, in tree order. */
    @ReadOnly
    public List<PickOption> unitsNamed(Collection<String> namesOrCodes) {
        return namesOrCodes.isEmpty() ? List.of() : mapper.unitsNamed(lowerCase(namesOrCodes));
    }

    /** Those of these users who are enabled (and reviewers, for 征求意见): who may be copied or asked. */
    @ReadOnly
    public Set<Long> enabledAmong(Collection<Long> userIds, boolean reviewersOnly) {
        return userIds.isEmpty() ? Set.of() : new HashSet<>(mapper.enabledAmong(userIds, reviewersOnly));
    }

    /** The enabled users of these units: whom a copy to the units reaches. */
    @ReadOnly
    public List<AppUser> enabledUsersOf(Collection<Long> unitIds) {
        return unitIds.isEmpty() ? List.of() : mapper.enabledUsersOf(unitIds);
    }

    /** Longer than any name or code a column holds: cut, so a pasted page costs nothing. */
    private static final int MAX_TYPED = 100;

    private static String typed(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return t.codePointCount(0, t.length()) > MAX_TYPED ? t.substring(0, t.offsetByCodePoints(0, MAX_TYPED)) : t;
    }

    private static List<String> lowerCase(Collection<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    private static Found found(List<PickOption> read) {
        return read.size() > PICKS ? new Found(read.subList(0, PICKS), true) : new Found(read, false);
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
