package org.perfeval.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree at any depth: 财政部门 at the top, 主管部门 below, then units, which may have
 * units of their own (a unit with children is a 二级单位, one without a 基层单位). Each unit keeps its
 * materialised path, the ids from its root down to itself ("/3/17/42/"), so "everything under X" is
 * one prefix match in SQL ({@link #SUBTREE_UNIT_IDS}) and ancestors need no recursion. This class is
 * the only one that writes paths: call {@link #recomputePaths} after a unit is created or moved.
 */
@Component
public class OrgTree {
    /**
     * For list queries: the ids of a unit's subtree (the unit and every unit below it, at any depth);
     * append the unit id parameter, e.g. {@code "f.unit_id IN (" + SUBTREE_UNIT_IDS + "#{departmentId})"}.
     */
    public static final String SUBTREE_UNIT_IDS = "SELECT sub_u.id FROM org_unit sub_u JOIN org_unit anc_u"
            + " ON sub_u.path LIKE CONCAT(anc_u.path, '%') WHERE anc_u.id = ";

    private final OrgMapper mapper;

    public OrgTree(OrgMapper mapper) {
        this.mapper = mapper;
    }

    /** The unit's ancestors, nearest first (its parent, then the parent's parent, up to the root). */
    public List<OrgUnit> ancestorsOf(Long unitId) {
        List<Long> ids = idsOf(requirePath(unitId));
        List<Long> above = ids.subList(0, ids.size() - 1);
        if (above.isEmpty()) {
            return List.of();
        }
        Map<Long, OrgUnit> byId = new HashMap<>();
        mapper.findUnits(above).forEach(u -> byId.put(u.id(), u));
        List<OrgUnit> nearestFirst = new ArrayList<>();
        for (int i = above.size() - 1; i >= 0; i--) {
            nearestFirst.add(byId.get(above.get(i)));
        }
        return nearestFirst;
    }

    /** The unit itself and every unit below it, parents before their children. */
    public List<OrgUnit> subtreeOf(Long unitId) {
        return mapper.findUnitsUnderPath(requirePath(unitId));
    }

    /** True when the unit is {@code ancestorId} itself or lies anywhere below it. */
    public boolean isUnder(Long unitId, Long ancestorId) {
        if (unitId == null || ancestorId == null) {
            return false;
        }
        String path = pathOrWalk(unitId);
        return path != null && path.contains("/" + ancestorId + "/");
    }

    public boolean hasChildren(Long unitId) {
        return mapper.countChildren(unitId) > 0;
    }

    /** The unit's place in the tree as users name it: 财政部门, 主管部门, 二级单位 or 基层单位. */
    public String positionLabel(OrgUnit unit) {
        return switch (unit.kind()) {
            case FINANCE -> "财政部门";
            case SUPERVISING -> "主管部门";
            case UNIT -> hasChildren(unit.id()) ? "二级单位" : "基层单位";
        };
    }

    /**
     * The 主管部门 a unit's forms are filed under: the nearest 主管部门 at or above it; a unit with none
     * above it (e.g. directly under 财政) keeps its parent, as {@link OrgUnit#supervisingUnitId} says.
     */
    public Long departmentOf(OrgUnit unit) {
        if (unit.kind() != UnitKind.UNIT) {
            return unit.id();
        }
        return ancestorsOf(unit.id()).stream().filter(u -> u.kind() == UnitKind.SUPERVISING).map(OrgUnit::id)
                .findFirst().orElse(unit.supervisingUnitId());
    }

    /** {@link #departmentOf} for many units with one read of the tree (opening a campaign). */
    public Map<Long, Long> departmentsOf(Collection<OrgUnit> units) {
        Map<Long, OrgMapper.PlacedUnit> all = new HashMap<>();
        mapper.listPlacedUnits().forEach(u -> all.put(u.id(), u));
        Map<Long, Long> departments = new HashMap<>();
        for (OrgUnit unit : units) {
            Long department = unit.kind() != UnitKind.UNIT ? unit.id() : unit.supervisingUnitId();
            OrgMapper.PlacedUnit placed = all.get(unit.id());
            if (unit.kind() == UnitKind.UNIT && placed != null && placed.path() != null) {
                List<Long> ids = idsOf(placed.path());
                for (int i = ids.size() - 2; i >= 0; i--) {
                    OrgMapper.PlacedUnit above = all.get(ids.get(i));
                    if (above != null && above.kind() == UnitKind.SUPERVISING) {
                        department = above.id();
                        break;
                    }
                }
            }
            departments.put(unit.id(), department);
        }
        return departments;
    }

    /**
     * Sets the path of a unit that was just created or moved (its parent_id already changed) and of
     * everything below it. Refuses a move under the unit's own subtree, which would make a loop.
     */
    @Transactional
    public void recomputePaths(Long unitId) {
        OrgUnit unit = mapper.findUnit(unitId);
        if (unit == null) {
            throw new IllegalArgumentException("no unit " + unitId);
        }
        String parentPath = unit.parentId() == null ? "/" : requirePath(unit.parentId());
        if (parentPath.contains("/" + unitId + "/")) {
            throw new IllegalArgumentException("unit " + unitId + " cannot move below itself");
        }
        String newPath = parentPath + unitId + "/";
        String oldPath = mapper.pathOf(unitId);
        if (oldPath == null) {
            mapper.updatePath(unitId, newPath);
        } else if (!oldPath.equals(newPath)) {
            mapper.replacePathPrefix(oldPath, newPath, oldPath.length());
        }
    }

    private String requirePath(Long unitId) {
        String path = pathOrWalk(unitId);
        if (path == null) {
            throw new IllegalStateException("unit " + unitId + " does not exist");
        }
        return path;
    }

    /**
     * The stored path; for a unit written without one (by code that bypassed {@link #recomputePaths}),
     * the path built by walking up its parents, so that routing and access never depend on it.
     */
    private String pathOrWalk(Long unitId) {
        String stored = org.perfeval.shared.ReadMemo.read(() -> mapper.pathOf(unitId), "unitPath", unitId);
        if (stored != null) {
            return stored;
        }
        StringBuilder path = new StringBuilder("/");
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (OrgUnit unit = mapper.findUnit(unitId); unit != null && seen.add(unit.id());
                unit = unit.parentId() == null ? null : mapper.findUnit(unit.parentId())) {
            path.insert(0, "/" + unit.id());
        }
        return seen.isEmpty() ? null : path.toString();
    }

    /** The ids of a path, root first. */
    static List<Long> idsOf(String path) {
        List<Long> ids = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.valueOf(part));
            }
        }
        return ids;
    }
}
