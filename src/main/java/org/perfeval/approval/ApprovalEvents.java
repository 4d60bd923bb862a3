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

    /**
     * A user task of the form's process started and is offered to a group; {@code afterReturn}: the form
     * is back with its unit with a return reason, which a notice of its own (【退回】) tells the unit.
     */
    public record TaskArrived(Long formId, String taskId, Stage stage, String candidateGroup, Instant createdAt,
                              Instant dueAt, String processDefinitionId, boolean afterReturn) {
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

    /**
     * A reviewer's task changed hands without a decision (取消签收, 改派, 转办, 委派, 委派回复): who
     * did it, from whom, to whom (user ids; null where nobody, e.g. released to the group).
     */
    public record TaskHandedOver(Long formId, String taskId, HandOver kind, String candidateGroup, Long byUserId,
                                 Long fromUserId, Long toUserId) {
    }

    /** A reviewer asked a colleague for an opinion on the form (征求意见); the row is in consultation. */
    public record ConsultationAsked(Long formId, Long consultationId, Long askerId, Long askedId) {
    }

    /** The colleague answered. */
    public record ConsultationAnswered(Long formId, Long consultationId, Long askerId, Long askedId) {
    }

    /** A reviewer copied the form to users when deciding (抄送); they may read it from now on. */
    public record FormCopied(Long formId, Long byUserId, java.util.List<Long> userIds) {
    }

    /** An administrator cancelled (作废) the form: its process ended; the reason is on the form. */
    public record FormCancelled(Long formId) {
    }

    /** An administrator reopened (重新开放) the form: it is back at 填报 with its unit. */
    public record FormReopened(Long formId) {
    }
}
