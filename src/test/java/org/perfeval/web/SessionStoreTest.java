package org.perfeval.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.perfeval.bench.StatementCounter;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.context.annotation.Import;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The shared session store reads a session without a transaction of its own and writes it in one
 * (SessionStore): a page view of a signed-in user commits once, for the access time, where it
 * committed three times, once for each of two reads. If Spring Session starts reading through
 * {@code executeWithoutResult} or writing through {@code execute}, this fails.
 */
@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@TestPropertySource(properties = "spring.autoconfigure.exclude=")
@Import(StatementCounter.class)
class SessionStoreTest {
    @Autowired JdbcIndexedSessionRepository repository;
    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void readsCommitNothingAndWritesCommitOnce() {
        SessionRepository<Session> sessions = (SessionRepository) repository;
        Session created = sessions.createSession();
        created.setAttribute("卡片", "第一版");

        int saveCommits = commitsOf(() -> sessions.save(created));
        int[] readCommits = new int[1];
        Session[] read = new Session[1];
        readCommits[0] = commitsOf(() -> read[0] = sessions.findById(created.getId()));
        read[0].setAttribute("卡片", "第二版");
        int changeCommits = commitsOf(() -> sessions.save(read[0]));
        int deleteCommits = commitsOf(() -> sessions.deleteById(created.getId()));

        assertThat((String) read[0].getAttribute("卡片")).isEqualTo("第二版");
        assertThat(saveCommits).as("saving a new session with an attribute").isEqualTo(1);
        assertThat(readCommits[0]).as("reading a session").isZero();
        assertThat(changeCommits).as("saving a changed attribute").isEqualTo(1);
        assertThat(deleteCommits).as("deleting a session").isEqualTo(1);
        assertThat(sessions.findById(created.getId())).isNull();
    }

    @Test
    void aSignedInPageViewCommitsOnlyItsAccessTime() throws Exception {
        TestOrg.World w = testOrg.create();
        MvcResult login = mvc.perform(formLogin("/login").user(w.staffA().username()).password(TestOrg.PASSWORD))
                .andReturn();
        Cookie session = login.getResponse().getCookie("SESSION");
        assertThat(session).as("the session cookie of a sign-in").isNotNull();
        mvc.perform(get("/tasks").cookie(session)); // the first view may still add attributes (a CSRF token)

        StatementCounter.recordOnThisThread();
        int commits;
        List<String> statements;
        String page;
        try {
            page = mvc.perform(get("/tasks").cookie(session)).andReturn().getResponse().getContentAsString();
        } finally {
            commits = StatementCounter.commitsSoFar();
            statements = StatementCounter.stopRecording();
        }
        assertThat(page).as("the inbox of the signed-in user").contains("id=\"inbox-filters\"");
        assertThat(statements).as("the session was read and its access time written")
                .anyMatch(s -> s.contains("FROM SPRING_SESSION S")).anyMatch(s -> s.startsWith("UPDATE SPRING_SESSION"));
        assertThat(commits).as("transactions committed by one page view").isEqualTo(1);
    }

    private static int commitsOf(Runnable step) {
        StatementCounter.recordOnThisThread();
        try {
            step.run();
            return StatementCounter.commitsSoFar();
        } finally {
            StatementCounter.stopRecording();
        }
    }
}
