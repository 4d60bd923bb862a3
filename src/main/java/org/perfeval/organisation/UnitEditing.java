package org.perfeval.organisation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ColumnLimits;
import org.perfeval.shared.FieldProblem;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.shared.NotFoundException;
import org.perfeval.shared.ReadOnly;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree as administrators edit it (/admin/units): add a unit anywhere in the tree,
 * move it (re-parent, never below itself), rename it, disable or enable it. Each change is audited
 * and kept in unit_history; paths are recomputed by {@link OrgTree}. Filed forms keep the names they
 * were filed with (evaluation_form.filed_*), so a rename changes only forms not yet submitted.
 */
@Service
public class UnitEditing {
    static final String CREATED = "CREATED";
    static final String PARENT = "PARENT";
    static final String NAME = "NAME";
    static final String ENABLED = "ENABLED";
    static final String CODE_PATTERN = "[A-Za-z0-9_-]{1,64}";

    private final OrgMapper orgMapper;
    private final UnitHistoryMapper mapper;
    private final OrgTree tree;
    private final AuditLog audit;
    private final Clock clock;

    UnitEditing(OrgMapper orgMapper, UnitHistoryMapper mapper, OrgTree tree, AuditLog audit, Clock clock) {
        this.orgMapper = orgMapper;
        this.mapper = mapper;
        this.tree = tree;
        this.audit = audit;
        this.clock = clock;
    }

    /** A unit as the tree page lists it: its depth, its place (财政部门 … 基层单位) and whether it is enabled. */
    public record TreeRow(OrgUnit unit, int depth, String position, boolean enabled) {
    }

    @ReadOnly
    public List<TreeRow> tree() {
        Set<Long> disabled = new HashSet<>(mapper.disabled());
        Set<Long> parents = new HashSet<>();
        List<OrgMapper.PlacedUnit> placed = new ArrayList<>(orgMapper.listPlacedUnits());
        placed.forEach(u -> parents.add(u.parentId()));
        placed.sort(Comparator.comparing(u -> u.path() == null ? "" : u.path()));
        List<TreeRow> rows = new ArrayList<>();
        for (OrgMapper.PlacedUnit p : placed) {
            OrgUnit unit = new OrgUnit(p.id(), p.code(), p.name(), p.kind(), p.parentId());
            int depth = p.path() == null ? 0 : OrgTree.idsOf(p.path()).size() - 1;
            String position = switch (unit.kind()) {
                case FINANCE -> "财政部门";
                case SUPERVISING -> "主管部门";
                case UNIT -> parents.contains(unit.id()) ? "二级单位" : "基层单位";
            };
            rows.add(new TreeRow(unit, depth, position, !disabled.contains(unit.id())));
        }
        return rows;
    }

    @ReadOnly
    public List<UnitChange> recentChanges(int limit) {
        return mapper.recent(limit);
    }

    @ReadOnly
    public List<UnitChange> changesOf(Long unitId) {
        return mapper.ofUnit(unitId);
    }

    /** False for a disabled unit: it gets no new forms and its users cannot log in. */
    @ReadOnly
    public boolean isEnabled(Long unitId) {
        return !Boolean.FALSE.equals(mapper.enabled(unitId));
    }

    /** The disabled ones among these units. */
    @ReadOnly
    public List<Long> disabledAmong(java.util.Collection<Long> unitIds) {
        return unitIds.isEmpty() ? List.of() : mapper.disabledAmong(unitIds);
    }

    @Transactional
    public OrgUnit add(Actor admin, String code, String name, UnitKind kind, Long parentId) {
        requireAdmin(admin);
        List<FieldProblem> problems = new ArrayList<>();
        String c = code == null ? null : code.strip();
        if (c == null || !c.matches(CODE_PATTERN)) {
            problems.add(new FieldProblem("code", "单位编码只能包含字母、数字、- 和 _，不超过 64 个字符"));
        } else if (orgMapper.findUnitByCode(c) != null) {
            problems.add(new FieldProblem("code", "单位编码「" + c + "」已存在"));
        }
        checkName(problems, name);
        if (kind == null) {
            problems.add(new FieldProblem("kind", "请选择单位类型"));
        } else {
            placement(problems, kind, parentId == null ? null : orgMapper.findUnit(parentId), parentId);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        OrgMapper.UnitRow row = new OrgMapper.UnitRow(c, name.strip(), kind, parentId);
        orgMapper.insertUnit(row);
        tree.recomputePaths(row.id);
        OrgUnit unit = orgMapper.findUnit(row.id);
        record(admin, unit.id(), CREATED, null, unit.code() + " " + unit.name() + "（" + kindLabel(kind) + "）");
        audit.action(admin, AuditAction.UNIT_CHANGE, "unit", unit.id(), "新增单位 " + unit.name());
        return unit;
    }

    /** Moves the unit (and everything below it) under another parent; never below itself. */
    @Transactional
    public void move(Actor admin, Long unitId, Long parentId) {
        requireAdmin(admin);
        OrgUnit unit = locked(unitId);
        List<FieldProblem> problems = new ArrayList<>();
        OrgUnit parent = parentId == null ? null : orgMapper.findUnit(parentId);
        if (parentId != null && parent != null && tree.isUnder(parentId, unitId)) {
            problems.add(new FieldProblem("parentId", parentId.equals(unitId) ? "不能把单位设为自己的上级"
                    : "不能把单位移到其下级单位「" + parent.name() + "」之下"));
        } else {
            placement(problems, unit.kind(), parent, parentId);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (java.util.Objects.equals(unit.parentId(), parentId)) {
            return;
        }
        OrgUnit before = unit.parentId() == null ? null : orgMapper.findUnit(unit.parentId());
        mapper.updateParent(unitId, parentId);
        tree.recomputePaths(unitId);
        String from = before == null ? "（无）" : before.name();
        String to = parent == null ? "（无）" : parent.name();
        record(admin, unitId, PARENT, from, to);
        audit.action(admin, AuditAction.UNIT_CHANGE, "unit", unitId, "调整上级 " + unit.name() + "：" + from + " → " + to);
    }

    @Transactional
    public void rename(Actor admin, Long unitId, String name) {
        requireAdmin(admin);
        OrgUnit unit = locked(unitId);
        List<FieldProblem> problems = new ArrayList<>();
        checkName(problems, name);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String newName = name.strip();
        if (newName.equals(unit.name())) {
            return;
        }
        mapper.updateName(unitId, newName);
        record(admin, unitId, NAME, unit.name(), newName);
        audit.action(admin, AuditAction.UNIT_CHANGE, "unit", unitId, "更名 " + unit.name() + " → " + newName);
    }

    /** A disabled unit gets no new forms in new campaigns and its users cannot log in; its forms stay. */
    @Transactional
    public void setEnabled(Actor admin, Long unitId, boolean enabled) {
        requireAdmin(admin);
        OrgUnit unit = locked(unitId);
        if (!enabled && unitId.equals(admin.unitId())) {
            throw new InvalidInputException("enabled", "不能停用本人所在的单位");
        }
        boolean now = isEnabled(unitId);
        if (now == enabled) {
            return;
        }
        mapper.updateEnabled(unitId, enabled);
        record(admin, unitId, ENABLED, now ? "启用" : "停用", enabled ? "启用" : "停用");
        audit.action(admin, AuditAction.UNIT_CHANGE, "unit", unitId, (enabled ? "启用单位 " : "停用单位 ") + unit.name());
    }

    /**
     * The parent named by its code, as the tree page asks for it (a list of every unit per row would
     * not do for a large tree): null for blank, refused when no unit has the code.
     */
    @ReadOnly
    public Long parentIdByCode(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        OrgUnit parent = orgMapper.findUnitByCode(code.strip());
        if (parent == null) {
            throw new InvalidInputException("parentId", "上级单位编码「" + ColumnLimits.ORG_UNIT_CODE.cut(code.strip()) + "」不存在");
        }
        return parent.id();
    }

    /** Where a unit of this kind may sit: 财政部门 at the top, 主管部门 under it, units under any unit. */
    static void placement(List<FieldProblem> problems, UnitKind kind, OrgUnit parent, Long parentId) {
        if (parentId != null && parent == null) {
            problems.add(new FieldProblem("parentId", "上级单位不存在"));
            return;
        }
        switch (kind) {
            case FINANCE -> {
                if (parent != null) {
                    problems.add(new FieldProblem("parentId", "财政部门是最上级，不能有上级单位"));
                }
            }
            case SUPERVISING -> {
                if (parent != null && parent.kind() != UnitKind.FINANCE) {
                    problems.add(new FieldProblem("parentId", "主管部门的上级只能是财政部门"));
                }
            }
            case UNIT -> {
                if (parent == null) {
                    problems.add(new FieldProblem("parentId", "预算单位必须选择上级单位"));
                }
            }
        }
    }

    static String kindLabel(UnitKind kind) {
        return switch (kind) {
            case FINANCE -> "财政部门";
            case SUPERVISING -> "主管部门";
            case UNIT -> "预算单位";
        };
    }

    private static void checkName(List<FieldProblem> problems, String name) {
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "请填写单位名称"));
        } else {
            ColumnLimits.ORG_UNIT_NAME.check(problems, "name", "单位名称", name.strip());
        }
    }

    void record(Actor admin, Long unitId, String field, String oldValue, String newValue) {
        mapper.insert(unitId, field, oldValue, newValue, admin.id(), ColumnLimits.AUDIT_ACTOR_NAME.cut(admin.displayName()),
                clock.instant());
    }

    private OrgUnit locked(Long unitId) {
        if (unitId == null || mapper.lock(unitId) == null) {
            throw new NotFoundException("单位不存在");
        }
        return orgMapper.findUnit(unitId);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.is(org.perfeval.shared.Role.ADMIN)) {
            throw new ForbiddenException("只有绩效管理员可以管理用户和单位");
        }
    }
}
