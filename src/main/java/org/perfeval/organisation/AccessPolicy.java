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
    private final ReadGrantMapper grants;

    AccessPolicy(ReadGrantMapper grants) {
        this.grants = grants;
    }

    /** Within the actor's organisational scope: the forms one may act on (in one's role) as well as read. */
    public boolean canView(Actor actor, Long formUnitId, Long formSupervisingUnitId) {
        return scope(actor).admits(formUnitId, formSupervisingUnitId);
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
     * inbox): one unit's, one supervising department's, or all (both ids null).
     */
    public record Scope(Long unitId, Long supervisingUnitId) {

        public boolean all() {
            return unitId == null && supervisingUnitId == null;
        }

        public boolean admits(Long formUnitId, Long formSupervisingUnitId) {
            return (unitId == null || unitId.equals(formUnitId))
                    && (supervisingUnitId == null || supervisingUnitId.equals(formSupervisingUnitId));
        }
    }

    public Scope scope(Actor actor) {
        return switch (actor.role()) {
            case UNIT_STAFF -> new Scope(actor.unitId(), null);
            case SUPERVISOR_REVIEWER -> new Scope(null, actor.unitId());
            case FINANCE_REVIEWER, ADMIN -> new Scope(null, null);
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

    public static String unitGroup(Long unitId) {
        return "unit-" + unitId;
    }

    public static String departmentGroup(Long unitId) {
        return "dept-" + unitId;
    }
}
