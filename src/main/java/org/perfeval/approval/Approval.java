package org.perfeval.approval;

import java.util.List;
import java.util.Map;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormEdit;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormHistory;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.form.WorkflowAction;
import org.perfeval.form.WorkflowRecord;
import org.perfeval.organisation.AccessPolicy;
import org.perfeval.organisation.OrgMapper;
import org.perfeval.organisation.OrgUnit;
import org.perfeval.scoring.Finding;
import org.perfeval.scoring.ScoringResult;
import org.perfeval.scoring.Severity;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.ReadOnly;
import org.perfeval.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The state changes of a form's approval: start, submit, withdraw, claim, decide. Each takes the
 * form's row lock first ({@link ApprovalMapper#lockForm}), so two changes of one form never both
 * succeed (a claim and a withdrawal, two reviewers deciding): the second waits, then finds the form
 * moved on and is refused with a Chinese message. What follows a step (inbox, notices, publication,
 * overdue marks) reacts to {@link ApprovalEvents} in the same transaction.
 */
@Service
public class Approval {
    private final FormProcess process;
    private final ApprovalMapper mapper;
    private final EvaluationFormService forms;
    private final FormMapper formMapper;
    private final FormHistory history;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final AccessPolicy accessPolicy;
    private final OrgMapper orgMapper;

    Approval(FormProcess process, ApprovalMapper mapper, EvaluationFormService forms, FormMapper formMapper,
             FormHistory history, AuditLog audit, ApplicationEventPublisher events, ObjectMapper json,
             AccessPolicy accessPolicy, OrgMapper orgMapper) {
        this.accessPolicy = accessPolicy;
        this.orgMapper = orgMapper;
        this.process = process;
        this.mapper = mapper;
        this.forms = forms;
        this.formMapper = formMapper;
        this.history = history;
        this.audit = audit;
        this.events = events;
        this.json = json;
    }

    /** Starts the form's process (business key = form id); the first task's listener records the instance. */
    public String start(Long formId) {
        return process.start(formId);
    }

    /** Starts the processes of a batch of forms together (a campaign's opening). */
    public void startAll(List<Long> formIds) {
        process.startAll(formIds);
    }

    /** The form's open user task, or null when it has none (e.g. published). */
    @ReadOnly
    public OpenTask openTask(Long formId) {
        return process.openTask(formId);
    }

    /** The stage this actor reviews at, or null for roles that do not review. */
    public static Stage reviewStageOf(Actor actor) {
        return switch (actor.role()) {
            case SUPERVISOR_REVIEWER -> Stage.SUPERVISOR_REVIEW;
            case FINANCE_REVIEWER -> Stage.FINANCE_REVIEW;
            default -> null;
        };
    }

    /** Refuses roles that never review, before any input is looked at. */
    public static Stage requireReviewer(Actor actor) {
        Stage stage = reviewStageOf(actor);
        if (stage == null) {
            throw new ForbiddenException("您的角色不能审核评价表");
        }
        return stage;
    }

    /** True when the form waits at this actor's review stage and nobody else has claimed it. */
    @ReadOnly
    public boolean canReview(Actor actor, FormHeader header) {
        Stage stage = reviewStageOf(actor);
        if (stage == null || header.getStatus() != stage.status()) {
            return false;
        }
        OpenTask task = process.openTask(header.getId());
        return task != null && task.stage() == stage && offeredTo(actor, task)
                && (task.assignee() == null || task.assignee().equals(actor.username()))
                && !process.delegationPending(task);
    }

    /**
     * The task is offered to one of the actor's groups: a reviewer who sees a form (it is in their
     * subtree) reviews it only at their own level of its chain.
     */
    private boolean offeredTo(Actor actor, OpenTask task) {
        return task.candidateGroup() == null || accessPolicy.candidateGroups(actor).contains(task.candidateGroup());
    }

    /**
     * Saves and submits in one transaction: the draft, the task completion and the automatic scoring
     * (自评打分, a service task of the process) commit together. ERROR findings bring the form
     * straight back to 填报; they are read from the score the process stored, not scored again.
     */
    @Transactional
    public SubmitOutcome submit(Actor actor, Long formId, FormEdit edit) {
        String earlier = forms.earlierOutcome(actor, formId, edit.requestKey()).orElse(null);
        if (earlier != null) {
            FormHeader now = formMapper.findHeader(formId);
            return new SubmitOutcome("ACCEPTED".equals(earlier), now.getStatus(), now.getVersion(), List.of());
        }
        mapper.lockForm(formId);
        FormHeader header = forms.saveForSubmission(actor, formId, edit);
        OpenTask task = process.openTask(formId);
        if (task == null || task.stage() != Stage.FILL) {
            throw new ConflictException(FormProcess.HANDLED_BY_OTHERS);
        }
        history.record(formId, actor, WorkflowAction.SUBMIT, header.getStatus(), null, null, forms.snapshot(formId));
        process.complete(task, Map.of());
        FormHeader after = formMapper.findHeader(formId);
        audit.action(actor, AuditAction.SUBMIT, "form", formId, after.isHasErrors() ? "自动检查未通过" : "已进入审核");
        List<Finding> errors = after.isHasErrors() ? errorsOf(after.getScoreJson()) : List.of();
        forms.rememberKey(actor, formId, edit.requestKey(), "SUBMIT", after.isHasErrors() ? "BLOCKED" : "ACCEPTED");
        return new SubmitOutcome(!after.isHasErrors(), after.getStatus(), after.getVersion(), errors);
    }

    /** {@link #submit(Actor, Long, FormEdit)} without a request key or row origins. */
    @Transactional
    public SubmitOutcome submit(Actor actor, Long formId, int version, EvaluationForm content) {
        return submit(actor, formId, FormEdit.of(version, content));
    }

    private List<Finding> errorsOf(String scoreJson) {
        try {
            return json.readValue(scoreJson, ScoringResult.class).findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored score of a form is unreadable", e);
        }
    }

    /** 撤回: the unit takes its submission back while no supervising reviewer has claimed it. */
    @Transactional
    public void withdraw(Actor actor, Long formId) {
        mapper.lockForm(formId);
        FormHeader header = forms.visibleHeader(actor, formId);
        if (!actor.is(Role.UNIT_STAFF) || !actor.unitId().equals(header.getUnitId())) {
            throw new ForbiddenException("只有本单位填报人可以撤回");
        }
        OpenTask task = process.openTask(formId);
        if (task == null || !atFirstReviewer(task) || header.getStatus() != task.stage().status()) {
            throw new ConflictException("当前状态为「" + header.getStatus().label() + "」，不能撤回");
        }
        if (task.assignee() != null) {
            throw new ConflictException("审核人已签收，不能撤回；如需修改请联系审核人退回");
        }
        process.withdraw(formId, task);
        history.record(formId, actor, WorkflowAction.WITHDRAW, header.getStatus(), FormStatus.DRAFT, null);
        audit.action(actor, AuditAction.WITHDRAW, "form", formId, null);
    }

    /**
     * The task is the form's first review: the first level of its chain, or 财政 for a form that goes
     * straight there (version 3); the 主管部门 stage before version 3.
     */
    private boolean atFirstReviewer(OpenTask task) {
        if (task.stage() == Stage.FILL) {
            return false;
        }
        ReviewPosition position = process.position(task);
        return position == null ? task.stage() == Stage.SUPERVISOR_REVIEW : position.atFirstReviewer();
    }

    /** True when the unit's staff may withdraw the form now (the form page's button). */
    @ReadOnly
    public boolean canWithdraw(Actor actor, FormHeader header) {
        if (!accessPolicy.actsForUnit(actor, header.getUnitId())) {
            return false;
        }
        OpenTask task = process.openTask(header.getId());
        return task != null && task.assignee() == null && atFirstReviewer(task);
    }

    /** 签收: the reviewer takes the form; a unit can then no longer withdraw it. */
    @Transactional
    public void claim(Actor actor, Long formId) {
        mapper.lockForm(formId);
        FormHeader header = forms.visibleHeader(actor, formId);
        OpenTask task = reviewTask(actor, header);
        if (task.assignee() != null) {
            if (task.assignee().equals(actor.username())) {
                return;
            }
            throw new ConflictException("该评价表已由其他审核人签收");
        }
        process.claim(task, actor.username());
        history.record(formId, actor, WorkflowAction.CLAIM, header.getStatus(), header.getStatus(), null);
        audit.action(actor, AuditAction.CLAIM, "form", formId, null);
    }

    /**
     * Locks the form and returns it with the review task this actor may decide; refused when the form
     * is not at the actor's review stage. Call {@link #decide} in the same transaction.
     */
    @Transactional
    public ReviewTask reviewTaskForDecision(Actor actor, Long formId) {
        mapper.lockForm(formId);
        FormHeader header = forms.visibleHeader(actor, formId);
        return new ReviewTask(header, reviewTask(actor, header));
    }

    /** A form locked for a decision and its open review task. */
    public record ReviewTask(FormHeader header, OpenTask task) {

        public Stage stage() {
            return task.stage();
        }
    }

    /**
     * Approve or return; the caller has stored the opinion ({@code opinionId}). The return reason,
     * the history entry and the task completion commit with it; what the process then does (the
     * next task, 公开) follows in the same transaction.
     */
    @Transactional
    public void decide(Actor actor, ReviewTask review, Decision decision, String reason, String overallOpinion,
                       Long opinionId) {
        decide(actor, review, decision, reason, overallOpinion, opinionId, null);
    }

    /**
     * {@link #decide(Actor, ReviewTask, Decision, String, String, Long)} with the level a
     * {@link Decision#RETURN_TO_LEVEL} goes to (one of {@link #returnLevels}). From version 3 the
     * process is told the next level: the following one after an approval, the chosen one after a return.
     */
    @Transactional
    public void decide(Actor actor, ReviewTask review, Decision decision, String reason, String overallOpinion,
                       Long opinionId, Integer returnLevel) {
        OpenTask task = review.task();
        Long formId = review.header().getId();
        process.decide(task, point -> {
            ReviewPosition position = point.position();
            Integer nextIndex = null;
            boolean nextLevel = false;
            String target = null;
            if (position == null && decision == Decision.RETURN_TO_LEVEL) {
                throw new ConflictException("该评价表按旧版流程审批，只能退回单位或主管部门");
            }
            if (position != null) {
                switch (decision) {
                    case APPROVE -> {
                        if (!position.atFinance()) {
                            nextIndex = position.levelIndex() + 1;
                            nextLevel = nextIndex < position.chain().size();
                        }
                    }
                    case RETURN_TO_LEVEL -> {
                        if (returnLevel == null || !position.earlierLevels().contains(returnLevel)) {
                            throw new ConflictException("请选择本评价表此前的审核层级");
                        }
                        nextIndex = returnLevel;
                    }
                    case RETURN_TO_SUPERVISOR -> {
                        if (!position.atFinance() || position.chain().isEmpty()) {
                            throw new ConflictException("该评价表没有主管部门审核层级，不能退回主管部门");
                        }
                        nextIndex = position.chain().size() - 1;
                    }
                    case RETURN_TO_UNIT -> { }
                }
                if (decision.isReturn() && nextIndex != null) {
                    target = unitName(position.chain().levelUnit(nextIndex));
                }
            }
            // An unclaimed task is completed without claiming it first: a claim is one more engine command
            // (about a dozen statements), and who decided is in the opinion and the form's history.
            if (point.delegationPending()) {
                throw new ConflictException("该任务已委派，被委派人只能回复处理意见；须待其回复后由委派人审核");
            }
            if (task.assignee() != null && !task.assignee().equals(actor.username())) {
                throw new ConflictException("该评价表已由其他审核人签收");
            }
            if (decision.isReturn()) {
                formMapper.updateReturnReason(formId, reason);
                events.publishEvent(new ApprovalEvents.FormReturned(formId, opinionId, decision));
            }
            // Recorded before the completion so that it precedes what the process then does (公开).
            history.record(formId, actor, decision.action(), review.header().getStatus(),
                    decision.leadsTo(task.stage(), nextLevel),
                    decision.isReturn() ? (target == null ? reason : "退回至「" + target + "」：" + reason) : overallOpinion);
            audit.action(actor, decision.isReturn() ? AuditAction.RETURN : AuditAction.APPROVE, "form", formId,
                    target == null ? decision.label() : decision.label() + "：" + target);
            return new FormProcess.Completion(position == null || position.atFinance() && decision == Decision.APPROVE
                    ? Map.of("decision", decision.name())
                    : Map.of("decision", decision.name(), "nextLevel", nextLevel), nextIndex);
        });
    }

    /** An earlier review level of a form's chain a reviewer may return it to (驳回到指定节点). */
    public record ReturnTarget(int level, Long unitId, String unitName) {
    }

    /**
     * The earlier levels the form may be returned to from this review task, first level first; empty
     * at the first level and for processes started before version 3.
     */
    @ReadOnly
    public List<ReturnTarget> returnLevels(ReviewTask review) {
        ReviewPosition position = process.position(review.task());
        if (position == null) {
            return List.of();
        }
        return position.earlierLevels().stream()
                .map(i -> new ReturnTarget(i, position.chain().levelUnit(i), unitName(position.chain().levelUnit(i))))
                .toList();
    }

    /** A form's review chain as the form page shows it: the levels' names, then 财政, and the one reviewing now. */
    public record ReviewProgress(List<String> steps, int current) {
    }

    /** The review chain of a form under review (process version 3 on), or null. */
    @ReadOnly
    public ReviewProgress reviewProgress(FormHeader header) {
        OpenTask task = process.openTask(header.getId());
        ReviewPosition position = task == null || task.stage() == Stage.FILL ? null : process.position(task);
        if (position == null) {
            return null;
        }
        List<String> steps = new java.util.ArrayList<>(position.chain().levels().stream().map(this::unitName).toList());
        steps.add("财政部门");
        return new ReviewProgress(steps, Math.min(position.levelIndex(), position.chain().size()));
    }

    /** True when the form's open task runs on a review chain (process version 3 on). */
    @ReadOnly
    public boolean followsReviewChain(FormHeader header) {
        OpenTask task = process.openTask(header.getId());
        return task != null && task.stage() != Stage.FILL && process.position(task) != null;
    }

    /** {@link #returnLevels} for the form page: empty unless the actor reviews the form now. */
    @ReadOnly
    public List<ReturnTarget> returnLevels(Actor actor, FormHeader header) {
        if (!canReview(actor, header)) {
            return List.of();
        }
        return returnLevels(new ReviewTask(header, process.openTask(header.getId())));
    }

    /**
     * 撤回审批: a reviewer takes back their own approval while the next level (or 财政) has neither
     * claimed nor acted on the form; the form returns to the reviewer's level, claimed by them.
     */
    @Transactional
    public void recall(Actor actor, Long formId) {
        mapper.lockForm(formId);
        FormHeader header = forms.visibleHeader(actor, formId);
        requireReviewer(actor);
        OpenTask task = process.openTask(formId);
        String refusal = recallRefusal(actor, header, task);
        if (refusal != null) {
            throw new ConflictException(refusal);
        }
        ReviewPosition position = process.position(task);
        int level = position.previousLevel();
        process.recallTo(task, level, actor.username());
        String unit = unitName(position.chain().levelUnit(level));
        history.record(formId, actor, WorkflowAction.RECALL, header.getStatus(), FormStatus.SUPERVISOR_REVIEW,
                "撤回至「" + unit + "」重新审核");
        audit.action(actor, AuditAction.RECALL, "form", formId, unit);
    }

    /** True when {@link #recall} would succeed now (the form page's button). */
    @ReadOnly
    public boolean canRecall(Actor actor, FormHeader header) {
        return reviewStageOf(actor) != null && recallRefusal(actor, header, process.openTask(header.getId())) == null;
    }

    /** Why the actor cannot recall now, in Chinese; null when they can. */
    private String recallRefusal(Actor actor, FormHeader header, OpenTask task) {
        if (task == null || task.stage() == Stage.FILL) {
            return "该评价表当前不在审核中，没有可撤回的审批";
        }
        ReviewPosition position = process.position(task);
        if (position == null || position.previousLevel() < 0) {
            return "该评价表当前没有可撤回的审批";
        }
        String group = AccessPolicy.departmentGroup(position.chain().levelUnit(position.previousLevel()));
        if (!accessPolicy.candidateGroups(actor).contains(group)) {
            return "只能撤回本人作出的审批";
        }
        if (task.assignee() != null) {
            return "下一审核层级已签收，不能撤回";
        }
        WorkflowRecord last = lastStep(header.getId());
        if (last == null || !WorkflowAction.APPROVE.name().equals(last.action()) || !actor.id().equals(last.actorId())) {
            return "只能撤回本人作出、且下一审核层级尚未处理的审批";
        }
        return null;
    }

    /**
     * The form's latest step taken by a person (reminders are not steps of the form itself, and a
     * copy (抄送) is part of the decision it came with).
     */
    private WorkflowRecord lastStep(Long formId) {
        List<WorkflowRecord> records = history.of(formId);
        for (int i = records.size() - 1; i >= 0; i--) {
            WorkflowRecord record = records.get(i);
            if (!WorkflowAction.REMIND.name().equals(record.action())
                    && !WorkflowAction.CARBON_COPY.name().equals(record.action())) {
                return record;
            }
        }
        return null;
    }

    private String unitName(Long unitId) {
        OrgUnit unit = orgMapper.findUnit(unitId);
        return unit == null ? String.valueOf(unitId) : unit.name();
    }

    private OpenTask reviewTask(Actor actor, FormHeader header) {
        Stage stage = requireReviewer(actor);
        OpenTask task = process.openTask(header.getId());
        if (task == null || task.stage() != stage) {
            throw new ConflictException("该评价表当前状态为「" + header.getStatus().label() + "」，不在您的审核环节；可能已被他人处理。");
        }
        if (!offeredTo(actor, task)) {
            throw new ConflictException("该评价表当前由其他审核层级审核，不在您的审核环节。");
        }
        return task;
    }
}
