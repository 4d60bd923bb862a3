package org.perfeval.approval;

import java.time.Instant;

/**
 * What the approval process tells the other features, as Spring application events published
 * synchronously inside the step's transaction: a listener's writes commit or roll back with the
 * step. Each carries ids and the few values a listener needs, never an entity.
 */
public final class ApprovalEvents {

    private ApprovalEvents() {
    }

    /** A user task of the form's process started and is offered to a group. */
    public record TaskArrived(Long formId, String taskId, Stage stage, String candidateGroup, Instant createdAt,
                              Instant dueAt, String processDefinitionId) {
    }

    /** The task was claimed (assignee set) or released (assignee null). */
    public record TaskAssigned(Long formId, String taskId, String assignee) {
    }

    /** The task was completed or removed (withdrawal, end of the process). */
    public record TaskEnded(Long formId, String taskId) {
    }

    /** A reviewer returned the form; the reason is on the form ({@code return_reason}) and in the opinion. */
    public record FormReturned(Long formId, Long opinionId, Decision decision) {
    }

    /** The last review level approved the form: it is to be published (service task 公开). */
    public record FormApproved(Long formId) {
    }

    /** The open task's due date moved with its campaign's deadline. */
    public record TaskDueChanged(Long formId, String taskId, Instant dueAt) {
    }

    /** The open task passed its due date (the overdue timer fired and the deadline still stands). */
    public record TaskOverdue(Long formId, String taskId, Stage stage, String candidateGroup, Instant dueAt) {
    }

    /** The open task's due date is near (the due-soon timer fired before the deadline). */
    public record TaskDueSoon(Long formId, String taskId, Stage stage, String candidateGroup, Instant dueAt) {
    }

    /** An administrator cancelled (作废) the form: its process ended; the reason is on the form. */
    public record FormCancelled(Long formId) {
    }

    /** An administrator reopened (重新开放) the form: it is back at 填报 with its unit. */
    public record FormReopened(Long formId) {
    }
}
