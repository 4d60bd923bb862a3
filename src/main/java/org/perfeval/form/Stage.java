package org.perfeval.form;

import java.util.Arrays;

/** The user tasks of bpmn/self-evaluation.bpmn and the form status each one stands for. */
public enum Stage {
    FILL("Task_FillDraft", "填报", FormStatus.DRAFT),
    SUPERVISOR_REVIEW("Task_SupervisorReview", "主管部门审核", FormStatus.SUPERVISOR_REVIEW),
    FINANCE_REVIEW("Task_FinanceReview", "财政部门审核", FormStatus.FINANCE_REVIEW);

    private final String taskKey;
    private final String label;
    private final FormStatus status;

    Stage(String taskKey, String label, FormStatus status) {
        this.taskKey = taskKey;
        this.label = label;
        this.status = status;
    }

    public String taskKey() { return taskKey; }
    public String label() { return label; }
    public FormStatus status() { return status; }

    public static Stage ofTaskKey(String taskKey) {
        return Arrays.stream(values()).filter(s -> s.taskKey.equals(taskKey)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown task " + taskKey));
    }
}
