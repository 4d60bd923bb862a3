package org.perfeval.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfeval.audit.AuditLog;
import org.perfeval.evidence.Evidence;
import org.perfeval.evidence.EvidenceService;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.form.WorkflowRecord;
import org.perfeval.approval.Decision;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.support.AppInstance;
import org.perfeval.support.Fixtures;
import org.perfeval.support.TestOrg;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps its data: a form submitted with evidence before a stop is there after
 * the start, with its history, audit entries and file, and its process goes on to publication.
 */
class RestartTest {
    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n重启前上传\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void everythingIsThereAfterARestartAndTheProcessContinues(@TempDir Path dataDir) throws Exception {
        TestOrg.World w;
        Long formId;
        Long evidenceId;
        int auditBefore;
        try (ConfigurableApplicationContext first = AppInstance.fileMode(dataDir)) {
            w = AppInstance.testOrg(first).create();
            FormHeader form = AppInstance.testOrg(first).openForm(w, "重启测试项目");
            formId = form.getId();
            Evidence file = first.getBean(EvidenceService.class).upload(w.staffA(), formId, null, "会议纪要.pdf",
                    PDF.length, new ByteArrayInputStream(PDF));
            evidenceId = file.id();
            EvaluationFormService forms = first.getBean(EvaluationFormService.class);
            org.perfeval.approval.Approval approval = first.getBean(org.perfeval.approval.Approval.class);
            int version = first.getBean(FormMapper.class).findHeader(formId).getVersion();
            assertThat(approval.submit(w.staffA(), formId, version, Fixtures.clean()).accepted()).isTrue();
            auditBefore = first.getBean(AuditLog.class).search(null, null, null, null, 10_000).size();
        }
        assertThat(Files.exists(dataDir.resolve("db/perfeval.mv.db"))).as("the database file in the data directory").isTrue();
        assertThat(Files.isDirectory(dataDir.resolve("evidence"))).as("evidence beside it").isTrue();

        try (ConfigurableApplicationContext second = AppInstance.fileMode(dataDir)) {
            EvaluationFormService forms = second.getBean(EvaluationFormService.class);
            org.perfeval.approval.Approval approval = second.getBean(org.perfeval.approval.Approval.class);
            assertThat(forms.read(w.staffA(), formId).header().getStatus()).isEqualTo(FormStatus.SUPERVISOR_REVIEW);
            assertThat(forms.history(w.staffA(), formId)).extracting(WorkflowRecord::action)
                    .containsExactly("OPEN", "SUBMIT", "SCORE");
            assertThat(second.getBean(EvidenceService.class).download(w.reviewer1(), evidenceId).bytes()).isEqualTo(PDF);
            assertThat(second.getBean(AuditLog.class).search(null, null, null, null, 10_000)).hasSize(auditBefore);

            ReviewService reviews = second.getBean(ReviewService.class);
            reviews.decide(w.reviewer1(), formId, new ReviewInput(Decision.APPROVE, Map.of("建议继续全额安排", ""), "同意", null));
            reviews.decide(w.finance(), formId, new ReviewInput(Decision.APPROVE, Map.of("建议继续全额安排", ""), "同意公开", null));
            assertThat(forms.read(w.staffA(), formId).header().getStatus()).isEqualTo(FormStatus.PUBLISHED);
            assertThat(forms.history(w.staffA(), formId)).extracting(WorkflowRecord::action)
                    .containsExactly("OPEN", "SUBMIT", "SCORE", "APPROVE", "APPROVE", "PUBLISH");
        }
    }
}
