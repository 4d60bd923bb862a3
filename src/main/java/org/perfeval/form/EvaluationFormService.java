package org.perfeval.form;

import java.util.List;
import java.util.Map;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.organisation.AccessPolicy;
import org.perfeval.shared.Actor;
import org.perfeval.shared.Role;
import org.perfeval.scoring.Finding;
import org.perfeval.scoring.Scorer;
import org.perfeval.scoring.ScoringResult;
import org.perfeval.scoring.Severity;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.NotFoundException;
import org.perfeval.shared.ReadOnly;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What unit staff do to their forms: read, save a draft, submit, withdraw. */
@Service
public class EvaluationFormService {
    private final FormStore store;
    private final FormMapper formMapper;
    private final FormProcess process;
    private final FormHistory history;
    private final AccessPolicy accessPolicy;
    private final Scorer scorer;
    private final ObjectMapper objectMapper;
    private final FormValidator validator;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final RequestKeyMapper requestKeys;

    public EvaluationFormService(FormStore store, FormMapper formMapper, FormProcess process, FormHistory history,
                                 AccessPolicy accessPolicy, Scorer scorer, ObjectMapper objectMapper,
                                 FormValidator validator, AuditLog audit,
                                 org.springframework.context.ApplicationEventPublisher events,
                                 RequestKeyMapper requestKeys) {
        this.events = events;
        this.requestKeys = requestKeys;
        this.validator = validator;
        this.audit = audit;
        this.store = store;
        this.formMapper = formMapper;
        this.process = process;
        this.history = history;
        this.accessPolicy = accessPolicy;
        this.scorer = scorer;
        this.objectMapper = objectMapper;
    }

    /** The form header if the actor may see it; otherwise not found, so foreign forms stay unknown. */
    @ReadOnly
    public FormHeader visibleHeader(Actor actor, Long formId) {
        FormHeader header = formMapper.findHeader(formId);
        if (header == null || !accessPolicy.canView(actor, header.getUnitId(), header.getSupervisingUnitId())) {
            throw new NotFoundException("评价表不存在或您无权查看");
        }
        return header;
    }

    @ReadOnly
    public StoredForm read(Actor actor, Long formId) {
        return new StoredForm(visibleHeader(actor, formId), store.content(formId));
    }

    @ReadOnly
    public List<WorkflowRecord> history(Actor actor, Long formId) {
        visibleHeader(actor, formId);
        return history.of(formId);
    }

    public boolean canEdit(Actor actor, FormHeader header) {
        return actor.is(Role.UNIT_STAFF) && actor.unitId().equals(header.getUnitId()) && header.getStatus().editable();
    }

    /** Scores content that has not been saved, for the live panel of the form page. */
    public ScoringResult preview(EvaluationForm content) {
        return scorer.score(FormStore.normalized(content));
    }

    @Transactional
    public int saveDraft(Actor actor, Long formId, int version, EvaluationForm content) {
        return saveDraft(actor, formId, FormEdit.of(version, content));
    }

    /** Saves the draft; a request whose key was already done is answered with the current version. */
    @Transactional
    public int saveDraft(Actor actor, Long formId, FormEdit edit) {
        if (earlierOutcome(actor, formId, edit.requestKey()).isPresent()) {
            return formMapper.findHeader(formId).getVersion();
        }
        FormHeader header = editableHeader(actor, formId);
        EvaluationForm content = edit.content();
        keepFixedFields(header, content);
        validator.check(FormStore.normalized(content));
        int newVersion = store.save(formId, edit.version(), content);
        rowsMoved(formId, content, edit.rowOrigins());
        history.record(formId, actor, WorkflowAction.SAVE, header.getStatus(), header.getStatus(), null);
        audit.action(actor, AuditAction.SAVE, "form", formId, null);
        rememberKey(actor, formId, edit.requestKey(), "SAVE", "SAVED");
        return newVersion;
    }

    /** How this actor's request with this key ended, if it was already carried out on this form (SAVED, ACCEPTED, BLOCKED). */
    @ReadOnly
    public java.util.Optional<String> earlierOutcome(Actor actor, Long formId, String requestKey) {
        return requestKey == null ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(requestKeys.outcome(actor.id(), requestKey, formId));
    }

    private void rememberKey(Actor actor, Long formId, String requestKey, String action, String outcome) {
        if (requestKey != null) {
            requestKeys.insert(actor.id(), requestKey, formId, action, outcome, java.time.Instant.now());
        }
    }

    /** Replaces the draft with an imported form (JSON or Excel), all or nothing. */
    @Transactional
    public int importDraft(Actor actor, Long formId, int version, EvaluationForm content, String source) {
        int newVersion = saveDraft(actor, formId, version, content);
        audit.action(actor, AuditAction.IMPORT, "form", formId, source);
        return newVersion;
    }

    /**
     * Saves and submits in one transaction: the draft, the task completion and the automatic
     * scoring commit together. ERROR findings bring the form straight back to 填报.
     */
    @Transactional
    public SubmitOutcome submit(Actor actor, Long formId, int version, EvaluationForm content) {
        return submit(actor, formId, FormEdit.of(version, content));
    }

    @Transactional
    public SubmitOutcome submit(Actor actor, Long formId, FormEdit edit) {
        if (edit.requestKey() != null) {
            String earlier = requestKeys.outcome(actor.id(), edit.requestKey(), formId);
            if (earlier != null) {
                FormHeader now = formMapper.findHeader(formId);
                return new SubmitOutcome("ACCEPTED".equals(earlier), now.getStatus(), now.getVersion(), List.of());
            }
        }
        FormHeader header = editableHeader(actor, formId);
        EvaluationForm content = edit.content();
        int version = edit.version();
        if ("CLOSED".equals(formMapper.campaignStatus(formId))) {
            throw new ConflictException("评价任务已结束，不能再提交");
        }
        keepFixedFields(header, content);
        validator.check(FormStore.normalized(content));
        store.saveIfChanged(formId, version, content);
        rowsMoved(formId, content, edit.rowOrigins());
        FormProcess.OpenTask task = fillTask(formId);
        formMapper.markSubmitted(formId, java.time.Instant.now());
        history.record(formId, actor, WorkflowAction.SUBMIT, header.getStatus(), null, null,
                snapshot(store.content(formId)));
        process.complete(task, Map.of());
        FormHeader after = formMapper.findHeader(formId);
        audit.action(actor, AuditAction.SUBMIT, "form", formId, after.isHasErrors() ? "自动检查未通过" : "已进入审核");
        List<Finding> errors = List.of();
        if (after.isHasErrors()) {
            errors = scorer.score(store.content(formId)).findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR).toList();
        }
        rememberKey(actor, formId, edit.requestKey(), "SUBMIT", after.isHasErrors() ? "BLOCKED" : "ACCEPTED");
        return new SubmitOutcome(!after.isHasErrors(), after.getStatus(), after.getVersion(), errors);
    }

    /** Origins that do not describe the saved rows (a client without the editor script) move nothing. */
    private void rowsMoved(Long formId, EvaluationForm content, List<Integer> rowOrigins) {
        if (rowOrigins == null || rowOrigins.size() != content.getIndicators().size()) {
            return;
        }
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        if (!rowOrigins.stream().filter(java.util.Objects::nonNull).allMatch(seen::add)) {
            return;
        }
        events.publishEvent(new IndicatorRowsMoved(formId,
                java.util.Collections.unmodifiableList(new java.util.ArrayList<>(rowOrigins))));
    }

    /** 撤回: allowed while the supervising department has not claimed the submission. */
    @Transactional
    public void withdraw(Actor actor, Long formId) {
        formMapper.lockForm(formId);
        FormHeader header = visibleHeader(actor, formId);
        if (!actor.is(Role.UNIT_STAFF) || !actor.unitId().equals(header.getUnitId())) {
            throw new ForbiddenException("只有本单位填报人可以撤回");
        }
        FormProcess.OpenTask task = process.openTask(formId);
        if (header.getStatus() != FormStatus.SUPERVISOR_REVIEW || task == null
                || !Stage.SUPERVISOR_REVIEW.taskKey().equals(task.taskKey())) {
            throw new ConflictException("当前状态为「" + header.getStatus().label() + "」，不能撤回");
        }
        if (task.assignee() != null) {
            throw new ConflictException("主管部门已签收，不能撤回；如需修改请联系审核人退回");
        }
        process.withdraw(formId);
        history.record(formId, actor, WorkflowAction.WITHDRAW, FormStatus.SUPERVISOR_REVIEW, FormStatus.DRAFT, null);
        audit.action(actor, AuditAction.WITHDRAW, "form", formId, null);
    }

    /** Refuses before any upload is read: only the unit's staff, only while a draft. */
    @ReadOnly
    public FormHeader requireEditable(Actor actor, Long formId) {
        return editableHeader(actor, formId);
    }

    private FormHeader editableHeader(Actor actor, Long formId) {
        FormHeader header = visibleHeader(actor, formId);
        if (!actor.is(Role.UNIT_STAFF) || !actor.unitId().equals(header.getUnitId())) {
            throw new ForbiddenException("只有本单位填报人可以修改评价表");
        }
        if (!header.getStatus().editable()) {
            throw new ConflictException("评价表当前状态为「" + header.getStatus().label() + "」，不能修改");
        }
        return header;
    }

    private FormProcess.OpenTask fillTask(Long formId) {
        FormProcess.OpenTask task = process.openTask(formId);
        if (task == null || !Stage.FILL.taskKey().equals(task.taskKey())) {
            throw new ConflictException(FormProcess.HANDLED_BY_OTHERS);
        }
        return task;
    }

    /** Type, year, title, unit and rule set come from the campaign, not from what the page posts. */
    private static void keepFixedFields(FormHeader header, EvaluationForm content) {
        content.setFormType(header.getFormType());
        content.setYear(header.getFiscalYear());
        content.setRuleSet(header.getRuleSet());
        content.setUnit(header.getUnitName());
        content.setSupervisingDepartment(header.getSupervisingUnitName());
        content.setTitle(header.getTitle());
    }

    private String snapshot(EvaluationForm content) {
        try {
            return objectMapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
