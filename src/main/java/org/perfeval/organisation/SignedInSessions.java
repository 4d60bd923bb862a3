package org.perfeval.organisation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends a user's sessions on every node when an administrator disables the account or resets its
 * password: the sessions are rows in the shared session tables, indexed by user name, so deleting
 * them signs the user out everywhere at their next request. Done after the change commits, so a
 * change that rolls back leaves the user signed in.
 */
@Component
class SignedInSessions {
    private static final Logger log = LoggerFactory.getLogger(SignedInSessions.class);

    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    SignedInSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.sessions = sessions;
    }

    void endAfterCommit(String username) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end(username);
                }
            });
        } else {
            end(username);
        }
    }

    private void end(String username) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository == null) {
            // Only in tests that keep sessions in the servlet container (the test profile).
            log.debug("no shared session store; sessions of {} end when they expire", username);
            return;
        }
        var ids = repository.findByPrincipalName(username).keySet();
        ids.forEach(repository::deleteById);
        log.info("ended {} session(s) of {}", ids.size(), username);
    }
}
