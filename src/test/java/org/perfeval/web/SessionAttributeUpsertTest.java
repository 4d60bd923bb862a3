package org.perfeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.perfeval.support.TestProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two requests of one session that both add the same attribute (a double click, each answer leaving
 * a flash message) both save it: the second save used to fail on the attribute row's key.
 */
@Tag("db")
@SpringBootTest(properties = "spring.autoconfigure.exclude=")
@ActiveProfiles(resolver = TestProfiles.class)
class SessionAttributeUpsertTest {
    @Autowired JdbcIndexedSessionRepository repository;

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void twoCopiesOfASessionAddingTheSameAttributeBothSave() {
        org.springframework.session.SessionRepository<Session> sessions = (org.springframework.session.SessionRepository) repository;
        Session created = sessions.createSession();
        sessions.save(created);
        Session first = sessions.findById(created.getId());
        Session second = sessions.findById(created.getId());
        first.setAttribute("flash", "第一次");
        second.setAttribute("flash", "第二次");
        sessions.save(first);
        sessions.save(second);
        assertThat((String) sessions.findById(created.getId()).getAttribute("flash")).isEqualTo("第二次");
        sessions.deleteById(created.getId());
    }

    /**
     * A refused post carries what was typed back to its page in the session (a flash attribute): more
     * than BLOB's 64 KB on MySQL was refused there, and the typed text silently lost.
     */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void anAttributeLargerThanABlobIsKeptWhole() {
        org.springframework.session.SessionRepository<Session> sessions = (org.springframework.session.SessionRepository) repository;
        Session created = sessions.createSession();
        String typed = "审核意见".repeat(50_000); // 600 KB as UTF-8, within the 2 MB request limit
        created.setAttribute("flash", typed);
        sessions.save(created);
        String kept = sessions.findById(created.getId()).getAttribute("flash");
        assertThat(kept == null ? -1 : kept.length()).as("characters kept").isEqualTo(typed.length());
        assertThat(kept.equals(typed)).as("kept unchanged").isTrue();
        sessions.deleteById(created.getId());
    }
}
