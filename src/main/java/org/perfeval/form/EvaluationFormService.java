package org.perfeval.form;

import java.util.List;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.organisation.AccessPolicy;
import org.perfeval.shared.Actor;
import org.perfeval.shared.Role;
import org.perfeval.scoring.Scorer;
import org.perfeval.scoring.ScoringResult;
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
    private final java.time.Clock clock;
    private final FormHistory history;
    private final AccessPolicy accessPolicy;
    private final Scorer scorer;
    private final ObjectMapper objectMapper;
    private final FormValidator validator;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final RequestKeyMapper requestKeys;
    private org.perfeval.organisation.UnitNames unitNames;

    public EvaluationFormService(FormStore store, FormMapper formMapper, java.time.Clock clock, FormHistory history,
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
        this.clock = clock;
        this.history = history;
        this.accessPolicy = accessPolicy;
        this.scorer = scorer;
        this.objectMapper = objectMapper;
    }

    @org.springframework.beans.factory.annotation.Autowired
    void setUnitNames(org.perfeval.organisation.UnitNames unitNames) {
        this.unitNames = unitNames;
    }

    /** The form header if the actor may see it; otherwise not found, so foreign forms stay unknown. */
    @ReadOnly
    public FormHeader visibleHeader(Actor actor, Long formId) {
        FormHeader header = header(formId);
        if (header == null || !accessPolicy.canView(actor, header.getUnitId(), header.getSupervisingUnitId())) {
            throw new NotFoundException("评价表不存在或您无权查看");
        }
        return header;
    }

    /**
     * The headers of those of these forms the actor may see, in one read (a list page's rows, where
     * {@link #visibleHeader} per row was a read per row); the unit paths behind the checks are read
     * once per unit.
     */
    @ReadOnly
    public List<FormHeader> visibleHeaders(Actor actor, java.util.Collection<Long> formIds) {
        if (formIds.isEmpty()) {
            return List.of();
        }
        return org.perfeval.shared.ReadMemo.during(() -> formMapper.findHeaders(formIds).stream()
                .filter(h -> accessPolicy.canView(actor, h.getUnitId(), h.getSupervisingUnitId())).toList());
    }

    /**
     * The form header if the actor may read it: within scope, or granted this one form (征求意见,
     * 抄送; see AccessPolicy#canRead). For pages and downloads only; a change takes {@link #visibleHeader}.
     */
    @ReadOnly
    public FormHeader readableHeader(Actor actor, Long formId) {
        FormHeader header = header(formId);
        if (header == null || !accessPolicy.canRead(actor, formId, header.getUnitId(), header.getSupervisingUnitId())) {
            throw new NotFoundException("评价表不存在或您无权查看");
        }
        return header;
    }

    /** The header; read once while a page is drawn, where each section checks access again. */
    private FormHeader header(Long formId) {
        return org.perfeval.shared.ReadMemo.read(() -> formMapper.findHeader(formId), "formHeader", formId);
    }

    @ReadOnly
    public StoredForm read(Actor actor, Long formId) {
        return new StoredForm(readableHeader(actor, formId), store.content(formId));
    }

    @ReadOnly
    public List<WorkflowRecord> history(Actor actor, Long formId) {
        readableHeader(actor, formId);
        return history.of(formId);
    }

    public boolean canEdit(Actor actor, FormHeader header) {
        return accessPolicy.actsForUnit(actor, header.getUnitId()) && header.getStatus().editable()
                && !campaignClosed(header);
    }

    /**
     * 评价任务已结束 for this form: its forms not yet submitted are read-only and leave 待办, unless an
     * administrator reopened the form (补报).
     */
    public boolean campaignClosed(FormHeader header) {
        return !header.isReopened() && "CLOSED".equals(header.getCampaignStatus());
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

    /** Remembers how a keyed request ended, so that its repetition is answered as the first. */
    public void rememberKey(Actor actor, Long formId, String requestKey, String action, String outcome) {
        if (requestKey != null) {
            requestKeys.insert(actor.id(), requestKey, formId, action, outcome, clock.instant());
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
     * The administrator's whole-campaign import: replaces one unit's draft with a form read from a
     * workbook of many units' forms, as the unit's own import would (fixed fields from the campaign,
     * validated, versioned, in the form's history and the audit log).
     */
    @Transactional
    public int importDraftAsAdministrator(Actor admin, Long formId, int version, EvaluationForm content, String source) {
        if (!admin.is(Role.ADMIN)) {
            throw new ForbiddenException("只有绩效管理员可以整体导入");
        }
        FormHeader header = visibleHeader(admin, formId);
        if (!header.getStatus().editable()) {
            throw new ConflictException("评价表当前状态为「" + header.getStatus().label() + "」，不能导入");
        }
        keepFixedFields(header, content);
        validator.check(FormStore.normalized(content));
        int newVersion = store.save(formId, version, content);
        history.record(formId, admin, WorkflowAction.SAVE, header.getStatus(), header.getStatus(), "整体导入");
        audit.action(admin, AuditAction.IMPORT, "form", formId, source);
        return newVersion;
    }

    /**
     * The content part of 提交, inside the approval's transaction: the unit's staff only, a draft only,
     * an open campaign only; validates, saves the posted content if it changed, files the names and the
     * submission time, and returns the header as read before the save (the status a history entry
     * starts from; the version has moved on).
     */
    public FormHeader saveForSubmission(Actor actor, Long formId, FormEdit edit) {
        FormHeader header = editableHeader(actor, formId);
        EvaluationForm content = edit.content();
        if (campaignClosed(header)) {
            throw new ConflictException("评价任务已结束，不能再提交");
        }
        keepFixedFields(header, content);
        validator.check(FormStore.normalized(content));
        store.saveIfChanged(formId, edit.version(), content, filing(header));
        rowsMoved(formId, content, edit.rowOrigins());
        return header;
    }

    /** Names as at filing: each submission copies the unit's current names onto the form, with its time. */
    private FormMapper.Filing filing(FormHeader header) {
        return new FormMapper.Filing(unitNames.name(header.getUnitId()), unitNames.name(header.getSupervisingUnitId()),
                unitNames.path(header.getUnitId()), clock.instant());
    }

    /** The stored content as JSON, kept with a history entry (the form as it was). */
    public String snapshot(Long formId) {
        return snapshot(store.content(formId));
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

    /** Refuses before any upload is read: only the unit's staff, only while a draft. */
    @ReadOnly
    public FormHeader requireEditable(Actor actor, Long formId) {
        return editableHeader(actor, formId);
    }

    private FormHeader editableHeader(Actor actor, Long formId) {
        FormHeader header = visibleHeader(actor, formId);
        if (!accessPolicy.actsForUnit(actor, header.getUnitId())) {
            throw new ForbiddenException("只有本单位填报人可以修改评价表");
        }
        if (!header.getStatus().editable()) {
            throw new ConflictException("评价表当前状态为「" + header.getStatus().label() + "」，不能修改");
        }
        if (campaignClosed(header)) {
            throw new ConflictException("评价任务已结束，不能再修改或提交");
        }
        return header;
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

    /** The rule set's Chinese name, as the form page shows it. */
    public String ruleSetLabel(String ruleSet) {
        return scorer.ruleSetLabel(ruleSet);
    }
}
