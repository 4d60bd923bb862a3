package org.perfeval.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.NotFoundException;
import org.perfeval.shared.ReadOnly;
import org.perfeval.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login throttling per account name and per client address. Before a password is checked, the
 * attempt is reserved for both keys by a conditional UPDATE in the database (one row per key): at
 * most the limit of attempts per key is ever checked, however many arrive in parallel and on however
 * many app instances. A success gives its reservation back. Account names are throttled whether or
 * not the user exists, so a locked account and an unknown name look the same from outside. Behind a
 * reverse proxy, set server.forward-headers-strategy so that the address is the client's.
 */
@Service
public class LoginThrottle {
    static final String USER = "user:";
    static final String ADDRESS = "addr:";

    /** What a reservation found. */
    public enum Verdict { ALLOWED, ACCOUNT_LOCKED, ADDRESS_BLOCKED }

    private final LoginAttemptMapper mapper;
    private final AuditLog audit;
    private final Clock clock;
    private final Limit account;
    private final Limit address;

    record Limit(int max, Duration window, Duration block) {
    }

    public LoginThrottle(LoginAttemptMapper mapper, AuditLog audit, Clock clock,
                         @Value("${perfeval.login.account-max-failures:5}") int accountMax,
                         @Value("${perfeval.login.account-window:PT15M}") Duration accountWindow,
                         @Value("${perfeval.login.account-lock:PT15M}") Duration accountLock,
                         @Value("${perfeval.login.address-max-failures:20}") int addressMax,
                         @Value("${perfeval.login.address-window:PT15M}") Duration addressWindow,
                         @Value("${perfeval.login.address-block:PT15M}") Duration addressBlock) {
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
        this.account = new Limit(accountMax, accountWindow, accountLock);
        this.address = new Limit(addressMax, addressWindow, addressBlock);
    }

    /**
     * Reserves one attempt for the address and one for the name; refuses if either has used up its
     * limit (then nothing stays reserved for the other).
     */
    public Verdict reserve(String clientAddress, String username) {
        String addressKey = addressKey(clientAddress);
        if (!reserve(addressKey, address)) {
            return Verdict.ADDRESS_BLOCKED;
        }
        if (!reserve(userKey(username), account)) {
            mapper.giveBack(addressKey);
            return Verdict.ACCOUNT_LOCKED;
        }
        return Verdict.ALLOWED;
    }

    /** The password was right: both reservations are given back, the name's count starts again. */
    public void succeeded(String clientAddress, String username) {
        mapper.giveBack(addressKey(clientAddress));
        mapper.delete(userKey(username));
    }

    private boolean reserve(String key, Limit limit) {
        Instant now = clock.instant();
        if (mapper.find(key) == null) {
            try {
                mapper.insert(key, now);
            } catch (DuplicateKeyException raced) {
                // Another attempt created the row first: reserve in it like that one.
            }
        }
        mapper.restartExpired(key, now, now.minus(limit.window()));
        return mapper.reserve(key, limit.max(), now.plus(limit.block())) == 1;
    }

    @ReadOnly
    public List<LoginAttemptMapper.LoginAttempt> blocked() {
        return mapper.blocked(ADDRESS, clock.instant()).stream()
                .map(a -> new LoginAttemptMapper.LoginAttempt(a.throttleKey().substring(ADDRESS.length()), a.attempts(),
                        a.windowStartedAt(), a.blockedUntil()))
                .toList();
    }

    /** The (lower-case) names of locked accounts, for the user list. */
    @ReadOnly
    public Set<String> lockedNames() {
        return mapper.blocked(USER, clock.instant()).stream().map(a -> a.throttleKey().substring(USER.length()))
                .collect(Collectors.toSet());
    }

    public boolean isLocked(String username) {
        LoginAttemptMapper.LoginAttempt row = mapper.find(userKey(username));
        return row != null && row.blockedUntil() != null && row.blockedUntil().isAfter(clock.instant());
    }

    @Transactional
    public void unblock(Actor admin, String clientAddress) {
        if (!admin.is(Role.ADMIN)) {
            throw new ForbiddenException("只有绩效管理员可以解除地址限制");
        }
        if (clientAddress == null || mapper.delete(addressKey(clientAddress)) == 0) {
            throw new NotFoundException("该地址没有被限制登录");
        }
        audit.action(admin, AuditAction.ADMIN_CHANGE, "login_address", clientAddress.strip(), "解除登录地址限制");
    }

    /** Lifts an account's lock (administrators, through OrgAdminService). */
    void unlock(String username) {
        mapper.delete(userKey(username));
    }

    public Duration accountLockTime() {
        return account.block();
    }

    public int accountMaxFailures() {
        return account.max();
    }

    static String userKey(String username) {
        return USER + cut(username == null ? "" : username.strip().toLowerCase(Locale.ROOT), 64);
    }

    static String addressKey(String clientAddress) {
        return ADDRESS + cut(clientAddress == null ? "" : clientAddress.strip(), 64);
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
