package org.perfeval.inbox;

import java.util.List;

import org.perfeval.organisation.AccessPolicy;
import org.perfeval.shared.Actor;
import org.perfeval.organisation.OrgMapper;
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
    private final OrgMapper org;

    public InboxService(InboxMapper mapper, AccessPolicy accessPolicy, OrgMapper org) {
        this.org = org;
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

    /** The filling units whose forms can reach this actor's inbox, to narrow it by unit. */
    @ReadOnly
    public List<OrgUnit> unitsToFilterBy(Actor actor) {
        return accessPolicy.visibleUnits(actor, org::listUnits).stream()
                .filter(u -> u.kind() != UnitKind.FINANCE)
                .toList();
    }
}
