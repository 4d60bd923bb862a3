package org.perfeval.approval;

import java.util.Arrays;

import org.perfeval.form.FormStatus;

/**
 * The user tasks of bpmn/self-evaluation.bpmn and the form status each one stands for. From process
 * version 3, SUPERVISOR_REVIEW is the level review (逐级审核): one task looped over the levels of the
 * form's {@link ReviewChain} (二级单位, 主管部门 …), each offered to that level's department group; its
 * status and deadline are those of the 主管部门 stage of the campaign.
 */
public enum Stage {
    FILL("Task_FillDraft", "填报", FormStatus.DRAFT, "Fill"),
    SUPERVISOR_REVIEW("Task_SupervisorReview", "主管部门审核", FormStatus.SUPERVISOR_REVIEW, "Supervisor"),
    FINANCE_REVIEW("Task_FinanceReview", "财政部门审核", FormStatus.FINANCE_REVIEW, "Finance");

    private final String taskKey;
    private final String label;
    private final FormStatus status;
    private final String timerPrefix;

    Stage(String taskKey, String label, FormStatus status, String timerPrefix) {
        this.taskKey = taskKey;
        this.label = label;
        this.status = status;
        this.timerPrefix = timerPrefix;
    }

    /** The BPMN ids of this task's overdue and due-soon timers (process version 3 and earlier). */
    public String overdueTimer() { return "Timer_" + timerPrefix + "Overdue"; }
    public String dueSoonTimer() { return "Timer_" + timerPrefix + "DueSoon"; }

    public String taskKey() { return taskKey; }
    public String label() { return label; }
    public FormStatus status() { return status; }

    public static Stage ofTaskKey(String taskKey) {
        return Arrays.stream(values()).filter(s -> s.taskKey.equals(taskKey)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown task " + taskKey));
    }
}
