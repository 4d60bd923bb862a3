package org.perfeval.organisation;

import org.perfeval.shared.Actor;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Who may see which form (domain.md, roles table). Services call this before every read or action;
 * a form one may not see is answered as not found.
 */
@Component
public class AccessPolicy {

    public boolean canView(Actor actor, Long formUnitId, Long formSupervisingUnitId) {
        return switch (actor.role()) {
            case UNIT_STAFF -> actor.unitId().equals(formUnitId);
            case SUPERVISOR_REVIEWER -> actor.unitId().equals(formSupervisingUnitId);
            case FINANCE_REVIEWER, ADMIN -> true;
        };
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
