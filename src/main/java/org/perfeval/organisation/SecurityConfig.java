package org.perfeval.organisation;

import org.perfeval.shared.Role;
import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;

@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserAccountService accounts, AuditLog audit,
                                            LoginThrottle throttle) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/public/**", "/css/**", "/js/**", "/webjars/**",
                                "/favicon.ico").permitAll()
                        // Served only on the management port (localhost); on the application port: 404.
                        .requestMatchers("/actuator/**").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(new LoginSuccess(accounts, audit))
                        .failureHandler(new LoginFailure(accounts, audit, throttle)))
                .addFilterBefore(new BlockedAddressFilter(throttle, audit), UsernamePasswordAuthenticationFilter.class)
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

    /** The user name a login attempt gave, cut to what the audit log keeps. */
    static String attemptedName(HttpServletRequest request) {
        String username = request.getParameter("username");
        return username == null ? "" : username.length() > 64 ? username.substring(0, 64) : username;
    }

    /** Resets the failure count and goes to the page asked for, or the home page. */
    static class LoginSuccess extends SavedRequestAwareAuthenticationSuccessHandler {
        private final UserAccountService accounts;
        private final AuditLog audit;

        LoginSuccess(UserAccountService accounts, AuditLog audit) {
            this.accounts = accounts;
            this.audit = audit;
            setDefaultTargetUrl("/");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication) throws IOException, jakarta.servlet.ServletException {
            accounts.loginSucceeded(authentication.getName());
            CurrentUser user = (CurrentUser) authentication.getPrincipal();
            audit.event(user.getId(), user.getDisplayName(), user.getUnitName(), AuditAction.LOGIN_SUCCESS, "user",
                    user.getUsername(), null);
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /** Counts failures; the page says "locked" or "wrong name or password", never which part was wrong. */
    static class LoginFailure extends SimpleUrlAuthenticationFailureHandler {
        private final UserAccountService accounts;
        private final AuditLog audit;
        private final LoginThrottle throttle;

        LoginFailure(UserAccountService accounts, AuditLog audit, LoginThrottle throttle) {
            this.accounts = accounts;
            this.audit = audit;
            this.throttle = throttle;
        }

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                            AuthenticationException exception) throws IOException {
            String username = request.getParameter("username");
            String name = attemptedName(request);
            if (exception instanceof LockedException) {
                audit.event(null, name, null, AuditAction.LOGIN_LOCKED, "user", name, "账号已锁定");
                response.sendRedirect(request.getContextPath() + "/login?locked");
                return;
            }
            audit.event(null, name, null, AuditAction.LOGIN_FAILURE, "user", name, null);
            if (username != null) {
                accounts.loginFailed(username);
            }
            if (throttle.failed(request.getRemoteAddr())) {
                audit.event(null, name, null, AuditAction.LOGIN_THROTTLED, "login_address", request.getRemoteAddr(),
                        "登录失败次数过多，地址被暂停登录");
                response.sendRedirect(request.getContextPath() + "/login?throttled");
                return;
            }
            response.sendRedirect(request.getContextPath() + "/login?error");
        }
    }

    /** Turns away login attempts from a blocked address before the password is even checked. */
    static class BlockedAddressFilter extends OncePerRequestFilter {
        private final LoginThrottle throttle;
        private final AuditLog audit;

        BlockedAddressFilter(LoginThrottle throttle, AuditLog audit) {
            this.throttle = throttle;
            this.audit = audit;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod())
                    && (request.getContextPath() + "/login").equals(request.getRequestURI()));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws jakarta.servlet.ServletException, IOException {
            if (throttle.isBlocked(request.getRemoteAddr())) {
                audit.event(null, attemptedName(request), null, AuditAction.LOGIN_THROTTLED, "login_address", request.getRemoteAddr(),
                        "地址暂停登录期间的尝试");
                response.sendRedirect(request.getContextPath() + "/login?throttled");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
