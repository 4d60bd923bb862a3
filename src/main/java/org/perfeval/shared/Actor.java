package org.perfeval.shared;

/** Who is acting, as the services need it; built from the logged-in user. */
public record Actor(Long id, String username, String displayName, Long unitId, String unitName, Role role) {

    public boolean is(Role r) {
        return role == r;
    }
}
