package org.perfeval.organisation;

import org.perfeval.shared.Role;
import java.time.Instant;

public record AppUser(Long id, String username, String passwordHash, String displayName, Long unitId,
                      Role role, boolean enabled, int failedLogins, Instant lockedUntil,
                      String email) {
}
