package org.perfeval.search;

import java.util.List;

import org.perfeval.organisation.AccessPolicy;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ReadOnly;
import org.springframework.stereotype.Service;

/**
 * 我发起的 and the form search: every list takes its scope from {@link AccessPolicy}, so a list
 * never shows a form that the form page would answer as not found.
 */
@Service
public class FormSearch {
    /** An export is one sheet; beyond this the user narrows the filters. */
    static final int EXPORT_LIMIT = 5000;

    private final SearchMapper mapper;
    private final AccessPolicy accessPolicy;

    FormSearch(SearchMapper mapper, AccessPolicy accessPolicy) {
        this.mapper = mapper;
        this.accessPolicy = accessPolicy;
    }

    /** One page of results and how many there are in all. */
    public record Page(List<SearchRow> rows, long total, int page, int pages) {
    }

    @ReadOnly
    public Page search(Actor actor, SearchCriteria criteria) {
        AccessPolicy.Scope scope = accessPolicy.scope(actor);
        long total = mapper.count(criteria, scope.unitId(), scope.supervisingUnitId());
        int pages = (int) Math.max(1, (total + SearchCriteria.PAGE_SIZE - 1) / SearchCriteria.PAGE_SIZE);
        if (criteria.getPage() > pages) {
            criteria.setPage(pages);
        }
        List<SearchRow> rows = mapper.search(criteria, scope.unitId(), scope.supervisingUnitId(),
                SearchCriteria.PAGE_SIZE, criteria.getOffset());
        return new Page(rows, total, criteria.getPage(), pages);
    }

    /** Everything the filters find, up to {@link #EXPORT_LIMIT} rows. */
    @ReadOnly
    public List<SearchRow> export(Actor actor, SearchCriteria criteria) {
        AccessPolicy.Scope scope = accessPolicy.scope(actor);
        return mapper.search(criteria, scope.unitId(), scope.supervisingUnitId(), EXPORT_LIMIT, 0);
    }

    /** 我发起的: the forms of the actor's own unit, any status, within what the actor may see. */
    @ReadOnly
    public Page mine(Actor actor, SearchCriteria criteria) {
        criteria.setUnit(actor.unitId());
        return search(actor, criteria);
    }

    @ReadOnly
    public List<SearchMapper.UnitOption> units(Actor actor) {
        AccessPolicy.Scope scope = accessPolicy.scope(actor);
        return mapper.units(scope.unitId(), scope.supervisingUnitId());
    }
}
