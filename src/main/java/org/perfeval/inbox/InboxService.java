package org.perfeval.inbox;

import java.util.List;

import org.perfeval.organisation.AccessPolicy;
import org.perfeval.shared.Actor;
import org.perfeval.organisation.OrgUnit;
import org.perfeval.organisation.UnitKind;
import org.perfeval.shared.ReadOnly;
import org.springframework.stereotype.Service;

/** 待办: the open tasks of the groups the actor works from, newest first. */
@Service
public class InboxService {
    public static final int PAGE_SIZE = 20;

    private final InboxMapper mapper;
    private final AccessPolicy accessPolicy;

    public InboxService(InboxMapper mapper, AccessPolicy accessPolicy) {
        this.mapper = mapper;
        this.accessPolicy = accessPolicy;
    }

    @ReadOnly
    public List<InboxItem> inbox(Actor actor, int page) {
        return inbox(actor, InboxFilter.none(), page);
    }

    @ReadOnly
    public List<InboxItem> inbox(Actor actor, InboxFilter filter, int page) {
        List<String> groups = accessPolicy.candidateGroups(actor);
        if (groups.isEmpty()) {
            return List.of();
        }
        return mapper.findForGroups(groups, filter, PAGE_SIZE, Math.max(0, Math.min(page, 10_000)) * PAGE_SIZE);
    }

    @ReadOnly
    public List<DoneItem> done(Actor actor) {
        return mapper.findDone(actor.id());
    }

    /**
     * The units the actor's open tasks come from, to narrow the inbox by unit, and the one already
     * chosen. Not every unit the actor may see: a finance bureau's inbox page would list the whole
     * province's units on every view, most of them with nothing to review.
     */
    @ReadOnly
    public List<OrgUnit> unitsToFilterBy(Actor actor, Long selected) {
        List<String> groups = accessPolicy.candidateGroups(actor);
        if (groups.isEmpty()) {
            return List.of();
        }
        // The chosen unit comes from the address: named only if the actor may see it.
        return mapper.unitsWithTasks(groups, selected).stream()
                .filter(u -> u.kind() != UnitKind.FINANCE)
                .filter(u -> !u.id().equals(selected) || accessPolicy.canView(actor, u.id(), null))
                .toList();
    }
}
