package org.perfeval.inbox;

import java.time.Instant;

import org.springframework.stereotype.Component;

/** Keeps inbox_task equal to the engine's open user tasks; called from the task listener only. */
@Component
public class InboxProjection {
    private final InboxMapper mapper;

    public InboxProjection(InboxMapper mapper) {
        this.mapper = mapper;
    }

    public void taskCreated(String taskId, Long formId, String stage, String candidateGroup, Instant createdAt,
                            Instant dueAt) {
        mapper.insert(new InboxTask(taskId, formId, stage, candidateGroup, null, createdAt, dueAt));
    }

    public void taskAssigned(String taskId, String assignee) {
        mapper.updateAssignee(taskId, assignee);
    }

    public void taskEnded(String taskId) {
        mapper.delete(taskId);
    }
}
