package org.perfeval.organisation;

import org.perfeval.shared.Role;
import org.perfeval.shared.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.shared.NotFoundException;
import org.perfeval.shared.ReadOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login throttling per client address, beside the per-account lock: more than a set number of
 * failures from one address within a window blocks logins from it for a while. Kept in the
 * database so every app instance sees the same count. Behind a reverse proxy, set
 * server.forward-headers-strategy so that the address is the client's, not the proxy's.
 */
@Service
public class LoginThrottle {
    private final LoginAddressMapper mapper;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration block;

    public LoginThrottle(LoginAddressMapper mapper, AuditLog audit, Clock clock,
                         @Value("${perfeval.login.address-max-failures:20}") int maxFailures,
                         @Value("${perfeval.login.address-window:PT15M}") Duration window,
                         @Value("${perfeval.login.address-block:PT15M}") Duration block) {
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.block = block;
    }

    @ReadOnly
    public boolean isBlocked(String address) {
        LoginAddressMapper.LoginAddress row = mapper.find(key(address));
        return row != null && row.blockedUntil() != null && row.blockedUntil().isAfter(clock.instant());
    }

    /** Counts a failed login from this address; returns true if that blocks the address. */
    @Transactional
    public boolean failed(String address) {
        String key = key(address);
        Instant now = clock.instant();
        LoginAddressMapper.LoginAddress row = mapper.find(key);
        if (row == null) {
            try {
                mapper.insertFirst(key, now);
                return maxFailures <= 1;
            } catch (DuplicateKeyException raced) {
                row = mapper.find(key);
            }
        }
        boolean windowOver = row.windowStartedAt().plus(window).isBefore(now);
        int failures = windowOver ? 1 : row.failures() + 1;
        Instant started = windowOver ? now : row.windowStartedAt();
        Instant blockedUntil = failures >= maxFailures ? now.plus(block) : row.blockedUntil();
        mapper.update(new LoginAddressMapper.LoginAddress(key, failures >= maxFailures ? 0 : failures,
                failures >= maxFailures ? now : started, blockedUntil));
        return failures >= maxFailures;
    }

    @ReadOnly
    public List<LoginAddressMapper.LoginAddress> blocked() {
        return mapper.blocked(clock.instant());
    }

    @Transactional
    public void unblock(Actor admin, String address) {
        if (!admin.is(Role.ADMIN)) {
            throw new org.perfeval.shared.ForbiddenException("只有绩效管理员可以解除地址限制");
        }
        if (address == null || mapper.delete(key(address)) == 0) {
            throw new NotFoundException("该地址没有被限制登录");
        }
        audit.action(admin, AuditAction.ADMIN_CHANGE, "login_address", key(address), "解除登录地址限制");
    }

    public Duration blockTime() {
        return block;
    }

    private static String key(String address) {
        String a = address == null ? "" : address.strip();
        return a.length() > 64 ? a.substring(0, 64) : a;
    }
}
