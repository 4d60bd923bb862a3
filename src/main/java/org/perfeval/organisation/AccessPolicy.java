package org.perfeval.organisation;

import org.perfeval.shared.Actor;
import java.util.List;

import org.perfeval.shared.Role;

import org.springframework.stereotype.Component;

/**
 * Who may see which form (domain.md, roles table). Services call this before every read or action;
 * a form one may not see is answered as not found.
 */
@Component
public class AccessPolicy {
    private final OrgTree tree;
    private final ReadGrantMapper grants;

    public AccessPolicy(OrgTree tree, ReadGrantMapper grants) {
        this.tree = tree;
        this.grants = grants;
    }

    /**
     * Within the actor's organisational scope: the forms one may act on (in one's role) as well as read.
     * Unit staff see their own unit's forms; a reviewer sees the forms of every unit under their own
     * at any depth (its own 本级 forms included); finance reviewers and administrators see all.
     * {@code formSupervisingUnitId} is no longer needed (the tree answers) and kept for the callers.
     */
    public boolean canView(Actor actor, Long formUnitId, Long formSupervisingUnitId) {
        return switch (actor.role()) {
            case UNIT_STAFF -> actor.unitId().equals(formUnitId);
            case SUPERVISOR_REVIEWER -> tree.isUnder(formUnitId, actor.unitId());
            case FINANCE_REVIEWER, ADMIN -> true;
        };
    }

    /**
     * May read this form: within scope, or outside it by a grant for this one form (asked for an
     * opinion on it, copied on it). A grant never admits a change: writes check {@link #canView}.
     */
    public boolean canRead(Actor actor, Long formId, Long formUnitId, Long formSupervisingUnitId) {
        return canView(actor, formUnitId, formSupervisingUnitId) || grants.grants(formId, actor.id()) > 0;
    }

    /**
     * The forms an actor may see, as the filter list queries take (campaigns, follow-ups, overdue,
     * inbox): one unit's ({@code unitId}), those of every unit in one reviewer's subtree
     * ({@code supervisingUnitId}: list queries match {@code OrgTree.SUBTREE_UNIT_IDS} against it), or
     * all (both ids null).
     */
    public record Scope(Long unitId, Long supervisingUnitId) {

        public boolean all() {
            return unitId == null && supervisingUnitId == null;
        }
    }

    public Scope scope(Actor actor) {
        return switch (actor.role()) {
            case UNIT_STAFF -> new Scope(actor.unitId(), null);
            case SUPERVISOR_REVIEWER -> new Scope(null, actor.unitId());
            case FINANCE_REVIEWER, ADMIN -> new Scope(null, null);
        };
    }

    /** The units whose forms this actor may see (to narrow lists by unit), parents before children. */
    public List<OrgUnit> visibleUnits(Actor actor, java.util.function.Supplier<List<OrgUnit>> allUnits) {
        return switch (actor.role()) {
            case UNIT_STAFF -> allUnits.get().stream().filter(u -> u.id().equals(actor.unitId())).toList();
            // Only the subtree is read: a department's reviewer does not pay for the whole province's units.
            case SUPERVISOR_REVIEWER -> tree.subtreeOf(actor.unitId());
            case FINANCE_REVIEWER, ADMIN -> allUnits.get();
        };
    }

    /** The unit's own staff: they fill, submit and withdraw its forms. */
    public boolean actsForUnit(Actor actor, Long formUnitId) {
        return actor.is(Role.UNIT_STAFF) && actor.unitId().equals(formUnitId);
    }

    /** 绩效管理员: campaigns, users and units, publication. */
    public boolean administers(Actor actor) {
        return actor.is(Role.ADMIN);
    }

    /** Who sees the overdue report: administrators and reviewers, each within their scope. */
    public boolean seesOverdue(Actor actor) {
        return !actor.is(Role.UNIT_STAFF);
    }

    /** The engine's candidate groups this actor works from (see bpmn/self-evaluation.bpmn). */
    public List<String> candidateGroups(Actor actor) {
        return switch (actor.role()) {
            case UNIT_STAFF -> List.of(unitGroup(actor.unitId()));
            case SUPERVISOR_REVIEWER -> List.of(departmentGroup(actor.unitId()));
            case FINANCE_REVIEWER -> List.of(FINANCE_GROUP);
            case ADMIN -> List.of();
        };
    }

    public static final String FINANCE_GROUP = "finance";
    private static final String UNIT_GROUP_PREFIX = "unit-";
    private static final String DEPARTMENT_GROUP_PREFIX = "dept-";

    public static String unitGroup(Long unitId) {
        return UNIT_GROUP_PREFIX + unitId;
    }

    public static String departmentGroup(Long unitId) {
        return DEPARTMENT_GROUP_PREFIX + unitId;
    }

    /** Who works from a candidate group, as a query selects them: their role, and the unit for a unit's or a department's group. */
    public record GroupMembers(Role role, Long unitId) {
    }

    /** {@link #candidateGroups} the other way round; null for a group nobody works from. */
    public static GroupMembers membersOf(String group) {
        if (FINANCE_GROUP.equals(group)) {
            return new GroupMembers(Role.FINANCE_REVIEWER, null);
        }
        Long unitId = unitIdAfter(group, UNIT_GROUP_PREFIX);
        if (unitId != null) {
            return new GroupMembers(Role.UNIT_STAFF, unitId);
        }
        unitId = unitIdAfter(group, DEPARTMENT_GROUP_PREFIX);
        return unitId == null ? null : new GroupMembers(Role.SUPERVISOR_REVIEWER, unitId);
    }

    private static Long unitIdAfter(String group, String prefix) {
        if (group == null || !group.startsWith(prefix)) {
            return null;
        }
        try {
            return Long.valueOf(group.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
