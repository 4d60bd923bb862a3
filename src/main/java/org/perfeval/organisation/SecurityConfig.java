package org.perfeval.organisation;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

@Configuration(proxyBeanMethods = false)
public class SecurityConfig {
    /** Session flag: the user logged in with a password an administrator set and must choose their own. */
    static final String MUST_CHANGE_PASSWORD = "perfeval.mustChangePassword";
    public static final String PASSWORD_PAGE = "/account/password";
    /** Session attribute: the user name of the last refused login, shown again in the login form. */
    public static final String ATTEMPTED_NAME = "perfeval.attemptedName";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * Every account check after the password: a disabled account, or a demo password outside the
     * demo profile, is told only to someone who knows the password. Before it, an unknown name and
     * a known one take the same path (Spring hashes a dummy password for unknown names).
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(UserAccountService accounts, PasswordEncoder encoder,
                                                     PasswordPolicy policy) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts) {
            @Override
            protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken token) {
                super.additionalAuthenticationChecks(user, token);
                if (policy.refusedAtLogin(token.getCredentials())) {
                    throw new DemoPasswordException();
                }
            }
        };
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("disabled");
            }
        });
        return provider;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuditLog audit, LoginThrottle throttle,
                                            DaoAuthenticationProvider provider) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/session", "/error", "/public/**", "/css/**", "/js/**", "/webjars/**",
                                "/favicon.ico").permitAll()
                        // Served only on the management port (localhost); on the application port: 404.
                        .requestMatchers("/actuator/**").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .authenticationProvider(provider)
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new TolerantCsrfTokenHandler()))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(new LoginSuccess(audit, throttle))
                        .failureHandler(new LoginFailure(audit)))
                .addFilterBefore(new ThrottleFilter(throttle, audit), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeFilter(), AuthorizationFilter.class)
                .exceptionHandling(e -> e.accessDeniedHandler(new AuditedAccessDenied(audit))
                        .authenticationEntryPoint(new AuditedEntryPoint(audit)))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true).deleteCookies("SESSION"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                                        + " object-src 'none'; frame-ancestors 'none'; form-action 'self'"))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * Spring's default handler, except that a token that is not valid masked UTF-8 (one character
     * changed) counts as a wrong token (403, audited) instead of escaping as a 500.
     */
    static class TolerantCsrfTokenHandler implements org.springframework.security.web.csrf.CsrfTokenRequestHandler {
        private final org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler delegate =
                new org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response,
                           java.util.function.Supplier<org.springframework.security.web.csrf.CsrfToken> token) {
            delegate.handle(request, response, token);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, org.springframework.security.web.csrf.CsrfToken token) {
            try {
                return delegate.resolveCsrfTokenValue(request, token);
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
    }

    /** A demo password used outside the demo profile. */
    static class DemoPasswordException extends DisabledException {
        DemoPasswordException() {
            super("demo password outside the demo profile");
        }
    }

    /** The user name a login attempt gave, cut to what the audit log keeps. */
    static String attemptedName(HttpServletRequest request) {
        String username = request.getParameter("username");
        return username == null ? "" : username.length() > 64 ? username.substring(0, 64) : username;
    }

    private static boolean isLoginPost(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && (request.getContextPath() + "/login").equals(request.getRequestURI());
    }

    /** Gives the reservations back and goes to the page asked for (or the password page first). */
    static class LoginSuccess extends SavedRequestAwareAuthenticationSuccessHandler {
        private final AuditLog audit;
        private final LoginThrottle throttle;

        LoginSuccess(AuditLog audit, LoginThrottle throttle) {
            this.audit = audit;
            this.throttle = throttle;
            setDefaultTargetUrl("/");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication) throws IOException, ServletException {
            throttle.succeeded(request.getRemoteAddr(), request.getParameter("username"));
            CurrentUser user = (CurrentUser) authentication.getPrincipal();
            audit.event(user.getId(), user.getDisplayName(), user.getUnitName(), AuditAction.LOGIN_SUCCESS, "user",
                    user.getUsername(), null);
            if (user.mustChangePassword()) {
                request.getSession().setAttribute(MUST_CHANGE_PASSWORD, Boolean.TRUE);
                response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
                return;
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /** One answer for a wrong password and an unknown name. */
    static class LoginFailure extends SimpleUrlAuthenticationFailureHandler {
        private final AuditLog audit;

        LoginFailure(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                            AuthenticationException exception) throws IOException {
            String name = attemptedName(request);
            String outcome = exception instanceof DemoPasswordException ? "demo"
                    : exception instanceof DisabledException ? "disabled" : "error";
            audit.event(null, name, null, AuditAction.LOGIN_FAILURE, "user", name,
                    switch (outcome) {
                        case "demo" -> "正式环境中使用演示密码";
                        case "disabled" -> "账号已停用";
                        default -> null;
                    });
            // The login page shows the name again: only the password has to be typed anew.
            request.getSession().setAttribute(ATTEMPTED_NAME, name);
            response.sendRedirect(request.getContextPath() + "/login?" + outcome);
        }
    }

    /**
     * Reserves the attempt for the client address and the account name before the password is
     * checked; refused attempts never reach the check.
     */
    static class ThrottleFilter extends OncePerRequestFilter {
        private final LoginThrottle throttle;
        private final AuditLog audit;

        ThrottleFilter(LoginThrottle throttle, AuditLog audit) {
            this.throttle = throttle;
            this.audit = audit;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !isLoginPost(request);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String name = attemptedName(request);
            LoginThrottle.Verdict verdict = throttle.reserve(request.getRemoteAddr(), request.getParameter("username"));
            if (verdict == LoginThrottle.Verdict.ALLOWED) {
                chain.doFilter(request, response);
                return;
            }
            if (verdict == LoginThrottle.Verdict.ADDRESS_BLOCKED) {
                audit.event(null, name, null, AuditAction.LOGIN_THROTTLED, "login_address", request.getRemoteAddr(),
                        "地址暂停登录期间的尝试");
                response.sendRedirect(request.getContextPath() + "/login?throttled");
            } else {
                audit.event(null, name, null, AuditAction.LOGIN_LOCKED, "user", name, "账号锁定期间的尝试");
                response.sendRedirect(request.getContextPath() + "/login?locked");
            }
        }
    }

    /** Until a user given a password by an administrator has chosen their own, only that page opens. */
    static class PasswordChangeFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpSession session = request.getSession(false);
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (session != null && session.getAttribute(MUST_CHANGE_PASSWORD) != null
                    && !path.equals(PASSWORD_PAGE) && !path.equals("/logout") && !path.startsWith("/css/")
                    && !path.startsWith("/js/") && !path.startsWith("/error")) {
                response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** Clears the flag once the user has chosen a password (AccountController). */
    public static void passwordChanged(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(MUST_CHANGE_PASSWORD);
        }
    }

    /** Spring Security's own 403s (role rules, CSRF failures) go to the audit log like the application's. */
    static class AuditedAccessDenied implements AccessDeniedHandler {
        private final AuditLog audit;
        static final String EXPIRED_PAGE = "页面已过期或登录已失效，操作未执行。请重新打开页面（必要时重新登录）后再试。";
        private final AccessDeniedHandler delegate = new AccessDeniedHandlerImpl();

        AuditedAccessDenied(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response,
                           org.springframework.security.access.AccessDeniedException denied) throws IOException, ServletException {
            boolean csrf = denied instanceof CsrfException;
            auditDenial(audit, request, csrf ? AuditAction.CSRF_REJECTED : AuditAction.PERMISSION_DENIED,
                    csrf ? "CSRF 令牌缺失或无效" : "无权访问（角色不符）");
            if (csrf) {
                // Most often a page left open until its session expired: say so, not 无权操作 (the error page reads it).
                request.setAttribute("heading", "页面已过期");
                request.setAttribute("message", EXPIRED_PAGE);
            }
            delegate.handle(request, response, denied);
        }
    }

    /** Requests that need a login and have none (the 401s): audited, then sent to the login page. */
    static class AuditedEntryPoint implements AuthenticationEntryPoint {
        private final AuditLog audit;
        private final AuthenticationEntryPoint delegate = new LoginUrlAuthenticationEntryPoint("/login");

        AuditedEntryPoint(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException, ServletException {
            auditDenial(audit, request, AuditAction.LOGIN_REQUIRED, "未登录访问受保护的地址");
            delegate.commence(request, response, e);
        }
    }

    /** Who (the user, or anonymous), what (method and path), from where (the client address, by AuditLog). */
    static void auditDenial(AuditLog audit, HttpServletRequest request, AuditAction action, String detail) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String what = request.getMethod() + " " + request.getRequestURI();
        if (auth != null && !(auth instanceof AnonymousAuthenticationToken) && auth.getPrincipal() instanceof CurrentUser user) {
            audit.event(user.getId(), user.getDisplayName(), user.getUnitName(), action, "request", what, detail);
        } else {
            audit.event(null, "匿名", null, action, "request", what, detail);
        }
    }
}
