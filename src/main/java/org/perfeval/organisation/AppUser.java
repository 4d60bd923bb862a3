package org.perfeval.organisation;

import org.perfeval.shared.Role;

public record AppUser(Long id, String username, String passwordHash, String displayName, Long unitId,
                      Role role, boolean enabled, String email, boolean mustChangePassword) {
}
