package org.perfeval.org;

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
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserAccountService accounts, AuditLog audit)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/public/**", "/css/**", "/js/**", "/webjars/**",
                                "/favicon.ico").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(new LoginSuccess(accounts, audit))
                        .failureHandler(new LoginFailure(accounts, audit)))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true).deleteCookies("JSESSIONID"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                                        + " object-src 'none'; frame-ancestors 'none'; form-action 'self'"))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
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

        LoginFailure(UserAccountService accounts, AuditLog audit) {
            this.accounts = accounts;
            this.audit = audit;
        }

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                            AuthenticationException exception) throws IOException {
            String username = request.getParameter("username");
            String name = username == null ? "" : username.length() > 64 ? username.substring(0, 64) : username;
            if (exception instanceof LockedException) {
                audit.event(null, name, null, AuditAction.LOGIN_LOCKED, "user", name, "账号已锁定");
                response.sendRedirect(request.getContextPath() + "/login?locked");
                return;
            }
            audit.event(null, name, null, AuditAction.LOGIN_FAILURE, "user", name, null);
            if (username != null) {
                accounts.loginFailed(username);
            }
            response.sendRedirect(request.getContextPath() + "/login?error");
        }
    }
}
