package org.perfeval.organisation;

import org.perfeval.shared.Role;
import java.time.Instant;

/** Serializable: it is part of the logged-in user kept in the database-held HTTP session. */
public record AppUser(Long id, String username, String passwordHash, String displayName, Long unitId,
                      Role role, boolean enabled, int failedLogins, Instant lockedUntil,
                      String email) implements java.io.Serializable {
}
