package org.perfeval.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormHistory;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormProcess;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.Stage;
import org.perfeval.form.WorkflowAction;
import org.perfeval.shared.Actor;
import org.perfeval.shared.Role;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.FieldProblem;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.shared.ReadOnly;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What reviewers do: claim (签收), approve or return with 审核意见. */
@Service
public class ReviewService {
    static final int MAX_TEXT = 2000;

    private final EvaluationFormService formService;
    private final FormMapper formMapper;
    private final FormProcess process;
    private final FormHistory history;
    private final ReviewMapper reviewMapper;
    private final OpinionCatalog catalog;
    private final AuditLog audit;
    private final org.perfeval.notification.WorkflowNotices notices;

    public ReviewService(EvaluationFormService formService, FormMapper formMapper, FormProcess process, FormHistory history,
                         ReviewMapper reviewMapper, OpinionCatalog catalog, AuditLog audit,
                         org.perfeval.notification.WorkflowNotices notices) {
        this.audit = audit;
        this.notices = notices;
        this.formService = formService;
        this.formMapper = formMapper;
        this.process = process;
        this.history = history;
        this.reviewMapper = reviewMapper;
        this.catalog = catalog;
    }

    /** The stage this actor reviews at, or null for roles that do not review. */
    public static Stage reviewStageOf(Actor actor) {
        return switch (actor.role()) {
            case SUPERVISOR_REVIEWER -> Stage.SUPERVISOR_REVIEW;
            case FINANCE_REVIEWER -> Stage.FINANCE_REVIEW;
            default -> null;
        };
    }

    /** True when the form waits at this actor's review stage and nobody else has claimed it. */
    @ReadOnly
    public boolean canReview(Actor actor, FormHeader header) {
        Stage stage = reviewStageOf(actor);
        if (stage == null || header.getStatus() != stage.status()) {
            return false;
        }
        FormProcess.OpenTask task = process.openTask(header.getId());
        return task != null && (task.assignee() == null || task.assignee().equals(actor.username()));
    }

    @Transactional
    public void claim(Actor actor, Long formId) {
        FormHeader header = formService.visibleHeader(actor, formId);
        FormProcess.OpenTask task = reviewTask(actor, header);
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
     * Approve or return. The opinion, the form's return reason and the task completion commit
     * together; a second reviewer racing for the same task gets a conflict and writes nothing.
     */
    @Transactional
    public void decide(Actor actor, Long formId, ReviewInput input) {
        // The second of two reviewers deciding at once waits here, then finds the task gone.
        formMapper.lockForm(formId);
        FormHeader header = formService.visibleHeader(actor, formId);
        FormProcess.OpenTask task = reviewTask(actor, header);
        ReviewStage stage = actor.is(Role.FINANCE_REVIEWER) ? ReviewStage.FINANCE : ReviewStage.SUPERVISOR;
        validate(header, stage, input);
        // An unclaimed task is completed without claiming it first: a claim is one more engine command
        // (about a dozen statements), and who decided is in the opinion and the form's history.
        if (task.assignee() != null && !task.assignee().equals(actor.username())) {
            throw new ConflictException("该评价表已由其他审核人签收");
        }
        ReviewMapper.NewOpinion opinion = new ReviewMapper.NewOpinion();
        opinion.formId = formId;
        opinion.stage = stage;
        opinion.reviewerId = actor.id();
        opinion.decision = input.decision();
        opinion.reason = blankToNull(input.reason());
        opinion.overallOpinion = blankToNull(input.overallOpinion());
        reviewMapper.insert(opinion);
        int seq = 0;
        for (Map.Entry<String, String> option : input.checkedOptions().entrySet()) {
            reviewMapper.insertOption(opinion.id, seq++, option.getKey(), blankToNull(option.getValue()));
        }
        if (input.decision().isReturn()) {
            formMapper.updateReturnReason(formId, input.reason().strip());
            if (input.decision() == Decision.RETURN_TO_UNIT) {
                notices.returned(formId, input.reason().strip(), String.valueOf(opinion.id));
            }
        }
        // Recorded before the completion so that it precedes what the process then does (公开).
        history.record(formId, actor, input.decision().action(), header.getStatus(), input.decision().leadsTo(stage),
                input.decision().isReturn() ? input.reason().strip() : blankToNull(input.overallOpinion()));
        audit.action(actor, input.decision().isReturn() ? AuditAction.RETURN : AuditAction.APPROVE, "form", formId,
                input.decision().label());
        process.complete(task, Map.of("decision", input.decision().name()));
    }

    @ReadOnly
    public List<ReviewOpinion> opinions(Actor actor, Long formId) {
        formService.visibleHeader(actor, formId);
        return opinionsOf(formId);
    }

    /** Without an access check: for published pages, which decide themselves what is public. */
    @ReadOnly
    public List<ReviewOpinion> opinionsOf(Long formId) {
        Map<Long, List<ReviewOpinion.CheckedOption>> options = reviewMapper.findOptionsByForm(formId).stream()
                .sorted(java.util.Comparator.comparing(ReviewMapper.OptionRow::opinionId)
                        .thenComparing(ReviewMapper.OptionRow::seq))
                .collect(Collectors.groupingBy(ReviewMapper.OptionRow::opinionId,
                        Collectors.mapping(o -> new ReviewOpinion.CheckedOption(o.optionLabel(), o.detail()),
                                Collectors.toList())));
        List<ReviewOpinion> result = new ArrayList<>();
        for (ReviewMapper.OpinionRow row : reviewMapper.findByForm(formId)) {
            result.add(new ReviewOpinion(row.id(), row.stage(), row.reviewerName(), row.decision(), row.reason(),
                    row.overallOpinion(), row.createdAt(), options.getOrDefault(row.id(), List.of())));
        }
        return result;
    }

    /** Refuses roles that never review, before any input is looked at. */
    public static Stage requireReviewer(Actor actor) {
        Stage stage = reviewStageOf(actor);
        if (stage == null) {
            throw new ForbiddenException("您的角色不能审核评价表");
        }
        return stage;
    }

    private FormProcess.OpenTask reviewTask(Actor actor, FormHeader header) {
        Stage stage = requireReviewer(actor);
        FormProcess.OpenTask task = process.openTask(header.getId());
        if (task == null || !stage.taskKey().equals(task.taskKey())) {
            throw new ConflictException("该评价表当前状态为「" + header.getStatus().label() + "」，不在您的审核环节；可能已被他人处理。");
        }
        return task;
    }

    private void validate(FormHeader header, ReviewStage stage, ReviewInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input.decision() == null) {
            problems.add(new FieldProblem("decision", "请选择审核结果（同意或退回）"));
        } else if (input.decision() == Decision.RETURN_TO_SUPERVISOR && stage != ReviewStage.FINANCE) {
            problems.add(new FieldProblem("decision", "只有财政部门可以退回主管部门"));
        }
        if (input.decision() != null && input.decision().isReturn()
                && (input.reason() == null || input.reason().isBlank())) {
            problems.add(new FieldProblem("reason", "退回时必须填写退回原因"));
        }
        checkLength(problems, "reason", "退回原因", input.reason());
        checkLength(problems, "overallOpinion", "总体意见", input.overallOpinion());
        Set<String> allowed = Set.copyOf(catalog.reviewOptions(header.getFormType()));
        for (Map.Entry<String, String> option : input.checkedOptions().entrySet()) {
            if (!allowed.contains(option.getKey())) {
                problems.add(new FieldProblem("options", "审核意见选项「" + option.getKey() + "」不在本类评价表的意见清单中"));
            }
            checkLength(problems, "options[" + option.getKey() + "]", "「" + option.getKey() + "」的具体意见",
                    option.getValue());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void checkLength(List<FieldProblem> problems, String path, String label, String text) {
        if (text != null && text.codePointCount(0, text.length()) > MAX_TEXT) {
            problems.add(new FieldProblem(path, label + "不能超过 " + MAX_TEXT + " 个字"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
