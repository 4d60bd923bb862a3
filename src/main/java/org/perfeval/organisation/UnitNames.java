package org.perfeval.organisation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
    private final OrgTree tree;

    public UnitNames(OrgMapper mapper, OrgTree tree) {
        this.mapper = mapper;
        this.tree = tree;
    }

    public String name(Long unitId) {
        OrgUnit unit = mapper.findUnit(unitId);
        return unit == null ? null : unit.name();
    }

    /** The units' codes by id, for matching a sheet that prints 单位编码 (units without a code left out). */
    public java.util.Map<Long, String> codes(java.util.Collection<Long> unitIds) {
        java.util.Map<Long, String> codes = new java.util.HashMap<>();
        if (!unitIds.isEmpty()) {
            mapper.findUnits(unitIds).stream().filter(u -> u.code() != null).forEach(u -> codes.put(u.id(), u.code()));
        }
        return codes;
    }

    /** Names from the top of the tree down to the unit, the finance department left out. */
    public String path(Long unitId) {
        OrgUnit unit = mapper.findUnit(unitId);
        if (unit == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        names.add(unit.name());
        tree.ancestorsOf(unitId).stream().filter(u -> u.kind() != UnitKind.FINANCE).map(OrgUnit::name)
                .forEach(names::add);
        Collections.reverse(names);
        String path = String.join(SEPARATOR, names);
        int length = path.codePointCount(0, path.length());
        return length <= MAX_PATH ? path
                : "…" + path.substring(path.offsetByCodePoints(0, length - MAX_PATH + 1));
    }
}
