package org.perfeval.inbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.perfeval.approval.ApprovalEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps inbox_task equal to the engine's open user tasks, from the approval process's task events
 * (published inside the engine's transaction).
 *
 * <p>A step that completes one task and creates the next for the same form rewrites that form's row
 * in place instead of deleting it and inserting another: a delete and a re-insert of the same
 * unique form_id in one transaction deadlocks on InnoDB against a neighbour doing the same (seen
 * with two threads on MariaDB). So ended tasks are held until the next task of the form arrives in
 * the same transaction, or deleted just before commit.
 */
@Component
public class InboxProjection {
    private final InboxMapper mapper;

    public InboxProjection(InboxMapper mapper) {
        this.mapper = mapper;
    }

    @EventListener
    void taskCreated(ApprovalEvents.TaskArrived arrived) {
        InboxTask task = new InboxTask(arrived.taskId(), arrived.formId(), arrived.stage().taskKey(),
                arrived.candidateGroup(), null, arrived.createdAt(), arrived.dueAt());
        String ended = pendingEnds().remove(arrived.formId());
        if (ended == null || mapper.replace(ended, task, arrived.processDefinitionId()) == 0) {
            mapper.insert(task, arrived.processDefinitionId());
        }
    }

    @EventListener
    void taskAssigned(ApprovalEvents.TaskAssigned assigned) {
        mapper.updateAssignee(assigned.taskId(), assigned.assignee());
    }

    @EventListener
    void dueChanged(ApprovalEvents.TaskDueChanged changed) {
        mapper.updateDue(changed.taskId(), changed.dueAt());
    }

    @EventListener
    void taskEnded(ApprovalEvents.TaskEnded ended) {
        String taskId = ended.taskId();
        Long formId = ended.formId();
        if (formId == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            mapper.delete(taskId);
            return;
        }
        String earlier = pendingEnds().put(formId, taskId);
        if (earlier != null) {
            mapper.delete(earlier);
        }
    }

    /**
     * A cancelled form has no task left: the engine's deletion ended it already (taskEnded); a row
     * the projection still holds for the form (one written before it kept task ids) goes too.
     */
    @EventListener
    void formCancelled(ApprovalEvents.FormCancelled cancelled) {
        pendingEnds().remove(cancelled.formId());
        mapper.deleteByForm(cancelled.formId());
    }

    /** Ended tasks of this transaction by form, deleted before commit unless replaced. */
    private Map<Long, String> pendingEnds() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new LinkedHashMap<>();
        }
        @SuppressWarnings("unchecked")
        Map<Long, String> pending = (Map<Long, String>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Map<Long, String> fresh = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    fresh.values().forEach(mapper::delete);
                    fresh.clear();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(InboxProjection.this);
                }
            });
            pending = fresh;
        }
        return pending;
    }
}
