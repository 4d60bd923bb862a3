package org.perfeval.approval;

import java.time.Clock;

import org.perfeval.exchange.EvaluationForm;
import org.perfeval.form.FormHistory;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.form.FormStore;
import org.perfeval.form.WorkflowAction;
import org.perfeval.shared.Numbers;
import org.perfeval.scoring.Scorer;
import org.perfeval.scoring.ScoringResult;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the process does to a form by itself: where its tasks go, stage changes, 自评打分. */
@Service
class FormLifecycle {
    private final ApprovalMapper approvalMapper;
    private final FormMapper formMapper;
    private final FormStore formStore;
    private final FormHistory history;
    private final Scorer scorer;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final org.perfeval.organisation.OrgTree tree;

    FormLifecycle(ApprovalMapper approvalMapper, FormMapper formMapper, FormStore formStore, FormHistory history, Scorer scorer,
                         ObjectMapper objectMapper, Clock clock, org.perfeval.organisation.OrgTree tree) {
        this.tree = tree;
        this.approvalMapper = approvalMapper;
        this.formMapper = formMapper;
        this.formStore = formStore;
        this.history = history;
        this.scorer = scorer;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** Where the form's tasks go and when they are due. */
    FormRoute route(Long formId) {
        FormRoute route = approvalMapper.findRoute(formId);
        if (route == null) {
            throw new org.perfeval.shared.NotFoundException("评价表不存在：" + formId);
        }
        return route;
    }

    /** The form's review levels below 财政, from its unit's ancestors and its campaign's settings. */
    ReviewChain reviewChain(Long formId) {
        FormRoute route = route(formId);
        return ReviewChain.of(tree.ancestorsOf(route.unitId()), new ReviewChain.Settings(route.secondaryReview()));
    }

    void entered(Long formId, Stage stage, String processInstanceId) {
        formMapper.updateStatus(formId, stage.status(), processInstanceId);
    }

    /** Scores the submitted form and stores the result with it; true when ERROR findings block it. */
    boolean scoreAndStore(Long formId) {
        EvaluationForm content = formStore.content(formId);
        ScoringResult result = scorer.score(content);
        formMapper.updateScore(formId, result.total(), result.grade(), result.deduction(), result.hasErrors(),
                toJson(result), clock.instant());
        long errors = result.findings().stream().filter(f -> f.severity() == org.perfeval.scoring.Severity.ERROR).count();
        String detail = "总分 " + Numbers.twoDecimals(result.total()) + "，等级 " + result.grade()
                + (errors > 0 ? "；" + errors + " 项错误，退回填报" : "");
        history.record(formId, null, WorkflowAction.SCORE, FormStatus.DRAFT, null, detail);
        return result.hasErrors();
    }

    private String toJson(ScoringResult result) {
        try {
            return objectMapper.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
