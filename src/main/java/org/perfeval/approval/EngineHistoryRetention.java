package org.perfeval.approval;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Bounds the engine's own history. The product's records (forms, workflow_record with each
 * step's snapshot, review opinions, audit_log, published records) are the official record and are
 * kept; no page reads the engine's ACT_HI_ tables. So the engine may forget a finished process
 * instance {@code perfeval.engine-history.days} after it ended: every deployed version of every
 * process gets that history time-to-live, and the engine's history cleanup removes it in the nightly
 * batch window (camunda.bpm.generic-properties: history-cleanup-batch-window-*).
 */
@Component
class EngineHistoryRetention {
    private static final Logger log = LoggerFactory.getLogger(EngineHistoryRetention.class);

    private final RepositoryService repository;
    private final int days;

    EngineHistoryRetention(RepositoryService repository, @Value("${perfeval.engine-history.days:180}") int days) {
        this.repository = repository;
        this.days = days;
    }

    @EventListener(ApplicationReadyEvent.class)
    void apply() {
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
            if (definition.getHistoryTimeToLive() == null || definition.getHistoryTimeToLive() != days) {
                try {
                    repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
                    log.info("engine history of {} v{} kept {} days after an instance ends", definition.getKey(),
                            definition.getVersion(), days);
                } catch (OptimisticLockingException e) {
                    log.info("engine history of {} v{}: another instance set its time-to-live at the same moment",
                            definition.getKey(), definition.getVersion());
                }
            }
        }
    }
}
