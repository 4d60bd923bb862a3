package org.perfeval.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.IndicatorRowsMoved;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.shared.NotFoundException;
import org.perfeval.shared.ReadOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 佐证材料: stored outside the web root under a generated name (in the {@link EvidenceStore}); listed and downloaded only by those
 * who may see the form; added and deleted only by the unit while the form is a draft, or, for a
 * 整改事项, until its reviewer accepts it.
 */
@Service
public class EvidenceService {
    static final int MAX_NAME = 200;

    private final EvidenceMapper mapper;
    private final EvaluationFormService forms;
    private final FollowUpAccess followUps;
    private final AuditLog audit;
    private final Clock clock;
    private final EvidenceStore store;
    private final long maxBytes;
    private final int maxFilesPerForm;
    private final int maxUploadsPerHour;

    public EvidenceService(EvidenceMapper mapper, EvaluationFormService forms,
                           @org.springframework.context.annotation.Lazy FollowUpAccess followUps,
                           AuditLog audit, Clock clock, EvidenceStore store,
                           @Value("${perfeval.evidence.max-bytes:20971520}") long maxBytes,
                           @Value("${perfeval.evidence.max-files-per-form:100}") int maxFilesPerForm,
                           @Value("${perfeval.evidence.max-uploads-per-hour:120}") int maxUploadsPerHour) {
        this.maxFilesPerForm = maxFilesPerForm;
        this.maxUploadsPerHour = maxUploadsPerHour;
        this.mapper = mapper;
        this.forms = forms;
        this.followUps = followUps;
        this.audit = audit;
        this.clock = clock;
        this.store = store;
        this.maxBytes = maxBytes;
    }

    @ReadOnly
    public List<Evidence> list(Actor actor, Long formId) {
        forms.readableHeader(actor, formId);
        return mapper.findByForm(formId);
    }

    @Transactional
    public Evidence upload(Actor actor, Long formId, Integer indicatorSeq, String originalName, long size,
                           InputStream content) throws IOException {
        FormHeader header = editable(actor, formId);
        if (indicatorSeq != null && (indicatorSeq < 0 || indicatorSeq > 10_000)) {
            throw new InvalidInputException("indicator", "指标行号无效");
        }
        return store(actor, header.getId(), indicatorSeq, null, originalName, size, content);
    }

    /**
     * What the unit did about a 整改事项 of the form, attached until the reviewer accepts the item.
     * The follow-up module has checked that the actor may report on that item.
     */
    @Transactional
    public Evidence uploadForFollowUp(Actor actor, Long formId, Long followUpId, String originalName, long size,
                                      InputStream content) throws IOException {
        return store(actor, formId, null, followUpId, originalName, size, content);
    }

    /** Files of the given 整改事项 (ids of items the actor may see), by item. */
    @ReadOnly
    public Map<Long, List<Evidence>> ofFollowUps(List<Long> visibleItemIds) {
        if (visibleItemIds.isEmpty()) {
            return Map.of();
        }
        return mapper.findByFollowUps(visibleItemIds).stream().collect(Collectors.groupingBy(Evidence::followUpId));
    }

    /** Files on an indicator row follow the row when the editor moves it; a removed row's files go to the whole form. */
    @EventListener
    public void followRows(IndicatorRowsMoved moved) {
        for (Evidence e : mapper.findByForm(moved.formId())) {
            if (e.indicatorSeq() != null) {
                Integer now = moved.newIndexOf(e.indicatorSeq()).orElse(null);
                if (!java.util.Objects.equals(now, e.indicatorSeq())) {
                    mapper.moveToRow(e.id(), now);
                }
            }
        }
    }

    private Evidence store(Actor actor, Long formId, Integer indicatorSeq, Long followUpId, String originalName,
                           long size, InputStream content) throws IOException {
        String name = cleanName(originalName);
        if (mapper.countByForm(formId) >= maxFilesPerForm) {
            throw new InvalidInputException("file", "这张评价表的佐证材料已有 " + maxFilesPerForm
                    + " 个，不能再上传；请删除不需要的文件，或把多页材料合并为一个 PDF");
        }
        if (mapper.countUploadedSince(actor.id(), clock.instant().minus(java.time.Duration.ofHours(1))) >= maxUploadsPerHour) {
            throw new InvalidInputException("file", "上传过于频繁：每人每小时最多上传 " + maxUploadsPerHour + " 个文件，请稍后再试");
        }
        if (size <= 0) {
            throw new InvalidInputException("file", "请选择要上传的文件（文件为空）");
        }
        if (size > maxBytes) {
            throw new InvalidInputException("file", "文件「" + name + "」过大：不能超过 " + (maxBytes / 1024 / 1024) + " MB");
        }
        byte[] bytes = content.readNBytes((int) Math.min(size, maxBytes) + 1);
        if (bytes.length > maxBytes) {
            throw new InvalidInputException("file", "文件「" + name + "」过大：不能超过 " + (maxBytes / 1024 / 1024) + " MB");
        }
        FileKind kind = FileKind.sniff(bytes).orElseThrow(() -> new InvalidInputException("file",
                "文件「" + name + "」的类型不被接受：只能上传 PDF、图片（PNG/JPEG）或 Office 文件"));
        String stored = UUID.randomUUID().toString().replace("-", "");
        store.save(stored, bytes);
        EvidenceMapper.NewEvidence row = new EvidenceMapper.NewEvidence();
        row.formId = formId;
        row.indicatorSeq = indicatorSeq;
        row.followUpId = followUpId;
        row.originalName = name;
        row.storedName = stored;
        row.contentType = kind.contentType();
        row.sizeBytes = bytes.length;
        row.sha256 = sha256(bytes);
        row.uploadedBy = actor.id();
        row.uploadedAt = clock.instant();
        mapper.insert(row);
        audit.action(actor, AuditAction.EVIDENCE_UPLOAD, "evidence", row.id, name);
        return mapper.find(row.id);
    }

    /** The file's bytes for someone who may see its form. */
    @ReadOnly
    public Download download(Actor actor, Long evidenceId) {
        Evidence evidence = mapper.find(evidenceId);
        if (evidence == null) {
            throw new NotFoundException("佐证材料不存在");
        }
        if (evidence.followUpId() != null) {
            followUps.requireVisible(actor, evidence.followUpId());
        } else {
            forms.readableHeader(actor, evidence.formId());
        }
        return new Download(evidence, store.load(evidence.storedName()));
    }

    @Transactional
    public Evidence delete(Actor actor, Long evidenceId) {
        Evidence evidence = mapper.find(evidenceId);
        if (evidence == null) {
            throw new NotFoundException("佐证材料不存在");
        }
        if (evidence.followUpId() != null) {
            followUps.requireReportable(actor, evidence.followUpId());
        } else {
            editable(actor, evidence.formId());
        }
        mapper.delete(evidenceId);
        audit.action(actor, AuditAction.EVIDENCE_DELETE, "evidence", evidenceId, evidence.originalName());
        store.remove(evidence.storedName());
        return evidence;
    }

    public record Download(Evidence evidence, byte[] bytes) {
    }

    private FormHeader editable(Actor actor, Long formId) {
        FormHeader header = forms.visibleHeader(actor, formId);
        if (!forms.canEdit(actor, header)) {
            if (actor.unitId().equals(header.getUnitId()) && actor.is(org.perfeval.shared.Role.UNIT_STAFF)) {
                throw new ConflictException("评价表已提交，佐证材料只能在填报阶段增删");
            }
            throw new ForbiddenException("只有本单位填报人可以增删佐证材料");
        }
        return header;
    }

    static String cleanName(String originalName) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\u200B-\\u200F\\u202A-\\u202E]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new InvalidInputException("file", "文件名无效");
        }
        return shorten(name);
    }

    /** A long name keeps its beginning and its extension: 很长的名称…xlsx is still recognisable. */
    static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_NAME) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String base = extension.isEmpty() ? name : name.substring(0, dot);
        int keep = MAX_NAME - 1 - extension.codePointCount(0, extension.length());
        return base.substring(0, base.offsetByCodePoints(0, keep)) + "…" + extension;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
