package org.perfeval.organisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.util.CellReference;
import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ColumnLimits;
import org.perfeval.shared.FieldProblem;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Units from an Excel sheet (单位编码, 单位名称, 上级单位编码, 单位类型), a whole tree at once: a row's
 * parent is a unit that exists or one on an earlier row. Read and checked first, each problem named
 * by its cell (e.g. C4); imported only when no row has any. Same size limits as the user import (ImportSheet).
 */
@Service
public class UnitImport {
    static final List<String> HEADINGS = List.of("单位编码", "单位名称", "上级单位编码", "单位类型");

    private final OrgMapper mapper;
    private final OrgTree tree;
    private final UnitEditing editing;
    private final AuditLog audit;

    UnitImport(OrgMapper mapper, OrgTree tree, UnitEditing editing, AuditLog audit) {
        this.mapper = mapper;
        this.tree = tree;
        this.editing = editing;
        this.audit = audit;
    }

    /** One sheet row as typed, with what is wrong with it (each message starts with its cell). */
    public record Row(int number, String code, String name, String parentCode, String kind, List<String> problems)
            implements java.io.Serializable {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Reads and checks the sheet; nothing is saved. */
    public List<Row> preview(Actor actor, byte[] bytes) {
        requireAdmin(actor);
        return check(read(bytes));
    }

    /** Creates the units in sheet order (parents first) if every row is right; returns how many. */
    @Transactional
    public int importRows(Actor actor, List<Row> typed) {
        requireAdmin(actor);
        List<Row> rows = check(typed);
        List<FieldProblem> problems = new ArrayList<>();
        rows.forEach(r -> r.problems().forEach(p -> problems.add(new FieldProblem("file", p))));
        if (rows.isEmpty()) {
            problems.add(new FieldProblem("file", "表格中没有单位"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        for (Row r : rows) {
            OrgUnit parent = r.parentCode() == null ? null : mapper.findUnitByCode(r.parentCode());
            UnitKind kind = kind(r.kind());
            OrgMapper.UnitRow row = new OrgMapper.UnitRow(r.code(), r.name(), kind, parent == null ? null : parent.id());
            mapper.insertUnit(row);
            tree.recomputePaths(row.id);
            editing.record(actor, row.id, UnitEditing.CREATED, null,
                    r.code() + " " + r.name() + "（" + UnitEditing.kindLabel(kind) + "，Excel 导入）");
        }
        audit.action(actor, AuditAction.UNIT_CHANGE, "unit", rows.size(), "从 Excel 导入 " + rows.size() + " 个单位");
        return rows.size();
    }

    List<Row> read(byte[] bytes) {
        return ImportSheet.read(bytes, HEADINGS, "单位").stream().map(l -> new Row(l.number(), l.cell(0), l.cell(1),
                l.cell(2), l.cell(3), List.of())).toList();
    }

    /** Each row against the tree as it is plus the rows above it in the sheet. */
    private List<Row> check(List<Row> rows) {
        Map<String, UnitKind> earlier = new HashMap<>();
        List<Row> checked = new ArrayList<>();
        for (Row r : rows) {
            List<String> problems = new ArrayList<>();
            String a = cell(0, r.number());
            String b = cell(1, r.number());
            String c = cell(2, r.number());
            String d = cell(3, r.number());
            String code = r.code();
            boolean codeOk = code != null && code.matches(UnitEditing.CODE_PATTERN);
            if (!codeOk) {
                problems.add(a + "：单位编码只能包含字母、数字、- 和 _，不超过 64 个字符");
            } else if (mapper.findUnitByCode(code) != null) {
                problems.add(a + "：单位编码「" + code + "」已存在");
            } else if (earlier.containsKey(code)) {
                problems.add(a + "：单位编码「" + code + "」在表格中重复");
            }
            if (r.name() == null) {
                problems.add(b + "：请填写单位名称");
            } else {
                List<FieldProblem> name = new ArrayList<>();
                ColumnLimits.ORG_UNIT_NAME.check(name, "name", "单位名称", r.name());
                name.forEach(p -> problems.add(b + "：" + p.message()));
            }
            UnitKind kind = kind(r.kind());
            if (kind == null) {
                problems.add(d + "：单位类型应为：财政部门、主管部门、预算单位（或二级单位、基层单位）");
            }
            OrgUnit parent = null;
            UnitKind parentKind = null;
            if (r.parentCode() != null) {
                parent = mapper.findUnitByCode(r.parentCode());
                parentKind = parent != null ? parent.kind() : earlier.get(r.parentCode());
                if (parentKind == null) {
                    problems.add(c + "：上级单位编码「" + ColumnLimits.ORG_UNIT_CODE.cut(r.parentCode())
                            + "」不存在（须为已有单位，或表格中前面行的单位）");
                }
            }
            if (kind != null && (r.parentCode() == null || parentKind != null)) {
                List<FieldProblem> placement = new ArrayList<>();
                OrgUnit parentShape = parentKind == null ? null
                        : new OrgUnit(parent == null ? -1L : parent.id(), r.parentCode(), "", parentKind, null);
                UnitEditing.placement(placement, kind, parentShape, parentShape == null ? null : parentShape.id());
                placement.forEach(p -> problems.add((r.parentCode() == null ? c : d) + "：" + p.message()));
            }
            if (codeOk && kind != null && !earlier.containsKey(code)) {
                earlier.put(code, kind);
            }
            checked.add(new Row(r.number(), code, r.name(), r.parentCode(), r.kind(), problems));
        }
        return checked;
    }

    /** A cell's address as Excel shows it (C4). */
    private static String cell(int column, int rowNumber) {
        return CellReference.convertNumToColString(column) + rowNumber;
    }

    static UnitKind kind(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip()) {
            case "财政部门", "财政", "FINANCE", "finance" -> UnitKind.FINANCE;
            case "主管部门", "SUPERVISING", "supervising" -> UnitKind.SUPERVISING;
            case "预算单位", "单位", "二级单位", "基层单位", "UNIT", "unit" -> UnitKind.UNIT;
            default -> null;
        };
    }


    private static void requireAdmin(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            throw new ForbiddenException("只有绩效管理员可以管理用户和单位");
        }
    }
}
