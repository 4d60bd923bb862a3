package org.perfeval.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.perfeval.approval.Approval;
import org.perfeval.approval.Decision;
import org.perfeval.approval.Stage;
import org.perfeval.approval.TaskControl;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.shared.Actor;
import org.perfeval.shared.FieldProblem;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.shared.ReadOnly;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 审核意见: a reviewer's decision with the opinions ticked, stored and handed to the approval process. */
@Service
public class ReviewService {
    static final int MAX_TEXT = 2000;

    private final EvaluationFormService formService;
    private final Approval approval;
    private final ReviewMapper reviewMapper;
    private final OpinionCatalog catalog;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final org.perfeval.approval.TaskControl taskControl;

    public ReviewService(EvaluationFormService formService, Approval approval, ReviewMapper reviewMapper,
                         OpinionCatalog catalog, com.fasterxml.jackson.databind.ObjectMapper json,
                         org.perfeval.approval.TaskControl taskControl) {
        this.taskControl = taskControl;
        this.json = json;
        this.formService = formService;
        this.approval = approval;
        this.reviewMapper = reviewMapper;
        this.catalog = catalog;
    }

    /**
     * Approve or return. The opinion, the form's return reason and the task completion commit
     * together; a second reviewer racing for the same task waits for the form's lock, then finds the
     * task gone and writes nothing.
     */
    @Transactional
    public void decide(Actor actor, Long formId, ReviewInput input) {
        Approval.ReviewTask review = approval.reviewTaskForDecision(actor, formId);
        validate(review.header(), review.stage(), input);
        if (input.decision() == Decision.RETURN_TO_LEVEL && approval.returnLevels(review).stream()
                .noneMatch(t -> input.returnLevel() != null && t.level() == input.returnLevel())) {
            throw new InvalidInputException("returnLevel", "请选择要退回的审核层级（只能退回本评价表此前的审核层级）");
        }
        ReviewMapper.NewOpinion opinion = new ReviewMapper.NewOpinion();
        opinion.formId = formId;
        opinion.stage = OpinionBlock.of(review.stage());
        opinion.reviewerId = actor.id();
        opinion.decision = input.decision();
        opinion.reason = blankToNull(input.reason());
        opinion.overallOpinion = blankToNull(input.overallOpinion());
        reviewMapper.insert(opinion);
        int seq = 0;
        for (Map.Entry<String, String> option : input.checkedOptions().entrySet()) {
            reviewMapper.insertOption(opinion.id, seq++, option.getKey(), blankToNull(option.getValue()));
        }
        approval.decide(actor, review, input.decision(), opinion.reason, opinion.overallOpinion, opinion.id,
                input.returnLevel());
    }

    /** Approve or return and copy the form to users (抄送), all in one transaction. */
    @Transactional
    public void decide(Actor actor, Long formId, ReviewInput input, List<Long> copyTo) {
        decide(actor, formId, input, copyTo, List.of());
    }

    /** Approve or return and copy the form to users and units (抄送), all in one transaction. */
    @Transactional
    public void decide(Actor actor, Long formId, ReviewInput input, List<Long> copyTo, List<Long> copyToUnits) {
        decide(actor, formId, input, TaskControl.Copies.of(copyTo, copyToUnits));
    }

    /** Approve or return and copy the form as the pickers say (抄送), all in one transaction. */
    @Transactional
    public void decide(Actor actor, Long formId, ReviewInput input, TaskControl.Copies copies) {
        decide(actor, formId, input);
        taskControl.copyOnDecision(actor, formId, copies);
    }

    /**
     * 批量同意 is for forms the automatic check found nothing in: scored, without errors or warnings.
     * Any finding asks a reviewer to read the form on its own.
     */
    public boolean batchApprovable(FormHeader header) {
        if (header.isHasErrors() || header.getScoreJson() == null) {
            return false;
        }
        try {
            return json.readValue(header.getScoreJson(), org.perfeval.scoring.ScoringResult.class).findings().stream()
                    .noneMatch(f -> f.severity() == org.perfeval.scoring.Severity.ERROR
                            || f.severity() == org.perfeval.scoring.Severity.WARNING);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored score of form " + header.getId() + " is unreadable", e);
        }
    }

    /** Of these forms (visible to the actor), the ones 批量同意 may take: the inbox offers only these. */
    @ReadOnly
    public java.util.Set<Long> batchApprovableAmong(Actor actor, java.util.Collection<Long> formIds) {
        java.util.Set<Long> approvable = new java.util.HashSet<>();
        for (FormHeader header : formService.visibleHeaders(actor, formIds)) {
            if (batchApprovable(header)) {
                approvable.add(header.getId());
            }
        }
        return approvable;
    }

    @ReadOnly
    public List<ReviewOpinion> opinions(Actor actor, Long formId) {
        formService.readableHeader(actor, formId);
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

    private void validate(FormHeader header, Stage stage, ReviewInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input.decision() == null) {
            problems.add(new FieldProblem("decision", "请选择审核结果（同意或退回）"));
        } else if (input.decision() == Decision.RETURN_TO_SUPERVISOR && !input.decision().allowedAt(stage)) {
            problems.add(new FieldProblem("decision", "只有财政部门可以退回主管部门"));
        } else if (!input.decision().allowedAt(stage)) {
            problems.add(new FieldProblem("decision", "当前审核环节不能作出「" + input.decision().label() + "」"));
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
