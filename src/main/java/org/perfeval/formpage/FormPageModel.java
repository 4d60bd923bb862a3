package org.perfeval.formpage;

import org.perfeval.approval.Stage;
import org.perfeval.organisation.AccessPolicy;
import org.perfeval.approval.ProcessDiagram;
import java.util.List;

import org.perfeval.exchange.EvaluationForm;
import org.perfeval.form.FormHeader;
import org.perfeval.approval.Approval;
import org.perfeval.approval.OpenTask;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormStatus;
import org.perfeval.form.FormStore;
import org.perfeval.form.WorkflowAction;
import org.perfeval.shared.Actor;
import org.perfeval.shared.Role;
import org.perfeval.approval.Decision;
import org.perfeval.review.OpinionCatalog;
import org.perfeval.review.ReviewService;
import org.perfeval.scoring.ScoringResult;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Everything the form page shows besides the form itself, decided per user. */
@Component
class FormPageModel {
    private final AccessPolicy accessPolicy;
    private final EvaluationFormService formService;
    private final ReviewService reviewService;
    private final Approval process;
    private final OpinionCatalog catalog;
    private final ObjectMapper objectMapper;
    private final ProcessDiagram diagram;
    private final org.perfeval.form.FormDiff diff;
    private final org.perfeval.evidence.EvidenceService evidence;
    private final org.perfeval.followup.FollowUpService followUps;
    private final org.perfeval.approval.TaskControl taskControl;

    FormPageModel(EvaluationFormService formService, ReviewService reviewService, Approval process, OpinionCatalog catalog,
                  ObjectMapper objectMapper, ProcessDiagram diagram, org.perfeval.form.FormDiff diff,
                  org.perfeval.evidence.EvidenceService evidence, org.perfeval.followup.FollowUpService followUps, AccessPolicy accessPolicy,
                  org.perfeval.approval.TaskControl taskControl) {
        this.taskControl = taskControl;
        this.accessPolicy = accessPolicy;
        this.evidence = evidence;
        this.followUps = followUps;
        this.diagram = diagram;
        this.diff = diff;
        this.formService = formService;
        this.reviewService = reviewService;
        this.process = process;
        this.catalog = catalog;
        this.objectMapper = objectMapper;
    }

    private org.perfeval.approval.FormCancellation cancellation;

    @org.springframework.beans.factory.annotation.Autowired
    void setCancellation(org.perfeval.approval.FormCancellation cancellation) {
        this.cancellation = cancellation;
    }

    /** Fills the model; the services' repeated reads (open task, chain, header, paths) are answered once. */
    void fill(Model model, Actor actor, FormHeader header, EvaluationForm form) {
        org.perfeval.shared.ReadMemo.during(() -> {
            fillOnce(model, actor, header, form);
            return null;
        });
    }

    private void fillOnce(Model model, Actor actor, FormHeader header, EvaluationForm form) {
        model.addAttribute("canCancel", cancellation.canCancel(actor, header));
        model.addAttribute("canReopen", cancellation.canReopen(actor, header));
        OpenTask task = process.openTask(header.getId());
        boolean canEdit = formService.canEdit(actor, header);
        // A reader by grant (征求意见, 抄送) is outside the form's scope and never reviews it.
        boolean canReview = accessPolicy.canView(actor, header.getUnitId(), header.getSupervisingUnitId())
                && process.canReview(actor, header);
        model.addAttribute("header", header);
        model.addAttribute("ruleSetLabel", formService.ruleSetLabel(header.getRuleSet()));
        model.addAttribute("diagram", diagram.svg(task != null ? task.taskKey()
                : header.getStatus() == FormStatus.PUBLISHED ? "EndEvent_Published" : null));
        model.addAttribute("form", FormStore.normalized(form));
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("campaignClosed", header.getStatus().editable() && formService.campaignClosed(header));
        model.addAttribute("canReview", canReview);
        model.addAttribute("taskControls", taskControl.controls(actor, header));
        model.addAttribute("claimedByMe", task != null && actor.username().equals(task.assignee()));
        model.addAttribute("assignee", task == null ? null : task.assignee());
        model.addAttribute("dueDate", task == null ? null : task.dueAt());
        model.addAttribute("canWithdraw", process.canWithdraw(actor, header));
        model.addAttribute("canUnpublish", accessPolicy.administers(actor) && header.getStatus() == FormStatus.PUBLISHED);
        model.addAttribute("returned", header.getStatus() == FormStatus.DRAFT && header.getReturnReason() != null);
        model.addAttribute("score", storedScore(header));
        List<org.perfeval.form.WorkflowRecord> history = formService.history(actor, header.getId());
        model.addAttribute("history", history);
        // Opinions and consultations are given on review tasks, which only a submission starts, and the
        // changes are those between the last two submissions: a form not yet submitted (most views on a
        // deadline day) skips those four reads, one submitted once skips the snapshots'.
        long submissions = history.stream().filter(r -> WorkflowAction.SUBMIT.name().equals(r.action())).count();
        model.addAttribute("changes", submissions < 2 ? List.of() : diff.sinceLastSubmission(header.getId()));
        model.addAttribute("consultations", submissions == 0 ? List.of() : taskControl.consultationsOf(actor, header.getId()));
        model.addAttribute("opinions", submissions == 0 ? List.of() : reviewService.opinions(actor, header.getId()));
        List<org.perfeval.evidence.Evidence> files = evidence.list(actor, header.getId());
        model.addAttribute("evidence", files);
        // Each indicator row lists its own files: grouped once here, not filtered again per row.
        model.addAttribute("evidenceByRow", files.stream().filter(e -> e.indicatorSeq() != null)
                .collect(java.util.stream.Collectors.groupingBy(org.perfeval.evidence.Evidence::indicatorSeq)));
        // A fresh key per drawing of the page: a resubmission of the same post is recognised.
        model.addAttribute("requestKey", java.util.UUID.randomUUID().toString());
        model.addAttribute("carriedOver", followUps.carriedOver(header.getUnitId(), header.getFiscalYear()));
        model.addAttribute("suggestionOptions", catalog.suggestionOptions(header.getFormType()));
        model.addAttribute("reviewOptions", catalog.reviewOptions(header.getFormType()));
        Stage reviewStage = Approval.reviewStageOf(actor);
        List<Approval.ReturnTarget> returnLevels = canReview ? process.returnLevels(actor, header) : List.of();
        model.addAttribute("returnLevels", returnLevels);
        // 退回至指定审核层级 is offered where the form's chain has an earlier level to go back to.
        model.addAttribute("decisions", reviewStage == null ? List.of()
                : java.util.Arrays.stream(Decision.values()).filter(d -> d.allowedAt(reviewStage))
                        .filter(d -> d != Decision.RETURN_TO_LEVEL || !returnLevels.isEmpty())
                        .filter(d -> d != Decision.RETURN_TO_SUPERVISOR || canReview && !process.followsReviewChain(header))
                        .toList());
        model.addAttribute("reviewProgress", process.reviewProgress(header));
        model.addAttribute("canRecall", Approval.reviewStageOf(actor) != null && process.canRecall(actor, header));
        if (!model.containsAttribute("postedVersion")) {
            model.addAttribute("postedVersion", header.getVersion());
        }
    }

    /** The score stored at the last submission, or null (never submitted, or unreadable). */
    ScoringResult storedScore(FormHeader header) {
        if (header.getScoreJson() == null) {
            return null;
        }
        try {
            return objectMapper.readValue(header.getScoreJson(), ScoringResult.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
