package org.perfeval.organisation;

import org.perfeval.shared.Role;

/** Serializable: it is part of the logged-in user kept in the database-held HTTP session. */
public record AppUser(Long id, String username, String passwordHash, String displayName, Long unitId,
                      Role role, boolean enabled, String email, boolean mustChangePassword)
        implements java.io.Serializable {
}
