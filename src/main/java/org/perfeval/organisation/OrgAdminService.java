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
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final SignedInSessions sessions;
    private final OrgTree tree;

    public OrgAdminService(OrgMapper mapper, PasswordEncoder passwordEncoder, org.perfeval.audit.AuditLog audit,
                           PasswordPolicy policy, LoginThrottle throttle, SignedInSessions sessions, OrgTree tree) {
        this.tree = tree;
        this.mapper = mapper;
        this.sessions = sessions;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.policy = policy;
        this.throttle = throttle;
    }

    @Transactional
    public OrgUnit createUnit(String code, String name, UnitKind kind, OrgUnit parent) {
        OrgMapper.UnitRow row = new OrgMapper.UnitRow(code, name, kind, parent == null ? null : parent.id());
        mapper.insertUnit(row);
        tree.recomputePaths(row.id);
        return mapper.findUnit(row.id);
    }

    @Transactional
    public AppUser createUser(String username, String displayName, OrgUnit unit, Role role, String rawPassword) {
        return createUser(username, displayName, unit, role, passwordHash(rawPassword));
    }

    /** For many accounts with one known password (demo data): hashing costs about 0.1 s each. */
    public AppUser createUser(String username, String displayName, OrgUnit unit, Role role, PasswordHash password) {
        OrgMapper.UserRow row = new OrgMapper.UserRow(username, password.value(), displayName, unit.id(), role);
        mapper.insertUser(row);
        return mapper.findUser(row.id);
    }

    public PasswordHash passwordHash(String rawPassword) {
        return new PasswordHash(passwordEncoder.encode(rawPassword));
    }

    /** A password already hashed, so that it cannot be taken for a raw one. */
    public record PasswordHash(String value) {
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
        if (name == null || name.isBlank()) {
            problems.add(new org.perfeval.shared.FieldProblem("name", "请填写单位名称"));
        } else {
            org.perfeval.shared.ColumnLimits.ORG_UNIT_NAME.check(problems, "name", "单位名称", name);
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
        OrgUnit unit = checkUserFields(problems, displayName, unitId, role);
        problems.addAll(policy.check("password", username, password));
        String address = checkEmail(problems, email);
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
        throttle.unlock(user.username());
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
        java.util.List<org.perfeval.shared.FieldProblem> problems = new java.util.ArrayList<>();
        String address = checkEmail(problems, email);
        if (!problems.isEmpty()) {
            throw new org.perfeval.shared.InvalidInputException(problems);
        }
        mapper.updateEmail(userId, address);
        audit.action(admin, org.perfeval.audit.AuditAction.ADMIN_CHANGE, "user", user.username(),
                address == null ? "清除电子邮箱" : "设置电子邮箱");
    }

    /** Name, unit, role and e-mail of an existing user; the user name stays. */
    @Transactional
    public AppUser editUser(Actor admin, Long userId, String displayName, Long unitId, Role role, String email) {
        requireAdmin(admin);
        AppUser user = existing(userId);
        java.util.List<org.perfeval.shared.FieldProblem> problems = new java.util.ArrayList<>();
        checkUserFields(problems, displayName, unitId, role);
        String address = checkEmail(problems, email);
        if (user.id().equals(admin.id()) && role != Role.ADMIN) {
            problems.add(new org.perfeval.shared.FieldProblem("role", "不能取消自己的绩效管理员角色"));
        }
        if (!problems.isEmpty()) {
            throw new org.perfeval.shared.InvalidInputException(problems);
        }
        mapper.updateUser(userId, displayName.strip(), unitId, role, address);
        audit.action(admin, org.perfeval.audit.AuditAction.ADMIN_CHANGE, "user", user.username(),
                "修改用户 " + displayName.strip() + "（" + role.label() + "）");
        return mapper.findUser(userId);
    }

    /** Disables (no login; signed out on every node at the next request) or re-enables a user. */
    @Transactional
    public void setEnabled(Actor admin, Long userId, boolean enabled) {
        requireAdmin(admin);
        AppUser user = existing(userId);
        if (!enabled && user.id().equals(admin.id())) {
            throw new org.perfeval.shared.InvalidInputException("enabled", "不能停用自己的账号");
        }
        mapper.updateEnabled(userId, enabled);
        if (!enabled) {
            sessions.endAfterCommit(user.username());
        }
        audit.action(admin, org.perfeval.audit.AuditAction.ADMIN_CHANGE, "user", user.username(),
                enabled ? "启用账号" : "停用账号");
    }

    /**
     * Gives the user a new generated password, shown once to the administrator; the user must
     * choose their own at the next login. Also lifts a lock.
     */
    @Transactional
    public String resetPassword(Actor admin, Long userId) {
        requireAdmin(admin);
        AppUser user = existing(userId);
        String password = PasswordPolicy.generate();
        mapper.updatePassword(userId, passwordEncoder.encode(password), true);
        throttle.unlock(user.username());
        sessions.endAfterCommit(user.username());
        audit.action(admin, org.perfeval.audit.AuditAction.ADMIN_CHANGE, "user", user.username(), "重置密码");
        return password;
    }

    /**
     * The first start outside the demo profile: no user exists, so an administrator with a generated
     * password is created (it must be changed at the first login). Returns the password, or null if
     * users exist.
     */
    @Transactional
    public String createFirstAdministrator() {
        if (mapper.countUsers() > 0) {
            return null;
        }
        OrgUnit finance = mapper.findUnitByCode("czj");
        if (finance == null) {
            finance = createUnit("czj", "财政部门", UnitKind.FINANCE, null);
        }
        String password = PasswordPolicy.generate();
        AppUser admin = createUser("admin", "系统管理员", finance, Role.ADMIN, password);
        mapper.updatePassword(admin.id(), admin.passwordHash(), true);
        audit.action(null, org.perfeval.audit.AuditAction.ADMIN_CHANGE, "user", "admin", "首次启动生成管理员账号");
        return password;
    }

    private AppUser existing(Long userId) {
        AppUser user = userId == null ? null : mapper.findUser(userId);
        if (user == null) {
            throw new org.perfeval.shared.NotFoundException("用户不存在");
        }
        return user;
    }

    /** Checks name, unit and role; returns the unit if it exists. */
    OrgUnit checkUserFields(java.util.List<org.perfeval.shared.FieldProblem> problems, String displayName, Long unitId,
                            Role role) {
        if (displayName == null || displayName.isBlank()) {
            problems.add(new org.perfeval.shared.FieldProblem("displayName", "请填写姓名"));
        } else {
            org.perfeval.shared.ColumnLimits.APP_USER_DISPLAY_NAME.check(problems, "displayName", "姓名", displayName);
        }
        OrgUnit unit = unitId == null ? null : mapper.findUnit(unitId);
        if (unit == null) {
            problems.add(new org.perfeval.shared.FieldProblem("unitId", "请选择所属单位"));
        } else if (role != null && !roleFits(role, unit.kind())) {
            problems.add(new org.perfeval.shared.FieldProblem("role", "角色「" + role.label() + "」与单位类型不符（"
                    + unit.name() + "）"));
        }
        if (role == null) {
            problems.add(new org.perfeval.shared.FieldProblem("role", "请选择角色"));
        }
        return unit;
    }

    private static String checkEmail(java.util.List<org.perfeval.shared.FieldProblem> problems, String email) {
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null && !validEmail(address)) {
            problems.add(new org.perfeval.shared.FieldProblem("email", "电子邮箱格式不正确：" + address));
        }
        return address;
    }

    /** Plain addresses only: no display names, no line breaks that could inject mail headers. */
    static boolean validEmail(String address) {
        return address.length() <= org.perfeval.shared.ColumnLimits.APP_USER_EMAIL.max() && address.matches("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    }

    static boolean roleFits(Role role, UnitKind kind) {
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

    /** The user with this id, or null. */
    @org.perfeval.shared.ReadOnly
    public AppUser user(Long id) {
        return mapper.findUser(id);
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
