package org.perfeval.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.shared.NotFoundException;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;

/** Uploads are checked by content and size, named by us, and reachable only by those who may see the form. */
@PerfevalTest
class EvidenceTest {
    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};

    @Autowired TestOrg testOrg;
    @Autowired EvidenceService evidence;
    @Autowired EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired FormMapper formMapper;

    @Test
    void uploadListDownloadAndDeleteWhileDraft() throws IOException {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "佐证材料");
        Evidence saved = upload(w.staffA(), form.getId(), "会议纪要.pdf", PDF);
        assertThat(saved.contentType()).isEqualTo("application/pdf");
        assertThat(saved.storedName()).matches("[0-9a-f]{32}").doesNotContain("会议");
        Evidence image = evidence.upload(w.staffA(), form.getId(), 2, "现场照片.png", PNG.length,
                new ByteArrayInputStream(PNG));
        assertThat(image.indicatorSeq()).isEqualTo(2);

        assertThat(evidence.list(w.reviewer1(), form.getId())).hasSize(2);
        assertThat(evidence.download(w.finance(), saved.id()).bytes()).isEqualTo(PDF);
        assertThatThrownBy(() -> evidence.download(w.staffB(), saved.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> evidence.list(w.reviewer2(), form.getId())).isInstanceOf(NotFoundException.class);

        evidence.delete(w.staffA(), image.id());
        assertThat(evidence.list(w.staffA(), form.getId())).extracting(Evidence::id).containsExactly(saved.id());

        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
        assertThatThrownBy(() -> evidence.delete(w.staffA(), saved.id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> upload(w.staffA(), form.getId(), "补充.pdf", PDF)).isInstanceOf(ConflictException.class);
    }

    @Test
    void refusesWrongContentOversizeAndPathTricks() throws IOException {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "佐证拒绝");
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> upload(w.staffA(), form.getId(), "伪装.pdf", html))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("类型不被接受");
        byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0};
        assertThatThrownBy(() -> upload(w.staffA(), form.getId(), "a.docx", zip))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> evidence.upload(w.staffA(), form.getId(), null, "big.pdf", 30L * 1024 * 1024,
                new ByteArrayInputStream(PDF))).isInstanceOf(InvalidInputException.class).hasMessageContaining("过大");
        assertThatThrownBy(() -> upload(w.staffA(), form.getId(), "..", PDF)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> upload(w.staffB(), form.getId(), "x.pdf", PDF)).isInstanceOf(NotFoundException.class);

        Evidence traversal = upload(w.staffA(), form.getId(), "../../etc/passwd.pdf", PDF);
        assertThat(traversal.originalName()).isEqualTo("passwd.pdf");
        Path stored = Path.of("target/test-evidence").toAbsolutePath()
                .resolve(traversal.storedName().substring(0, 2)).resolve(traversal.storedName());
        assertThat(Files.readAllBytes(stored)).isEqualTo(PDF);
        assertThat(evidence.list(w.staffA(), form.getId())).hasSize(1);
    }

    private Evidence upload(Actor actor, Long formId, String name, byte[] bytes) throws IOException {
        return evidence.upload(actor, formId, null, name, bytes.length, new ByteArrayInputStream(bytes));
    }
}
