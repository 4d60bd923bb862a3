package org.perfeval.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared session store (Spring Session JDBC), asked on every request: read the session, write its
 * access time. It used to cost 12 round trips a request, more than the rest of most pages; now 6.
 * <ul>
 * <li>Attributes are written as upserts. Two requests of one session that both add an attribute (a
 * double click whose answers both leave a flash message) otherwise both insert the same attribute row,
 * and the second fails with a duplicate key: a 500 for a click. MySQL's form is also understood by H2
 * in its MySQL mode, the embedded default.</li>
 * <li>A read is one statement, which READ COMMITTED gives no steadier view inside a transaction; a write
 * (the session row and its attributes) keeps a transaction of its own.</li>
 * <li>An attribute is a MEDIUMBLOB (V59): the store drops one its column refuses with only a TRACE line,
 * and a refused post's typed text, carried back to its page, could outgrow BLOB's 64 KB.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    @Bean
    MySqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpserts() {
        return new MySqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * Spring Session's JDBC store reads through {@code execute} (a session by id, sessions by user, the
     * expired ones' single DELETE) and writes through {@code executeWithoutResult} (a session, a
     * deletion): {@code SessionStoreTest} fails if that changes.
     */
    @Bean(name = "springSessionTransactionOperations")
    TransactionOperations sessionTransactions(PlatformTransactionManager transactions) {
        TransactionTemplate writes = new TransactionTemplate(transactions);
        writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> read) throws TransactionException {
                return read.doInTransaction(new SimpleTransactionStatus(false));
            }

            @Override
            public void executeWithoutResult(java.util.function.Consumer<org.springframework.transaction.TransactionStatus> write) {
                writes.executeWithoutResult(write);
            }
        };
    }
}
