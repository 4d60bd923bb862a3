package org.perfeval.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Spring Security's own refusals (a role rule on /admin/**, a missing or altered CSRF token, a
 * request without login) reach the audit log with who, what and from where, like the application's.
 * A CSRF token with one character changed is a 403, never a 500.
 */
@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class FrameworkDenialAuditTest {
    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired UserAccountService accounts;
    @Autowired JdbcTemplate jdbc;

    @Test
    void roleDenialIsAuditedWithWhoWhatAndWhere() throws Exception {
        TestOrg.World w = testOrg.create();
        String where = "10.60.0." + (System.nanoTime() % 200 + 1);
        mvc.perform(get("/admin/users").with(user(accounts.loadUserByUsername(w.staffA().username()))).with(from(where)))
                .andReturn();
        Map<String, Object> row = last("PERMISSION_DENIED", where);
        assertThat(row.get("actor_id")).isEqualTo(w.staffA().id());
        assertThat(row.get("actor_name")).isEqualTo(w.staffA().displayName());
        assertThat(row.get("object_id")).isEqualTo("GET /admin/users");
    }

    @Test
    void missingAndAlteredCsrfTokensAreRefusedWith403AndAudited() throws Exception {
        TestOrg.World w = testOrg.create();
        String where = "10.61.0." + (System.nanoTime() % 200 + 1);
        var staff = user(accounts.loadUserByUsername(w.staffA().username()));
        var refused = mvc.perform(post("/notifications/read-all").with(staff).with(from(where))).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        // The error page says the page expired (a session that ran out is the usual cause), not 无权操作.
        assertThat((String) refused.getRequest().getAttribute("message")).contains("页面已过期或登录已失效");
        assertThat(last("CSRF_REJECTED", where).get("actor_id")).isEqualTo(w.staffA().id());

        MockHttpSession session = new MockHttpSession();
        String page = mvc.perform(get("/login").session(session)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        int altered = 0;
        // Every position, each changed to a character that keeps it valid base64url or breaks it.
        for (int i = 0; i < token.length(); i++) {
            for (char c : new char[] {'A', '_', '%'}) {
                if (token.charAt(i) == c) {
                    continue;
                }
                String bad = token.substring(0, i) + c + token.substring(i + 1);
                MockHttpServletResponse r = mvc.perform(post("/login").session(session).param("_csrf", bad)
                        .param("username", "x").param("password", "y").with(from(where))).andReturn().getResponse();
                assertThat(r.getStatus()).as("token changed at %d to %s", i, c).isEqualTo(403);
                altered++;
            }
        }
        assertThat(altered).isGreaterThan(token.length());
        assertThat(count("CSRF_REJECTED", where)).isGreaterThanOrEqualTo(altered + 1);
        assertThat(last("CSRF_REJECTED", where).get("actor_name")).isEqualTo("匿名");
    }

    @Test
    void requestsWithoutLoginAreAudited() throws Exception {
        String where = "10.62.0." + (System.nanoTime() % 200 + 1);
        mvc.perform(get("/tasks").with(from(where))).andReturn();
        Map<String, Object> row = last("LOGIN_REQUIRED", where);
        assertThat(row.get("object_id")).isEqualTo("GET /tasks");
        assertThat(row.get("actor_name")).isEqualTo("匿名");
    }

    @Test
    void aVeryLongDeniedPathIsAuditedCutToTheColumn() throws Exception {
        TestOrg.World w = testOrg.create();
        String where = "10.63.0." + (System.nanoTime() % 200 + 1);
        int status = mvc.perform(get("/admin/" + "长".repeat(300)).with(user(accounts.loadUserByUsername(w.staffA().username())))
                .with(from(where))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
        assertThat(((String) last("PERMISSION_DENIED", where).get("object_id"))).startsWith("GET /admin/");
    }

    private Map<String, Object> last(String action, String address) {
        return jdbc.queryForMap("SELECT actor_id, actor_name, object_id, client_address FROM audit_log"
                + " WHERE action = ? AND client_address = ? ORDER BY id DESC LIMIT 1", action, address);
    }

    private int count(String action, String address) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = ? AND client_address = ?",
                Integer.class, action, address);
    }

    private static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }
}
