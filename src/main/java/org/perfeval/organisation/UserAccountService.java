package org.perfeval.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads users for login and keeps the failed-login count that locks an account. */
@Service
public class UserAccountService implements UserDetailsService {
    static final int MAX_FAILURES = 5;
    static final Duration LOCK_TIME = Duration.ofMinutes(15);

    private final OrgMapper orgMapper;
    private final Clock clock;

    public UserAccountService(OrgMapper orgMapper, Clock clock) {
        this.orgMapper = orgMapper;
        this.clock = clock;
    }

    @Override
    public CurrentUser loadUserByUsername(String username) {
        AppUser user = orgMapper.findUserByUsername(username);
        if (user == null) {
            throw new UsernameNotFoundException(username);
        }
        boolean locked = user.lockedUntil() != null && user.lockedUntil().isAfter(clock.instant());
        return new CurrentUser(user, orgMapper.findUnit(user.unitId()), locked);
    }

    @Transactional
    public void loginFailed(String username) {
        AppUser user = orgMapper.findUserByUsername(username);
        if (user == null) {
            return;
        }
        int failures = user.failedLogins() + 1;
        Instant lockedUntil = failures >= MAX_FAILURES ? clock.instant().plus(LOCK_TIME) : user.lockedUntil();
        orgMapper.updateLoginState(user.id(), failures >= MAX_FAILURES ? 0 : failures, lockedUntil);
    }

    @Transactional
    public void loginSucceeded(String username) {
        AppUser user = orgMapper.findUserByUsername(username);
        if (user != null && (user.failedLogins() > 0 || user.lockedUntil() != null)) {
            orgMapper.updateLoginState(user.id(), 0, null);
        }
    }
}
