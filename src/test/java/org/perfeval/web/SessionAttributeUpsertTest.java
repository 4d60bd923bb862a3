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
}
