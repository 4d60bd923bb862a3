package org.perfeval.organisation;

import org.perfeval.shared.Role;
import org.perfeval.shared.Actor;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user as Spring Security holds it. Locks live in LoginThrottle, not here. */
public class CurrentUser implements UserDetails {
    private final AppUser user;
    private final OrgUnit unit;

    public CurrentUser(AppUser user, OrgUnit unit) {
        this.user = user;
        this.unit = unit;
    }

    public Actor actor() {
        return new Actor(user.id(), user.username(), user.displayName(), unit.id(), unit.name(), user.role());
    }

    public Long getId() { return user.id(); }
    public String getDisplayName() { return user.displayName(); }
    public String getUnitName() { return unit.name(); }
    public Role getRole() { return user.role(); }
    public String getRoleLabel() { return user.role().label(); }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
    }

    @Override public String getPassword() { return user.passwordHash(); }
    @Override public String getUsername() { return user.username(); }
    public boolean mustChangePassword() { return user.mustChangePassword(); }
    @Override public boolean isEnabled() { return user.enabled(); }
}
