package org.perfeval.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.perfeval.shared.FieldProblem;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * What a password must be: at least 10 characters (at most 72, bcrypt's limit), not the user name,
 * and outside the demo profile not one of the published demo passwords, which also cannot log in
 * there.
 */
@Component
public class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 72;
    /** The passwords printed in the README and by the demo profile. */
    public static final String DEMO_PASSWORD = "perfeval2024";
    private static final Set<String> DEMO_PASSWORDS = Set.of(DEMO_PASSWORD);

    private final boolean demo;

    public PasswordPolicy(Environment environment) {
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    }

    /** Whether this is a production run: the demo profile is not active. */
    public boolean production() {
        return !demo;
    }

    /** Demo passwords are refused at login outside the demo profile. */
    public boolean refusedAtLogin(Object rawPassword) {
        return production() && rawPassword instanceof String s && DEMO_PASSWORDS.contains(s);
    }

    public List<FieldProblem> check(String field, String username, String password) {
        List<FieldProblem> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add(new FieldProblem(field, "密码至少 " + MIN_LENGTH + " 个字符"));
            return problems;
        }
        if (password.length() > MAX_LENGTH) {
            problems.add(new FieldProblem(field, "密码不能超过 " + MAX_LENGTH + " 个字符"));
        }
        if (password.codePoints().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            problems.add(new FieldProblem(field, "密码不能包含控制字符"));
        }
        if (username != null && password.strip().toLowerCase(Locale.ROOT).equals(username.strip().toLowerCase(Locale.ROOT))) {
            problems.add(new FieldProblem(field, "密码不能与用户名相同"));
        }
        if (production() && DEMO_PASSWORDS.contains(password)) {
            problems.add(new FieldProblem(field, "不能使用演示环境的公开密码"));
        }
        return problems;
    }

    /** A password for the generated first administrator: 20 characters from an unambiguous alphabet. */
    static String generate() {
        char[] alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return out.toString();
    }
}
