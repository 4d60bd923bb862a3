package org.perfeval.organisation;

import org.perfeval.shared.Role;
import org.perfeval.shared.Actor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates units and users (administrators, demo data, tests). Passwords are stored as bcrypt only. */
@Service
public class OrgAdminService {
    private final OrgMapper mapper;
    private final PasswordEncoder passwordEncoder;
    private final org.perfeval.audit.AuditLog audit;

    public OrgAdminService(OrgMapper mapper, PasswordEncoder passwordEncoder, org.perfeval.audit.AuditLog audit) {
        this.mapper = mapper;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    @Transactional
    public OrgUnit createUnit(String code, String name, UnitKind kind, OrgUnit parent) {
        OrgMapper.UnitRow row = new OrgMapper.UnitRow(code, name, kind, parent == null ? null : parent.id());
        mapper.insertUnit(row);
        return mapper.findUnit(row.id);
    }

    @Transactional
    public AppUser createUser(String username, String displayName, OrgUnit unit, Role role, String rawPassword) {
        OrgMapper.UserRow row = new OrgMapper.UserRow(username, passwordEncoder.encode(rawPassword), displayName,
                unit.id(), role);
        mapper.insertUser(row);
        return mapper.findUser(row.id);
    }

    /** Administrator actions from the user management page; each is audited. */
    @Transactional
    public OrgUnit addUnit(Actor admin, String code, String name, UnitKind kind, Long parentId) {
        requireAdmin(admin);
        java.util.List<org.perfeval.shared.FieldProblem> problems = new java.util.ArrayList<>();
        if (code == null || !code.matches("[A-Za-z0-9_-]{1,64}")) {
            problems.add(new org.perfeval.shared.FieldProblem("code", "单位编码只能包含字母、数字、- 和 _，不超过 64 个字符"));
        } else if (mapper.findUnitByCode(code) != null) {
            problems.add(new org.perfeval.shared.FieldProblem("code", "单位编码「" + code + "」已存在"));
        }
        if (name == null || name.isBlank() || name.codePointCount(0, name.length()) > 200) {
            problems.add(new org.perfeval.shared.FieldProblem("name", "请填写单位名称（不超过 200 个字）"));
        }
        OrgUnit parent = parentId == null ? null : mapper.findUnit(parentId);
        if (kind == UnitKind.UNIT && (parent == null || parent.kind() != UnitKind.SUPERVISING)) {
            problems.add(new org.perfeval.shared.FieldProblem("parentId", "预算单位必须选择所属主管部门"));
        }
        if (!problems.isEmpty()) {
            throw new org.perfeval.shared.InvalidInputException(problems);
        }
        OrgUnit unit = createUnit(code, name.strip(), kind, kind == UnitKind.UNIT ? parent : null);
        audit.action(admin, org.perfeval.audit.AuditAction.ADMIN_CHANGE, "unit", unit.id(), "新增单位 " + unit.name());
        return unit;
    }

    @Transactional
    public AppUser addUser(Actor admin, String username, String displayName, Long unitId, Role role, String password) {
        return addUser(admin, username, displayName, unitId, role, password, null);
    }

    @Transactional
    public AppUser addUser(Actor admin, String username, String displayName, Long unitId, Role role, String password,
                           String email) {
        requireAdmin(admin);
        java.util.List<org.perfeval.shared.FieldProblem> problems = new java.util.ArrayList<>();
        if (username == null || !username.matches("[A-Za-z0-9_.-]{3,64}")) {
            problems.add(new org.perfeval.shared.FieldProblem("username", "用户名只能包含字母、数字、.、- 和 _，3 到 64 个字符"));
        } else if (mapper.findUserByUsername(username) != null) {
            problems.add(new org.perfeval.shared.FieldProblem("username", "用户名「" + username + "」已存在"));
        }
        if (displayName == null || displayName.isBlank() || displayName.codePointCount(0, displayName.length()) > 100) {
            problems.add(new org.perfeval.shared.FieldProblem("displayName", "请填写姓名（不超过 100 个字）"));
        }
        OrgUnit unit = unitId == null ? null : mapper.findUnit(unitId);
        if (unit == null) {
            problems.add(new org.perfeval.shared.FieldProblem("unitId", "请选择所属单位"));
        } else if (role != null && !roleFits(role, unit.kind())) {
            problems.add(new org.perfeval.shared.FieldProblem("role", "角色「" + role.label() + "」与单位类型不符"));
        }
        if (role == null) {
            problems.add(new org.perfeval.shared.FieldProblem("role", "请选择角色"));
        }
        if (password == null || password.length() < 10 || password.length() > 72) {
            problems.add(new org.perfeval.shared.FieldProblem("password", "初始密码长度应为 10 到 72 个字符"));
        }
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null && !validEmail(address)) {
            problems.add(new org.perfeval.shared.FieldProblem("email", "电子邮箱格式不正确：" + address));
        }
        if (!problems.isEmpty()) {
            throw new org.perfeval.shared.InvalidInputException(problems);
        }
        AppUser user = createUser(username, displayName.strip(), unit, role, password);
        if (address != null) {
            mapper.updateEmail(user.id(), address);
        }
        audit.action(admin, org.perfeval.audit.AuditAction.ADMIN_CHANGE, "user", username,
                "新增用户 " + displayName.strip() + "（" + role.label() + "）");
        return user;
    }

    @Transactional
    public void unlock(Actor admin, Long userId) {
        requireAdmin(admin);
        AppUser user = mapper.findUser(userId);
        if (user == null) {
            throw new org.perfeval.shared.NotFoundException("用户不存在");
        }
        mapper.updateLoginState(userId, 0, null);
        audit.action(admin, org.perfeval.audit.AuditAction.ADMIN_CHANGE, "user", user.username(), "解锁账号");
    }

    /** Sets or clears (blank) the address notifications are mailed to. */
    @Transactional
    public void changeEmail(Actor admin, Long userId, String email) {
        requireAdmin(admin);
        AppUser user = mapper.findUser(userId);
        if (user == null) {
            throw new org.perfeval.shared.NotFoundException("用户不存在");
        }
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null && !validEmail(address)) {
            throw new org.perfeval.shared.InvalidInputException("email", "电子邮箱格式不正确：" + address);
        }
        mapper.updateEmail(userId, address);
        audit.action(admin, org.perfeval.audit.AuditAction.ADMIN_CHANGE, "user", user.username(),
                address == null ? "清除电子邮箱" : "设置电子邮箱");
    }

    /** Plain addresses only: no display names, no line breaks that could inject mail headers. */
    static boolean validEmail(String address) {
        return address.length() <= 254 && address.matches("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    }

    private static boolean roleFits(Role role, UnitKind kind) {
        return switch (role) {
            case UNIT_STAFF -> kind != UnitKind.FINANCE;
            case SUPERVISOR_REVIEWER -> kind == UnitKind.SUPERVISING;
            case FINANCE_REVIEWER, ADMIN -> kind == UnitKind.FINANCE;
        };
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            throw new org.perfeval.shared.ForbiddenException("只有绩效管理员可以管理用户和单位");
        }
    }

    @org.perfeval.shared.ReadOnly
    public java.util.List<OrgUnit> units() {
        return mapper.listUnits();
    }

    @org.perfeval.shared.ReadOnly
    public java.util.List<AppUser> users() {
        return mapper.listUsers();
    }

    public Actor actorOf(AppUser user) {
        OrgUnit unit = mapper.findUnit(user.unitId());
        return new Actor(user.id(), user.username(), user.displayName(), unit.id(), unit.name(), user.role());
    }
}
