package org.perfeval.form;

import java.util.List;

import org.perfeval.shared.Actor;
import org.perfeval.shared.StepTiming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Writes the workflow record of every step, in the transaction of the step itself. */
@Component
public class FormHistory {
    static final String SYSTEM = "系统";
    /** One key=value line per committed step, for log collectors: step, form, actor, stage, duration. */
    private static final Logger steps = LoggerFactory.getLogger("perfeval.step");

    private final WorkflowRecordMapper mapper;

    public FormHistory(WorkflowRecordMapper mapper) {
        this.mapper = mapper;
    }

    public void record(Long formId, Actor actor, WorkflowAction action, FormStatus from, FormStatus to,
                       String detail) {
        record(formId, actor, action, from, to, detail, null);
    }

    public void record(Long formId, Actor actor, WorkflowAction action, FormStatus from, FormStatus to,
                       String detail, String snapshot) {
        mapper.insert(formId, actor == null ? null : actor.id(), actor == null ? SYSTEM : actor.displayName(),
                action, from, to, detail, snapshot);
        logWhenCommitted(String.valueOf(formId), actor, action, from, to);
    }

    private static void logWhenCommitted(String forms, Actor actor, WorkflowAction action, FormStatus from, FormStatus to) {
        if (!steps.isInfoEnabled()) {
            return;
        }
        long started = StepTiming.startedOr(System.nanoTime());
        String who = actor == null ? "system" : actor.username();
        Runnable line = () -> steps.info("step={} form={} actor={} stage={} to={} duration_ms={}", action, forms, who,
                from, to, (System.nanoTime() - started) / 1_000_000);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    line.run();
                }
            });
        } else {
            line.run();
        }
    }

    /** One step that several forms took together (opening a campaign). */
    public void recordAll(List<Long> formIds, Actor actor, WorkflowAction action, FormStatus from, FormStatus to,
                          String detail) {
        if (!formIds.isEmpty()) {
            mapper.insertAll(formIds, actor == null ? null : actor.id(), actor == null ? SYSTEM : actor.displayName(),
                    action, from, to, detail);
            logWhenCommitted(formIds.size() == 1 ? String.valueOf(formIds.get(0))
                    : formIds.get(0) + ".." + formIds.get(formIds.size() - 1) + "(" + formIds.size() + ")", actor, action, from, to);
        }
    }

    public List<WorkflowRecord> of(Long formId) {
        return mapper.findByForm(formId);
    }
}
