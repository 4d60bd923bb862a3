package org.perfeval.organisation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The names a form copies from the organisation when it is filed: the unit's own name and its path
 * of names from below the finance department (e.g. 某局/某中心), so that a later rename or move
 * does not change a filed form.
 */
@Component
public class UnitNames {
    static final String SEPARATOR = "/";
    /** evaluation_form.filed_unit_path holds this many characters; a deeper path keeps its lower end. */
    static final int MAX_PATH = 1000;

    private final OrgMapper mapper;

    public UnitNames(OrgMapper mapper) {
        this.mapper = mapper;
    }

    public String name(Long unitId) {
        OrgUnit unit = mapper.findUnit(unitId);
        return unit == null ? null : unit.name();
    }

    /** Names from the top of the tree down to the unit, the finance department left out. */
    public String path(Long unitId) {
        Deque<String> names = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        for (OrgUnit unit = mapper.findUnit(unitId); unit != null && seen.add(unit.id());
             unit = unit.parentId() == null ? null : mapper.findUnit(unit.parentId())) {
            if (unit.kind() != UnitKind.FINANCE) {
                names.addFirst(unit.name());
            }
        }
        String path = String.join(SEPARATOR, names);
        int length = path.codePointCount(0, path.length());
        return length <= MAX_PATH ? path
                : "…" + path.substring(path.offsetByCodePoints(0, length - MAX_PATH + 1));
    }
}
