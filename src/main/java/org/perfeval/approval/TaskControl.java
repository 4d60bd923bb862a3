package org.perfeval.approval;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormHistory;
import org.perfeval.form.WorkflowAction;
import org.perfeval.organisation.AccessPolicy;
import org.perfeval.organisation.AppUser;
import org.perfeval.organisation.OrgMapper;
import org.perfeval.organisation.PickOption;
import org.perfeval.organisation.ReviewerDirectory;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.FieldProblem;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.shared.ReadOnly;
import org.perfeval.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reviewers do with an open review task besides deciding it, as Chinese BPM suites offer them:
 * 取消签收 (release), 改派 (reassign, by an administrator or the group's lead reviewer), 转办
 * (transfer: the colleague owns the task from now on) and 委派 (delegate: the colleague answers and
 * the task comes back to the delegator, who alone decides; the engine's owner and delegation state).
 *
 * <p>Every change takes the form's row lock first, like the other state changes in {@link Approval},
 * so a transfer racing a claim or a decision queues behind it and then finds the task moved on. The
 * engine's assignment listener keeps the inbox projection's assignee; {@link ApprovalEvents.TaskHandedOver}
 * tells the notices.
 */
@Service
public class TaskControl {
    static final int MAX_TEXT = 2000;
    static final int MAX_ASKED = 20;
    static final int MAX_COPIED = 200;
    static final int MAX_COPIED_UNITS = 20;

    private final ApprovalMapper mapper;
    private final FormProcess process;
    private final TaskService taskService;
    private final EvaluationFormService forms;
    private final FormHistory history;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final AccessPolicy accessPolicy;
    private final ReviewerDirectory reviewers;
    private final OrgMapper org;
    private final ConsultationMapper consultations;
    private final java.time.Clock clock;
    private final CarbonCopyMapper copies;

    TaskControl(ApprovalMapper mapper, FormProcess process, TaskService taskService, EvaluationFormService forms,
                FormHistory history, AuditLog audit, ApplicationEventPublisher events, AccessPolicy accessPolicy,
                ReviewerDirectory reviewers, OrgMapper org, ConsultationMapper consultations, java.time.Clock clock,
                CarbonCopyMapper copies) {
        this.copies = copies;
        this.consultations = consultations;
        this.clock = clock;
        this.mapper = mapper;
        this.process = process;
        this.taskService = taskService;
        this.forms = forms;
        this.history = history;
        this.audit = audit;
        this.events = events;
        this.accessPolicy = accessPolicy;
        this.reviewers = reviewers;
        this.org = org;
    }

    /** The open review task with what the engine knows beyond the projection: its owner while delegated. */
    record HeldTask(FormHeader header, OpenTask task, String owner, boolean delegated) {
    }

    /**
     * What the form page offers this actor for the form's open review task; none when it has none.
     * Whom to copy or ask is searched for as the reviewer types ({@link #people}), never listed whole.
     */
    public record Controls(String assignee, String assigneeName, String ownerName, boolean delegated,
                           boolean canRelease, boolean canTransfer, boolean canDelegate, boolean canResolve,
                           boolean canReassign, boolean canConsult, boolean canCopy, List<AppUser> colleagues,
                           List<AppUser> groupReviewers, int unansweredConsultations) {

        public static final Controls NONE = new Controls(null, null, null, false, false, false, false, false, false,
                false, false, List.of(), List.of(), 0);

        public boolean any() {
            return canRelease || canTransfer || canDelegate || canResolve || canReassign || canConsult;
        }
    }

    /** Where an actor stands to the form's open review task. */
    private record Standing(boolean member, boolean mine, boolean free, boolean delegated, String owner) {
        /** 抄送 and 征求意见: a reviewer of the task's group who holds it or may claim it, while it is not delegated. */
        boolean mayPick() {
            return member && free && !delegated;
        }
    }

    private Standing standing(Actor actor, OpenTask task) {
        Task engineTask = task.assignee() == null ? null : engineTask(task);
        boolean delegated = engineTask != null && engineTask.getDelegationState() == DelegationState.PENDING;
        boolean mine = actor.username().equals(task.assignee());
        return new Standing(worksOn(actor, task), mine, task.assignee() == null || mine, delegated,
                delegated ? engineTask.getOwner() : null);
    }

    private static boolean underReview(OpenTask task) {
        return task != null && task.stage() != Stage.FILL && task.candidateGroup() != null;
    }

    @ReadOnly
    public Controls controls(Actor actor, FormHeader header) {
        OpenTask task = process.openTask(header.getId());
        if (!underReview(task)) {
            return Controls.NONE;
        }
        boolean member = worksOn(actor, task);
        boolean reassigner = accessPolicy.administers(actor) || reviewers.isLeadOf(actor, task.candidateGroup());
        if (!member && !reassigner) {
            return Controls.NONE;
        }
        Standing at = standing(actor, task);
        List<AppUser> group = reviewers.membersOf(task.candidateGroup());
        List<AppUser> colleagues = group.stream().filter(u -> !u.id().equals(actor.id())).toList();
        boolean handsOver = at.mayPick() && !colleagues.isEmpty();
        return new Controls(task.assignee(), nameOf(task.assignee()), nameOf(at.owner()), at.delegated(),
                member && at.mine() && !at.delegated(), handsOver, handsOver, member && at.mine() && at.delegated(),
                reassigner, at.mayPick(), at.mayPick(), colleagues, group, consultations.countUnanswered(task.id()));
    }

    /** What a picker looks for: people to copy, reviewers to ask (征求意见), units to copy. */
    enum PickKind {
        COPY, EXPERT, UNIT;

        static PickKind parse(String kind) {
            for (PickKind k : values()) {
                if (k.name().equalsIgnoreCase(kind == null ? "" : kind.strip())) {
                    return k;
                }
            }
            throw new InvalidInputException("kind", "查找类型无效，应为 copy、expert 或 unit");
        }
    }

    /**
     * The picker's answers as the reviewer types (at most {@link ReviewerDirectory#PICKS}): for whoever
     * may copy or consult on the form's open review task, by the same rules as the posts; anyone else
     * is told not found (form out of reach) or refused.
     */
    @ReadOnly
    public ReviewerDirectory.Found people(Actor actor, Long formId, String kind, String text) {
        FormHeader header = forms.readableHeader(actor, formId);
        OpenTask task = process.openTask(header.getId());
        if (!underReview(task) || !worksOn(actor, task) || !standing(actor, task).mayPick()) {
            throw new ForbiddenException("只有可以办理本表当前审核任务的审核人才能选择抄送或征求意见的对象");
        }
        return switch (PickKind.parse(kind)) {
            case COPY -> reviewers.findPeople(text, false, actor.id());
            case EXPERT -> reviewers.findPeople(text, true, actor.id());
            case UNIT -> reviewers.findUnits(text);
        };
    }

    /** 取消签收: the claimant gives the task back to the group. */
    @Transactional
    public void release(Actor actor, Long formId) {
        HeldTask held = hold(actor, formId);
        OpenTask task = held.task();
        requireMember(actor, task);
        if (held.delegated()) {
            throw new ConflictException("该任务已委派给" + nameOf(task.assignee()) + "，须待其回复后才能取消签收");
        }
        if (task.assignee() == null) {
            throw new ConflictException("该评价表尚未签收，无需取消");
        }
        if (!task.assignee().equals(actor.username())) {
            throw new ForbiddenException("只有签收人本人可以取消签收；该任务由" + nameOf(task.assignee()) + "签收");
        }
        process.guardTask(task, () -> taskService.setAssignee(task.id(), null));
        record(actor, held, WorkflowAction.RELEASE, AuditAction.TASK_RELEASE, "退回本环节待签收");
        events.publishEvent(new ApprovalEvents.TaskHandedOver(formId, task.id(), HandOver.RELEASED,
                task.candidateGroup(), actor.id(), actor.id(), null));
    }

    /**
     * 改派: an administrator or the group's lead reviewer gives any open task of the group to one of
     * its reviewers, e.g. the task an absent colleague had claimed. A pending delegation ends with it.
     */
    @Transactional
    public void reassign(Actor actor, Long formId, Long toUserId) {
        mapper.lockForm(formId);
        FormHeader header = forms.visibleHeader(actor, formId);
        if (!accessPolicy.administers(actor) && Approval.reviewStageOf(actor) == null) {
            throw new ForbiddenException("只有管理员或牵头审核人可以改派任务");
        }
        HeldTask held = held(header);
        OpenTask task = held.task();
        if (!accessPolicy.administers(actor) && !reviewers.isLeadOf(actor, task.candidateGroup())) {
            throw new ForbiddenException("只有管理员或本环节的牵头审核人可以改派任务");
        }
        AppUser to = groupMember(toUserId, task, "to", "改派");
        if (to.username().equals(task.assignee()) && !held.delegated()) {
            throw new InvalidInputException("to", "该任务已由" + to.displayName() + "签收，无需改派");
        }
        String from = task.assignee();
        process.guardTask(task, () -> {
            if (held.delegated()) {
                taskService.resolveTask(task.id());
            }
            taskService.setAssignee(task.id(), to.username());
        });
        record(actor, held, WorkflowAction.REASSIGN, AuditAction.TASK_REASSIGN,
                (from == null ? "未签收任务" : "从" + nameOf(from)) + "改派给" + to.displayName());
        events.publishEvent(new ApprovalEvents.TaskHandedOver(formId, task.id(), HandOver.REASSIGNED,
                task.candidateGroup(), actor.id(), idOf(from), to.id()));
    }

    /** 转办: the claimant (or any reviewer of the group, while unclaimed) hands the task to a colleague. */
    @Transactional
    public void transfer(Actor actor, Long formId, Long toUserId, String reason) {
        HeldTask held = holdForHandOver(actor, formId, "转办");
        OpenTask task = held.task();
        AppUser to = colleague(actor, toUserId, task, "转办");
        String why = optionalText("note", "转办说明", reason);
        process.guardTask(task, () -> taskService.setAssignee(task.id(), to.username()));
        record(actor, held, WorkflowAction.TRANSFER, AuditAction.TASK_TRANSFER,
                "转办给" + to.displayName() + (why == null ? "" : "：" + why));
        events.publishEvent(new ApprovalEvents.TaskHandedOver(formId, task.id(), HandOver.TRANSFERRED,
                task.candidateGroup(), actor.id(), actor.id(), to.id()));
    }

    /**
     * 委派: the colleague looks at the form and answers; the task then returns to the delegator, who
     * decides. An unclaimed task is claimed by the delegator first, so that it has someone to return to.
     */
    @Transactional
    public void delegate(Actor actor, Long formId, Long toUserId, String note) {
        HeldTask held = holdForHandOver(actor, formId, "委派");
        OpenTask task = held.task();
        AppUser to = colleague(actor, toUserId, task, "委派");
        String what = optionalText("note", "委派说明", note);
        process.guardTask(task, () -> {
            if (task.assignee() == null) {
                taskService.claim(task.id(), actor.username());
            }
            taskService.delegateTask(task.id(), to.username());
        });
        record(actor, held, WorkflowAction.DELEGATE, AuditAction.TASK_DELEGATE,
                "委派给" + to.displayName() + (what == null ? "" : "：" + what));
        events.publishEvent(new ApprovalEvents.TaskHandedOver(formId, task.id(), HandOver.DELEGATED,
                task.candidateGroup(), actor.id(), actor.id(), to.id()));
    }

    /** 委派回复: the delegate answers; the task goes back to the delegator. */
    @Transactional
    public void resolve(Actor actor, Long formId, String answer) {
        HeldTask held = hold(actor, formId);
        OpenTask task = held.task();
        if (!held.delegated() || !actor.username().equals(task.assignee())) {
            throw new ForbiddenException("只有被委派人可以回复委派；该任务当前没有委派给您");
        }
        String text = requiredText("answer", "处理意见", answer);
        process.guardTask(task, () -> taskService.resolveTask(task.id()));
        record(actor, held, WorkflowAction.RESOLVE, AuditAction.TASK_RESOLVE, text);
        events.publishEvent(new ApprovalEvents.TaskHandedOver(formId, task.id(), HandOver.RESOLVED,
                task.candidateGroup(), actor.id(), actor.id(), idOf(held.owner())));
    }

    /**
     * 征求意见 (加签): the reviewer who may decide the task asks colleagues or experts, any reviewers,
     * for an opinion. They may read the form from now on and answer while the task waits; deciding
     * does not wait for them (see {@link #unansweredConsultations}).
     */
    @Transactional
    public List<Long> consult(Actor actor, Long formId, List<Long> askedIds, String question) {
        return consult(actor, formId, askedIds, null, question);
    }

    /**
     * {@link #consult(Actor, Long, List, String)} with the picker's chosen ids and what was typed in it
     * without script: login names, each one that may be asked.
     */
    @Transactional
    public List<Long> consult(Actor actor, Long formId, List<Long> askedIds, String typedNames, String question) {
        HeldTask held = holdForHandOver(actor, formId, "征求意见");
        OpenTask task = held.task();
        List<FieldProblem> problems = new java.util.ArrayList<>();
        List<Long> typed = typedPeople(actor, PickKind.EXPERT, "askedNames", typedNames, problems);
        List<Long> asked = java.util.stream.Stream.concat(nonNull(askedIds), typed.stream()).distinct().toList();
        // The ids are checked once the typed names are right (their problems are told beside them).
        String refused = !problems.isEmpty() ? null
                : asked.isEmpty() ? "请选择征求意见的对象"
                : asked.size() > MAX_ASKED ? "一次最多向 " + MAX_ASKED + " 人征求意见"
                : asked.contains(actor.id()) ? "不能向自己征求意见"
                : !reviewers.enabledAmong(asked, true).containsAll(asked) ? "只能向在用的审核人征求意见" : null;
        if (refused != null) {
            problems.add(new FieldProblem("asked", refused));
        }
        String text = null;
        try {
            text = requiredText("question", "征求意见的问题", question);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Long> ids = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        for (Long askedId : asked) {
            ConsultationMapper.NewConsultation row = new ConsultationMapper.NewConsultation();
            row.formId = formId;
            row.taskId = task.id();
            row.stage = task.taskKey();
            row.askerId = actor.id();
            row.askedId = askedId;
            row.question = text;
            row.at = clock.instant();
            consultations.insert(row);
            ids.add(row.id);
            names.add(org.findUser(askedId).displayName());
        }
        record(actor, held, WorkflowAction.CONSULT, AuditAction.CONSULT_ASK,
                "向" + String.join("、", names) + "征求意见：" + text);
        for (int i = 0; i < ids.size(); i++) {
            events.publishEvent(new ApprovalEvents.ConsultationAsked(formId, ids.get(i), actor.id(), asked.get(i)));
        }
        return ids;
    }

    /** The asked colleague answers, while the task it was asked for still waits. */
    @Transactional
    public void answer(Actor actor, Long formId, Long consultationId, String answer) {
        mapper.lockForm(formId);
        FormHeader header = forms.readableHeader(actor, formId);
        Consultation asked = consultationId == null ? null : consultations.find(consultationId);
        if (asked == null || !asked.formId().equals(formId) || !asked.askedId().equals(actor.id())) {
            throw new ForbiddenException("没有向您征求意见的这条请求");
        }
        if (asked.answered()) {
            throw new ConflictException("您已回复过这条征求意见");
        }
        if (!asked.open()) {
            throw new ConflictException("该评价表已审核完毕，征求意见已结束，无需再回复");
        }
        String text = requiredText("answer", "回复意见", answer);
        if (consultations.answer(consultationId, text, clock.instant()) == 0) {
            throw new ConflictException("您已回复过这条征求意见");
        }
        history.record(formId, actor, WorkflowAction.CONSULT_ANSWER, header.getStatus(), header.getStatus(), text);
        audit.action(actor, AuditAction.CONSULT_ANSWER, "form", formId, text);
        events.publishEvent(new ApprovalEvents.ConsultationAnswered(formId, consultationId, asked.askerId(), actor.id()));
    }

    /**
     * Whom a decision copies the form to (抄送): the users and units picked by id, and the login names
     * and unit names or codes typed in the pickers without script.
     */
    public record Copies(List<Long> users, List<Long> units, String typedUsers, String typedUnits) {
        public static Copies of(List<Long> users, List<Long> units) {
            return new Copies(users, units, null, null);
        }
    }

    /**
     * 抄送: with a decision the reviewer copies the form to users, who may read it from then on. Called
     * inside the decision's transaction (the form is locked), so a refused copy undoes the decision.
     */
    @Transactional
    public void copyOnDecision(Actor actor, Long formId, List<Long> userIds) {
        copyOnDecision(actor, formId, Copies.of(userIds, List.of()));
    }

    /**
     * {@link #copyOnDecision(Actor, Long, List)} to users and to units: a unit's copy goes to every
     * enabled user of the unit at the time of the decision.
     */
    @Transactional
    public void copyOnDecision(Actor actor, Long formId, Copies to) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        List<Long> typedUsers = typedPeople(actor, PickKind.COPY, "ccNames", to.typedUsers(), problems);
        java.util.Map<Long, String> typedUnits = typedUnits("ccUnitNames", to.typedUnits(), problems);
        List<Long> units = java.util.stream.Stream.concat(nonNull(to.units()), typedUnits.keySet().stream())
                .distinct().toList();
        if (units.size() > MAX_COPIED_UNITS) {
            problems.add(new FieldProblem("ccUnit", "一次最多抄送 " + MAX_COPIED_UNITS + " 个单位"));
        }
        List<AppUser> unitUsers = problems.isEmpty() ? reviewers.enabledUsersOf(units) : List.of();
        java.util.Set<Long> withUsers = unitUsers.stream().map(AppUser::unitId).collect(java.util.stream.Collectors.toSet());
        List<String> empty = typedUnits.entrySet().stream().filter(e -> !withUsers.contains(e.getKey()))
                .map(e -> "“" + e.getValue() + "”").toList();
        if (problems.isEmpty() && !empty.isEmpty()) {
            problems.add(new FieldProblem("ccUnitNames", String.join("、", empty) + "没有在用的人员，不能抄送"));
        } else if (problems.isEmpty() && !withUsers.containsAll(units)) {
            problems.add(new FieldProblem("ccUnit", "只能抄送给在用的单位"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Long> userIds = java.util.stream.Stream.of(nonNull(to.users()), typedUsers.stream(),
                        unitUsers.stream().map(AppUser::id)).flatMap(ids -> ids)
                .filter(id -> !id.equals(actor.id())).distinct().toList();
        if (userIds.isEmpty()) {
            return;
        }
        if (userIds.size() > MAX_COPIED) {
            throw new InvalidInputException("cc", "一次最多抄送 " + MAX_COPIED + " 人（含所选单位的人员）");
        }
        mapper.lockForm(formId);
        FormHeader header = forms.visibleHeader(actor, formId);
        if (!reviewers.enabledAmong(userIds, false).containsAll(userIds)) {
            throw new InvalidInputException("cc", "只能抄送给在用的用户");
        }
        List<Long> copied = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        for (Long userId : userIds) {
            if (copies.insert(formId, userId, actor.id(), clock.instant()) > 0) {
                copied.add(userId);
                names.add(org.findUser(userId).displayName());
            }
        }
        if (copied.isEmpty()) {
            return;
        }
        String detail = "抄送给" + String.join("、", names);
        history.record(formId, actor, WorkflowAction.CARBON_COPY, header.getStatus(), header.getStatus(), detail);
        audit.action(actor, AuditAction.CARBON_COPY, "form", formId, detail);
        events.publishEvent(new ApprovalEvents.FormCopied(formId, actor.id(), List.copyOf(copied)));
    }

    private static java.util.stream.Stream<Long> nonNull(List<Long> ids) {
        return ids == null ? java.util.stream.Stream.empty() : ids.stream().filter(java.util.Objects::nonNull);
    }

    /** Between typed names: commas, 顿号, semicolons or spaces, as people write lists. */
    private static final java.util.regex.Pattern BETWEEN_NAMES = java.util.regex.Pattern.compile("[\\s,，、;；]+");

    private static List<String> typedNames(String typed) {
        return typed == null ? List.of() : java.util.Arrays.stream(BETWEEN_NAMES.split(typed.strip()))
                .filter(n -> !n.isEmpty()).distinct().toList();
    }

    /**
     * The users typed by login name in a picker without script. The names that are unknown, disabled,
     * the actor's own or (for 征求意见) no reviewer's are told in one message beside the field.
     */
    private List<Long> typedPeople(Actor actor, PickKind kind, String field, String typed, List<FieldProblem> problems) {
        List<String> names = typedNames(typed);
        int most = kind == PickKind.EXPERT ? MAX_ASKED : MAX_COPIED;
        if (names.size() > most) {
            problems.add(new FieldProblem(field, "一次最多填写 " + most + " 个登录名"));
            return List.of();
        }
        java.util.Map<String, AppUser> byName = new java.util.HashMap<>();
        reviewers.usersNamed(names).forEach(u -> byName.put(u.username().toLowerCase(java.util.Locale.ROOT), u));
        List<Long> ids = new java.util.ArrayList<>();
        List<String> unknown = new java.util.ArrayList<>();
        List<String> disabled = new java.util.ArrayList<>();
        List<String> notReviewers = new java.util.ArrayList<>();
        boolean self = false;
        for (String name : names) {
            AppUser user = byName.get(name.toLowerCase(java.util.Locale.ROOT));
            if (user == null) {
                unknown.add("“" + name + "”");
            } else if (user.id().equals(actor.id())) {
                self = true;
            } else if (!user.enabled()) {
                disabled.add("“" + name + "”");
            } else if (kind == PickKind.EXPERT && user.role() != Role.SUPERVISOR_REVIEWER
                    && user.role() != Role.FINANCE_REVIEWER) {
                notReviewers.add("“" + name + "”");
            } else {
                ids.add(user.id());
            }
        }
        List<String> said = new java.util.ArrayList<>();
        if (!unknown.isEmpty()) {
            said.add("没有登录名为" + String.join("、", unknown) + "的用户（请填写登录名，不是姓名）");
        }
        if (self) {
            said.add(kind == PickKind.EXPERT ? "不能向自己征求意见" : "不能抄送给自己");
        }
        if (!disabled.isEmpty()) {
            said.add(String.join("、", disabled) + "已停用");
        }
        if (!notReviewers.isEmpty()) {
            said.add(String.join("、", notReviewers) + "不是审核人，只能向在用的审核人征求意见");
        }
        if (!said.isEmpty()) {
            problems.add(new FieldProblem(field, String.join("；", said)));
        }
        return ids;
    }

    /**
     * The units typed by code or name in the unit picker without script, each id with what was typed
     * for it. A name several units bear asks for the code, naming them with the unit above each.
     */
    private java.util.Map<Long, String> typedUnits(String field, String typed, List<FieldProblem> problems) {
        List<String> names = typedNames(typed);
        if (names.size() > MAX_COPIED_UNITS) {
            problems.add(new FieldProblem(field, "一次最多抄送 " + MAX_COPIED_UNITS + " 个单位"));
            return java.util.Map.of();
        }
        List<PickOption> found = reviewers.unitsNamed(names);
        java.util.Map<Long, String> ids = new java.util.LinkedHashMap<>();
        List<String> unknown = new java.util.ArrayList<>();
        List<String> said = new java.util.ArrayList<>();
        for (String name : names) {
            List<PickOption> byCode = found.stream().filter(u -> u.code().equalsIgnoreCase(name)).toList();
            List<PickOption> matches = !byCode.isEmpty() ? byCode
                    : found.stream().filter(u -> u.name().equalsIgnoreCase(name)).toList();
            if (matches.isEmpty()) {
                unknown.add("“" + name + "”");
            } else if (matches.size() > 1) {
                said.add("有 " + matches.size() + " 个单位名为“" + name + "”，请改填单位编码："
                        + matches.stream().limit(5).map(u -> u.code() + (u.unit() == null ? "" : "（" + u.unit() + "）"))
                                .collect(java.util.stream.Collectors.joining("、"))
                        + (matches.size() > 5 ? " 等" : ""));
            } else {
                ids.putIfAbsent(matches.get(0).id(), name);
            }
        }
        if (!unknown.isEmpty()) {
            said.add(0, "没有名称或编码为" + String.join("、", unknown) + "的单位");
        }
        if (!said.isEmpty()) {
            problems.add(new FieldProblem(field, String.join("；", said)));
        }
        return ids;
    }

    /** 抄送我的. */
    @ReadOnly
    public List<CarbonCopy> copiedTo(Actor actor) {
        return copies.findForUser(actor.id());
    }

    /** Every opinion asked for on the form, answered or not: shown on the form page, kept for good. */
    @ReadOnly
    public List<Consultation> consultationsOf(Actor actor, Long formId) {
        forms.readableHeader(actor, formId);
        return consultations.findByForm(formId);
    }

    /** 征求意见 list: what the actor was asked, unanswered first. */
    @ReadOnly
    public List<Consultation> askedOf(Actor actor) {
        return consultations.findForAsked(actor.id());
    }

    /** Opinions asked for on the form's open task and not yet given: deciding warns, never waits. */
    @ReadOnly
    public int unansweredConsultations(Long formId) {
        OpenTask task = process.openTask(formId);
        return task == null ? 0 : consultations.countUnanswered(task.id());
    }

    private HeldTask holdForHandOver(Actor actor, Long formId, String what) {
        HeldTask held = hold(actor, formId);
        OpenTask task = held.task();
        requireMember(actor, task);
        if (held.delegated()) {
            throw new ConflictException("该任务已委派给" + nameOf(task.assignee()) + "，须待其回复后才能" + what);
        }
        if (task.assignee() != null && !task.assignee().equals(actor.username())) {
            throw new ConflictException("该评价表已由" + nameOf(task.assignee()) + "签收，只有签收人可以" + what);
        }
        return held;
    }

    /** Locks the form, checks it is visible and that the actor reviews at all, and finds its open review task. */
    private HeldTask hold(Actor actor, Long formId) {
        mapper.lockForm(formId);
        FormHeader header = forms.visibleHeader(actor, formId);
        Approval.requireReviewer(actor);
        return held(header);
    }

    private HeldTask held(FormHeader header) {
        OpenTask task = process.openTask(header.getId());
        if (task == null || task.stage() == Stage.FILL) {
            throw new ConflictException("该评价表当前状态为「" + header.getStatus().label() + "」，没有待审核的任务；可能已被他人处理。");
        }
        Task engineTask = engineTask(task);
        if (engineTask == null) {
            throw new ConflictException(FormProcess.HANDLED_BY_OTHERS);
        }
        boolean delegated = engineTask.getDelegationState() == DelegationState.PENDING;
        return new HeldTask(header, task, delegated ? engineTask.getOwner() : null, delegated);
    }

    private Task engineTask(OpenTask task) {
        return process.engineTask(task);
    }

    private boolean worksOn(Actor actor, OpenTask task) {
        return accessPolicy.candidateGroups(actor).contains(task.candidateGroup());
    }

    private void requireMember(Actor actor, OpenTask task) {
        if (worksOn(actor, task)) {
            return;
        }
        if (Approval.reviewStageOf(actor) != task.stage()) {
            // Moved on (decided meanwhile, or not yet there): tell it as the other steps do.
            throw new ConflictException("该评价表当前在「" + task.stage().label() + "」环节，不在您的审核环节；可能已被他人处理。");
        }
        throw new ForbiddenException("该评价表当前在「" + task.stage().label() + "」环节，您不是该环节的审核人");
    }

    private AppUser colleague(Actor actor, Long toUserId, OpenTask task, String what) {
        if (actor.id().equals(toUserId)) {
            throw new InvalidInputException("to", "不能" + what + "给自己");
        }
        return groupMember(toUserId, task, "to", what);
    }

    private AppUser groupMember(Long userId, OpenTask task, String field, String what) {
        if (userId == null) {
            throw new InvalidInputException(field, "请选择" + what + "给谁");
        }
        AppUser user = org.findUser(userId);
        if (user == null || !reviewers.isMember(userId, task.candidateGroup())) {
            throw new InvalidInputException(field, "只能" + what + "给本环节（" + task.stage().label() + "）的其他审核人");
        }
        return user;
    }

    private void record(Actor actor, HeldTask held, WorkflowAction action, AuditAction auditAction, String detail) {
        FormHeader header = held.header();
        history.record(header.getId(), actor, action, header.getStatus(), header.getStatus(), detail);
        audit.action(actor, auditAction, "form", header.getId(), detail);
    }

    private String nameOf(String username) {
        AppUser user = userNamed(username);
        return user == null ? username : user.displayName();
    }

    private Long idOf(String username) {
        AppUser user = userNamed(username);
        return user == null ? null : user.id();
    }

    private AppUser userNamed(String username) {
        return username == null ? null : org.findUserByUsername(username);
    }

    static String requiredText(String field, String label, String text) {
        String stripped = optionalText(field, label, text);
        if (stripped == null) {
            throw new InvalidInputException(field, "请填写" + label);
        }
        return stripped;
    }

    static String optionalText(String field, String label, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_TEXT) {
            throw new InvalidInputException(List.of(new FieldProblem(field, label + "不能超过 " + MAX_TEXT + " 个字")));
        }
        return stripped;
    }

}
