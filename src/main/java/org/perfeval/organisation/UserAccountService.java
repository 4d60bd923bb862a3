package org.perfeval.organisation;

import java.util.List;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.shared.Actor;
import org.perfeval.shared.FieldProblem;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.shared.NotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads users for login; every user changes their own password here. */
@Service
public class UserAccountService implements UserDetailsService {
    private final OrgMapper orgMapper;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final AuditLog audit;

    public UserAccountService(OrgMapper orgMapper, PasswordEncoder passwordEncoder, PasswordPolicy policy,
                              AuditLog audit) {
        this.orgMapper = orgMapper;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.audit = audit;
    }

    @Override
    public CurrentUser loadUserByUsername(String username) {
        OrgMapper.Account account = username == null || username.length() > 64 ? null : orgMapper.findAccount(username);
        if (account == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        return new CurrentUser(account.user(), account.unit());
    }

    /** The user's own change: the current password, then the new one twice. */
    @Transactional
    public void changeOwnPassword(Actor actor, String current, String next, String repeated) {
        AppUser user = orgMapper.findUser(actor.id());
        if (user == null) {
            throw new NotFoundException("用户不存在");
        }
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (current == null || current.length() > PasswordPolicy.MAX_LENGTH
                || !passwordEncoder.matches(current, user.passwordHash())) {
            problems.add(new FieldProblem("current", "当前密码不正确"));
        }
        problems.addAll(policy.check("password", user.username(), next));
        if (next != null && current != null && next.equals(current)) {
            problems.add(new FieldProblem("password", "新密码不能与当前密码相同"));
        }
        if (next != null && !next.equals(repeated)) {
            problems.add(new FieldProblem("repeated", "两次输入的新密码不一致"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        orgMapper.updatePassword(user.id(), passwordEncoder.encode(next), false);
        audit.action(actor, AuditAction.ADMIN_CHANGE, "user", user.username(), "修改本人密码");
    }
}
