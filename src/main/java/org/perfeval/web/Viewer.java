package org.perfeval.web;

import java.util.Arrays;

import org.perfeval.organisation.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the signed-in user may see in menus and lists, for templates ({@code ${@viewer.is('ADMIN')}}).
 * It replaces the security dialect's {@code sec:authorize}, which evaluated a web security
 * expression for every element (a sixth of the inbox page's rendering time).
 */
@Component("viewer")
public class Viewer {

    public boolean signedIn() {
        return user() != null;
    }

    /** True when the signed-in user has this role (Role's name, e.g. ADMIN). */
    public boolean is(String role) {
        CurrentUser user = user();
        return user != null && user.getRole().name().equals(role);
    }

    public boolean isAny(String... roles) {
        CurrentUser user = user();
        return user != null && Arrays.asList(roles).contains(user.getRole().name());
    }

    private static CurrentUser user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser user ? user : null;
    }
}
