package org.perfeval.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.support.HttpBrowser;
import org.perfeval.support.TestOrg;
import org.perfeval.support.TestProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Disabling an account or resetting its password signs the user out at their next request, not
 * when their session would have expired. Sessions in the database, as in production.
 */
@Tag("db")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude=")
@ActiveProfiles(resolver = TestProfiles.class)
@Import(TestOrg.class)
class SignOutOnDisableTest {
    @LocalServerPort int port;
    @Autowired TestOrg testOrg;
    @Autowired OrgAdminService org;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aDisabledUserIsSignedOutEverywhereAtTheNextRequest() throws Exception {
        TestOrg.World w = testOrg.create();
        HttpBrowser first = signedIn(w.staffA().username());
        HttpBrowser second = signedIn(w.staffA().username());
        HttpBrowser colleague = signedIn(w.staffB().username());

        org.setEnabled(w.admin(), w.staffA().id(), false);

        assertSignedOut(first);
        assertSignedOut(second);
        assertThat(sessionsOf(w.staffA().username())).isZero();
        assertThat(colleague.get("/tasks").statusCode()).as("another user's session").isEqualTo(200);
        assertThat(new HttpBrowser(port).login(w.staffA().username(), TestOrg.PASSWORD))
                .as("a disabled account cannot log in again").endsWith("/login?disabled");
    }

    @Test
    void aPasswordResetSignsTheUserOut() throws Exception {
        TestOrg.World w = testOrg.create();
        HttpBrowser browser = signedIn(w.reviewer1().username());

        String password = org.resetPassword(w.admin(), w.reviewer1().id());

        assertSignedOut(browser);
        assertThat(new HttpBrowser(port).login(w.reviewer1().username(), password)).doesNotContain("error");
    }

    @Test
    void aFailedDisableKeepsTheSession() throws Exception {
        TestOrg.World w = testOrg.create();
        HttpBrowser browser = signedIn(w.admin().username());

        InvalidInputException refused = Assertions.assertThrows(InvalidInputException.class, () -> org.setEnabled(w.admin(), w.admin().id(), false));

        assertThat(refused.getMessage()).contains("不能停用自己的账号");
        assertThat(browser.get("/tasks").statusCode()).isEqualTo(200);
    }

    private HttpBrowser signedIn(String username) throws Exception {
        HttpBrowser browser = new HttpBrowser(port);
        assertThat(browser.login(username, TestOrg.PASSWORD)).doesNotContain("error");
        assertThat(browser.get("/tasks").statusCode()).isEqualTo(200);
        return browser;
    }

    private void assertSignedOut(HttpBrowser browser) throws Exception {
        var page = browser.get("/tasks");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    private int sessionsOf(String username) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?", Integer.class, username);
    }
}
