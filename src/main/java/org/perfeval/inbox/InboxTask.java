package org.perfeval.inbox;

import java.time.Instant;

/** One open user task as the projection keeps it. */
public record InboxTask(String taskId, Long formId, String stage, String candidateGroup, String assignee,
                        Instant createdAt, Instant dueAt) {
}
