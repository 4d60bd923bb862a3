package org.perfeval.approval;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormHistory;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.form.WorkflowAction;
import org.perfeval.organisation.AccessPolicy;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 作废 and 重新开放, for administrators: cancelling ends the form's process; reopening starts a new
 * one, so the form is back at 填报 with its unit, even when its campaign has closed. Both take the
 * form's row lock first, as every other step does, and both need a reason.
 */
@Service
public class FormCancellation {
    static final int MAX_REASON = 500;
    static final String CLOSED = "CLOSED";

    private final ApprovalMapper mapper;
    private final FormProcess process;
    private final EvaluationFormService forms;
    private final FormMapper formMapper;
    private final FormHistory history;
    private final AuditLog audit;
    private final AccessPolicy accessPolicy;
    private final ApplicationEventPublisher events;

    FormCancellation(ApprovalMapper mapper, FormProcess process, EvaluationFormService forms, FormMapper formMapper,
                     FormHistory history, AuditLog audit, AccessPolicy accessPolicy, ApplicationEventPublisher events) {
        this.mapper = mapper;
        this.process = process;
        this.forms = forms;
        this.formMapper = formMapper;
        this.history = history;
        this.audit = audit;
        this.accessPolicy = accessPolicy;
        this.events = events;
    }

    /** Whether the actor may be offered 作废 for this form (the page asks; {@link #cancel} decides). */
    public boolean canCancel(Actor actor, FormHeader header) {
        return accessPolicy.administers(actor) && header.getStatus() != FormStatus.CANCELLED
                && header.getStatus() != FormStatus.PUBLISHED;
    }

    /** Whether the actor may be offered 重新开放 for this form. */
    public boolean canReopen(Actor actor, FormHeader header) {
        if (!accessPolicy.administers(actor) || header.getStatus() == FormStatus.PUBLISHED) {
            return false;
        }
        return header.getStatus() == FormStatus.CANCELLED
                || (CLOSED.equals(header.getCampaignStatus())
                    && !(header.getStatus() == FormStatus.DRAFT && header.isReopened()));
    }

    @Transactional
    public void cancel(Actor actor, Long formId, String reason) {
        requireAdmin(actor, "只有绩效管理员可以作废评价表");
        String why = requireReason(reason, "作废原因");
        mapper.lockForm(formId);
        FormHeader header = forms.visibleHeader(actor, formId);
        if (header.getStatus() == FormStatus.CANCELLED) {
            throw new ConflictException("该评价表已作废");
        }
        if (header.getStatus() == FormStatus.PUBLISHED) {
            throw new ConflictException("已公开的评价表不能作废；如需修改请发起更正，或撤回公开");
        }
        process.end(formId, "作废：" + why);
        formMapper.markCancelled(formId, why);
        history.record(formId, actor, WorkflowAction.CANCEL, header.getStatus(), FormStatus.CANCELLED, why);
        audit.action(actor, AuditAction.CANCEL, "form", formId, why);
        events.publishEvent(new ApprovalEvents.FormCancelled(formId));
    }

    /**
     * Back to 填报: a cancelled form in any campaign, or a form of a closed campaign at any stage
     * before publication (its running process ends and a new one starts at 填报).
     */
    @Transactional
    public void reopen(Actor actor, Long formId, String reason) {
        requireAdmin(actor, "只有绩效管理员可以重新开放评价表");
        String why = requireReason(reason, "重新开放原因");
        mapper.lockForm(formId);
        FormHeader header = forms.visibleHeader(actor, formId);
        boolean closed = CLOSED.equals(header.getCampaignStatus());
        if (header.getStatus() == FormStatus.PUBLISHED) {
            throw new ConflictException("已公开的评价表请使用「发起更正」退回单位修改");
        }
        if (header.getStatus() != FormStatus.CANCELLED && !closed) {
            throw new ConflictException("评价任务尚未结束，评价表仍在流转中，无需重新开放");
        }
        if (header.getStatus() == FormStatus.DRAFT && header.isReopened()) {
            throw new ConflictException("该评价表已重新开放");
        }
        boolean atFill = header.getStatus() == FormStatus.DRAFT && process.openTask(formId) != null
                && process.openTask(formId).stage() == Stage.FILL;
        if (!atFill) {
            process.end(formId, "重新开放：" + why);
            process.start(formId);
        }
        formMapper.markReopened(formId, "重新开放：" + why, closed);
        history.record(formId, actor, WorkflowAction.REOPEN, header.getStatus(), FormStatus.DRAFT, why);
        audit.action(actor, AuditAction.REOPEN, "form", formId, why);
        events.publishEvent(new ApprovalEvents.FormReopened(formId));
    }

    private void requireAdmin(Actor actor, String message) {
        if (!accessPolicy.administers(actor)) {
            throw new ForbiddenException(message);
        }
    }

    private static String requireReason(String reason, String label) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请填写" + label);
        }
        String why = reason.strip();
        if (why.codePointCount(0, why.length()) > MAX_REASON) {
            throw new InvalidInputException("reason", label + "不能超过 " + MAX_REASON + " 个字");
        }
        if (why.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidInputException("reason", label + "包含控制字符，请删除后重新输入");
        }
        return why;
    }
}
