package org.perfeval.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * The shared session store (Spring Session JDBC) writes a session's attributes as upserts. Two
 * requests of one session that both add an attribute (a double click whose answers both leave a
 * flash message) otherwise both insert the same attribute row, and the second fails with a
 * duplicate key: a 500 for a click. MySQL's form is also understood by H2 in its MySQL mode, the
 * embedded default.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    @Bean
    MySqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpserts() {
        return new MySqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
