package org.perfeval.approval;

import java.time.Instant;

/** A form's open user task: its id, BPMN task key, assignee, due date, process definition and group. */
public record OpenTask(String id, String taskKey, String assignee, Instant dueAt, String processDefinitionId,
                       String candidateGroup) {

    public Stage stage() {
        return Stage.ofTaskKey(taskKey);
    }
}
