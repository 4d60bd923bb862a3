package org.perfeval.approval;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Writes the engine's full history except its job log. Instances of process version 3 and earlier
 * carry two deadline timers per user task, and the job log added a row when each was created and
 * another when it was removed, rows that nothing reads: overdue marks and reminders are recorded in
 * our own tables, and a failing job keeps its error on the job and its incident. The history level
 * stays {@code full}, so existing databases start as before.
 */
@Component
public class NoJobLogHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new Handler(new DbHistoryEventHandler()));
    }

    static final class Handler implements HistoryEventHandler {
        private final HistoryEventHandler database;

        Handler(HistoryEventHandler database) {
            this.database = database;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!(event instanceof HistoricJobLogEvent)) {
                database.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
