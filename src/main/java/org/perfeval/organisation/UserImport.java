package org.perfeval.organisation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ColumnLimits;
import org.perfeval.shared.FieldProblem;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.shared.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users from an Excel sheet (用户名, 姓名, 单位编码, 角色, 电子邮箱): read and checked first, every
 * row's problems shown; imported only when no row has any, each user with a generated password
 * they must change at the first login.
 */
@Service
public class UserImport {
    /** Small: a user list of a few hundred rows is a few dozen KB (limits shared with the unit import). */
    public static final int MAX_BYTES = ImportSheet.MAX_BYTES;
    public static final int MAX_ROWS = ImportSheet.MAX_ROWS;
    static final List<String> HEADINGS = List.of("用户名", "姓名", "单位编码", "角色", "电子邮箱");

    private final OrgMapper mapper;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    public UserImport(OrgMapper mapper, PasswordEncoder encoder, AuditLog audit) {
        this.mapper = mapper;
        this.encoder = encoder;
        this.audit = audit;
    }

    /** One sheet row as typed, with what is wrong with it. */
    public record Row(int number, String username, String displayName, String unitCode, String role, String email,
                      List<String> problems) implements java.io.Serializable {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** An imported user and the password to hand over (shown once). */
    public record Created(String username, String displayName, String password) {
    }

    /** Reads and checks the sheet; nothing is saved. */
    public List<Row> preview(Actor actor, byte[] bytes) {
        requireAdmin(actor);
        return check(read(bytes));
    }

    /** Imports the rows if every one is right; otherwise refuses with the first problems. */
    @Transactional
    public List<Created> importRows(Actor actor, List<Row> typed) {
        requireAdmin(actor);
        List<Row> rows = check(typed);
        List<FieldProblem> problems = new ArrayList<>();
        for (Row r : rows) {
            r.problems().forEach(p -> problems.add(new FieldProblem("file", "第 " + r.number() + " 行：" + p)));
        }
        if (rows.isEmpty()) {
            problems.add(new FieldProblem("file", "表格中没有用户"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Created> created = new ArrayList<>();
        for (Row r : rows) {
            String password = PasswordPolicy.generate();
            OrgUnit unit = mapper.findUnitByCode(r.unitCode());
            OrgMapper.UserRow row = new OrgMapper.UserRow(r.username(), encoder.encode(password), r.displayName(),
                    unit.id(), role(r.role()));
            mapper.insertUser(row);
            mapper.updatePassword(row.id, row.passwordHash, true);
            if (r.email() != null) {
                mapper.updateEmail(row.id, r.email());
            }
            created.add(new Created(r.username(), r.displayName(), password));
        }
        audit.action(actor, AuditAction.ADMIN_CHANGE, "user", created.size(), "从 Excel 导入 " + created.size() + " 个用户");
        return created;
    }

    List<Row> read(byte[] bytes) {
        return ImportSheet.read(bytes, HEADINGS, "用户").stream().map(l -> new Row(l.number(), l.cell(0), l.cell(1),
                l.cell(2), l.cell(3), l.cell(4), List.of())).toList();
    }

    private List<Row> check(List<Row> rows) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        Set<String> duplicates = new HashSet<>();
        for (Row r : rows) {
            String key = r.username() == null ? "" : r.username().toLowerCase(Locale.ROOT);
            if (seen.putIfAbsent(key, r.number()) != null) {
                duplicates.add(key);
            }
        }
        List<Row> checked = new ArrayList<>();
        for (Row r : rows) {
            List<String> problems = new ArrayList<>();
            String username = r.username();
            if (username == null || !username.matches("[A-Za-z0-9_.-]{3,64}")) {
                problems.add("用户名只能包含字母、数字、.、- 和 _，3 到 64 个字符");
            } else if (mapper.findUserByUsername(username) != null) {
                problems.add("用户名「" + username + "」已存在");
            } else if (duplicates.contains(username.toLowerCase(Locale.ROOT))) {
                problems.add("用户名「" + username + "」在表格中重复");
            }
            OrgUnit unit = r.unitCode() == null ? null : mapper.findUnitByCode(r.unitCode());
            Role role = role(r.role());
            List<FieldProblem> fieldProblems = new ArrayList<>();
            if (r.displayName() == null) {
                fieldProblems.add(new FieldProblem("displayName", "请填写姓名"));
            } else {
                ColumnLimits.APP_USER_DISPLAY_NAME.check(fieldProblems, "displayName", "姓名", r.displayName());
            }
            if (unit == null) {
                fieldProblems.add(new FieldProblem("unitCode", r.unitCode() == null ? "请填写单位编码"
                        : "单位编码「" + ColumnLimits.ORG_UNIT_CODE.cut(r.unitCode()) + "」不存在"));
            } else if (role != null && !OrgAdminService.roleFits(role, unit.kind())) {
                fieldProblems.add(new FieldProblem("role", "角色「" + role.label() + "」与单位类型不符（" + unit.name() + "）"));
            }
            if (role == null) {
                fieldProblems.add(new FieldProblem("role", "角色应为：" + String.join("、",
                        java.util.Arrays.stream(Role.values()).map(Role::label).toList())));
            }
            if (r.email() != null && !OrgAdminService.validEmail(r.email())) {
                fieldProblems.add(new FieldProblem("email", "电子邮箱格式不正确"));
            }
            fieldProblems.forEach(p -> problems.add(p.message()));
            checked.add(new Row(r.number(), username, r.displayName(), r.unitCode(), r.role(), r.email(), problems));
        }
        return checked;
    }

    /** A role by its Chinese label (填报人) or its code (UNIT_STAFF). */
    static Role role(String text) {
        if (text == null) {
            return null;
        }
        for (Role role : Role.values()) {
            if (role.label().equals(text) || role.name().equalsIgnoreCase(text)) {
                return role;
            }
        }
        return null;
    }



    private static void requireAdmin(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            throw new ForbiddenException("只有绩效管理员可以管理用户和单位");
        }
    }
}
