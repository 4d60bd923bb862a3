package org.perfeval.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.junit.jupiter.api.Test;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Password spraying from one address: failures across accounts block the address, not the accounts. */
@PerfevalTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "perfeval.login.address-max-failures=8")
class LoginThrottleTest {
    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired UserAccountService accounts;
    @Autowired JdbcTemplate jdbc;

    @Test
    void failuresAcrossAccountsBlockTheAddressUntilAnAdministratorLiftsIt() throws Exception {
        TestOrg.World w = testOrg.create();
        String attacker = "10.9.8." + (System.nanoTime() % 200 + 1);
        String[] victims = {w.staffA().username(), w.staffB().username(), w.reviewer1().username(),
                w.reviewer2().username()};
        // Two wrong passwords per account: no account reaches its own lock of 5. All 8 are checked;
        // the next attempt from the address is refused unchecked.
        for (int i = 0; i < 8; i++) {
            mvc.perform(login(victims[i % 4], "guess-" + i, attacker)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login(victims[3], "guess-8", attacker)).andExpect(redirectedUrl("/login?throttled"));
        mvc.perform(login(w.finance().username(), TestOrg.PASSWORD, attacker))
                .andExpect(redirectedUrl("/login?throttled"));
        mvc.perform(get("/login?throttled")).andExpect(content().string(containsString("已暂停登录")));
        // The accounts themselves are not locked: from another address the right password works.
        mvc.perform(login(w.staffA().username(), TestOrg.PASSWORD, "10.1.1.1"))
                .andExpect(redirectedUrl("/"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'LOGIN_THROTTLED' AND object_id = ?",
                Integer.class, attacker)).isGreaterThanOrEqualTo(2);

        var admin = user(accounts.loadUserByUsername(w.admin().username()));
        mvc.perform(get("/admin/users").with(admin)).andExpect(content().string(containsString(attacker)));
        mvc.perform(post("/admin/login-addresses/unblock").param("address", attacker).with(csrf()).with(admin))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(login(w.finance().username(), TestOrg.PASSWORD, attacker))
                .andExpect(redirectedUrl("/"));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(
            String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
