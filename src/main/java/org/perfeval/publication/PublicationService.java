package org.perfeval.publication;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormHistory;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.form.FormStore;
import org.perfeval.form.WorkflowAction;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.shared.Actor;
import org.perfeval.shared.Role;
import org.perfeval.review.ReviewOpinion;
import org.perfeval.review.ReviewService;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.shared.NotFoundException;
import org.perfeval.shared.Numbers;
import org.perfeval.shared.ReadOnly;
import org.perfeval.approval.ApprovalEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** 公开: freezes approved forms into published records and serves them without login. */
@Service
public class PublicationService {
    private final FormMapper formMapper;
    private final FormStore formStore;
    private final FormHistory history;
    private final ReviewService reviews;
    private final PublicationMapper mapper;
    private final PdfRendering pdfRendering;
    private final ObjectMapper objectMapper;
    private final AuditLog audit;
    private final org.perfeval.notification.WorkflowNotices notices;
    private final org.perfeval.followup.FollowUpService followUps;
    private final org.perfeval.approval.Approval process;
    private final org.perfeval.campaign.CampaignMapper campaignMapper;
    private final Clock clock;

    public PublicationService(FormMapper formMapper, FormStore formStore, FormHistory history, ReviewService reviews,
                              PublicationMapper mapper, PdfRendering pdfRendering, ObjectMapper objectMapper, Clock clock,
                              AuditLog audit, org.perfeval.notification.WorkflowNotices notices,
                              org.perfeval.followup.FollowUpService followUps, org.perfeval.approval.Approval process,
                              org.perfeval.campaign.CampaignMapper campaignMapper) {
        this.campaignMapper = campaignMapper;
        this.followUps = followUps;
        this.process = process;
        this.audit = audit;
        this.notices = notices;
        this.formMapper = formMapper;
        this.formStore = formStore;
        this.history = history;
        this.reviews = reviews;
        this.mapper = mapper;
        this.pdfRendering = pdfRendering;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /**
     * Called by the process after finance approval. Freezes the form, its score and its approving
     * opinions (return reasons are internal and never published) into a new revision.
     */
    @EventListener
    void approved(ApprovalEvents.FormApproved approved) {
        publish(approved.formId());
    }

    @Transactional
    public void publish(Long formId) {
        Instant now = clock.instant();
        FormHeader header = formStore.header(formId);
        EvaluationForm content = formStore.content(formId);
        // Approving opinions of the stages the campaign publishes; return reasons are always internal.
        String stages = campaignMapper.publicOpinionsOf(formId);
        java.util.Set<String> publicStages = stages == null || stages.isBlank() ? java.util.Set.of()
                : java.util.Set.of(stages.split(","));
        List<ReviewOpinion> allOpinions = reviews.opinionsOf(formId);
        List<ReviewOpinion> opinions = allOpinions.stream()
                .filter(o -> !o.decision().isReturn() && publicStages.contains(o.stage().name())).toList();
        PublicationMapper.NewRecord record = new PublicationMapper.NewRecord();
        record.formId = formId;
        record.revision = mapper.lastRevision(formId) + 1;
        record.fiscalYear = header.getFiscalYear();
        record.formType = header.getFormType().name();
        record.title = header.getTitle();
        record.unitName = header.getUnitName();
        record.supervisingUnitName = header.getSupervisingUnitName();
        record.scoreTotal = header.getScoreTotal();
        record.scoreGrade = header.getScoreGrade();
        record.contentJson = json(content);
        record.scoreJson = header.getScoreJson();
        record.opinionsJson = json(opinions);
        record.publishedAt = now;
        mapper.insert(record);
        if (record.revision > 1) {
            mapper.supersede(formId, record.id);
        }
        formMapper.markPublished(formId, now);
        notices.published(header, record.revision);
        followUps.createFromOpinions(header, allOpinions);
        audit.action(null, AuditAction.PUBLISH, "form", formId, "第 " + record.revision + " 版");
        history.record(formId, null, WorkflowAction.PUBLISH, FormStatus.FINANCE_REVIEW, FormStatus.PUBLISHED,
                "总分 " + Numbers.twoDecimals(header.getScoreTotal()) + "，第 " + record.revision + " 版");
    }

    @ReadOnly
    public List<PublishedRecord> search(Integer year, String department, String unit, String title) {
        String like = title == null || title.isBlank() ? null
                : org.perfeval.shared.Like.containing(title.strip());
        return mapper.search(year, blankToNull(department), blankToNull(unit), like);
    }

    @ReadOnly
    public List<PublishedRecord> published() {
        return search(null, null, null, null);
    }

    public List<String> departments() {
        return mapper.departments();
    }

    public List<Integer> years() {
        return mapper.years();
    }

    /** The current publication of a form; a draft, a returned or a withdrawn form is not found. */
    @ReadOnly
    public PublishedForm publishedForm(Long formId) {
        PublishedRecord record = mapper.current(formId);
        if (record == null) {
            throw new NotFoundException("未找到已公开的评价表");
        }
        if (record.withdrawn()) {
            throw new WithdrawnException("该评价表的公开信息已撤回：" + record.withdrawnReason());
        }
        return PublishedForm.of(record, objectMapper);
    }

    public byte[] pdf(Long formId) {
        PublishedRecord current = mapper.current(formId);
        byte[] pdf = current == null || current.withdrawn() ? null : pdfRendering.pdfOf(current.id());
        if (pdf == null) {
            throw new NotFoundException("未找到已公开评价表的 PDF");
        }
        return pdf;
    }

    /**
     * 更正: an administrator sends a published form back to its unit. The published revision stays
     * public until the corrected form is approved and supersedes it; both revisions are kept.
     */
    @Transactional
    public void reopenForCorrection(Actor actor, Long formId, String reason) {
        if (!actor.is(Role.ADMIN)) {
            throw new ForbiddenException("只有绩效管理员可以发起更正");
        }
        if (reason == null || reason.isBlank() || reason.codePointCount(0, reason.length()) > 500) {
            throw new InvalidInputException("reason", "请填写更正原因（不超过 500 个字）");
        }
        FormHeader header = formStore.header(formId);
        if (header.getStatus() != FormStatus.PUBLISHED) {
            throw new ConflictException("只有已公开的评价表可以发起更正");
        }
        process.start(formId);
        formMapper.updateReturnReason(formId, "更正：" + reason.strip());
        history.record(formId, actor, WorkflowAction.CORRECT, FormStatus.PUBLISHED, FormStatus.DRAFT, reason.strip());
        audit.action(actor, AuditAction.ADMIN_CHANGE, "form", formId, "发起更正：" + reason.strip());
    }

    /** The revision a publication replaced, or null for a first publication. */
    @ReadOnly
    public PublishedRecord previous(PublishedRecord record) {
        return record.revision() <= 1 ? null : mapper.revision(record.formId(), record.revision() - 1);
    }

    /** 撤回公开: only administrators, always with a reason that the public page then shows. */
    @Transactional
    public void unpublish(Actor actor, Long formId, String reason) {
        if (!actor.is(Role.ADMIN)) {
            throw new ForbiddenException("只有绩效管理员可以撤回公开");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "撤回公开必须填写原因");
        }
        if (reason.codePointCount(0, reason.length()) > 500) {
            throw new InvalidInputException("reason", "撤回原因不能超过 500 个字");
        }
        if (mapper.withdraw(formId, clock.instant(), reason.strip(), actor.id()) == 0) {
            throw new ConflictException("该评价表没有可撤回的公开信息");
        }
        audit.action(actor, AuditAction.UNPUBLISH, "form", formId, reason.strip());
        history.record(formId, actor, WorkflowAction.UNPUBLISH, FormStatus.PUBLISHED, FormStatus.PUBLISHED, reason.strip());
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
