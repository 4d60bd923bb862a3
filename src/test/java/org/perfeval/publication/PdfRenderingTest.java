package org.perfeval.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.approval.Decision;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The PDF is rendered when first asked for, stored once, and the same file is served after that. */
@PerfevalTest
class PdfRenderingTest {
    @Autowired TestOrg testOrg;
    @Autowired EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired ReviewService reviews;
    @Autowired FormMapper formMapper;
    @Autowired PublicationService publication;
    @Autowired PublishedPdfs pdfs;
    @Autowired JdbcTemplate jdbc;

    @Test
    void renderedOnFirstDownloadStoredOnceAndServedAgain() {
        assumeTrue(pdfs.available(), "no CJK font installed (apt-get install -y fonts-wqy-microhei)");
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "按需PDF项目");
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
        reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), null, null));
        reviews.decide(w.finance(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), null, null));

        // The approval renders nothing: the record waits without a PDF until someone downloads it.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM published_record WHERE form_id = ? AND pdf IS NULL"
                + " AND pdf_sha256 IS NULL", Integer.class, form.getId())).isEqualTo(1);

        byte[] first = publication.pdf(form.getId());
        assertThat(new String(first, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String sha = jdbc.queryForObject("SELECT pdf_sha256 FROM published_record WHERE form_id = ?", String.class,
                form.getId());
        assertThat(sha).isEqualTo(PublishedPdfs.sha256(first));
        assertThat(publication.pdf(form.getId())).as("every download is the same file").isEqualTo(first);

        // Readers racing for a PDF not yet rendered all get the one that was stored first.
        jdbc.update("UPDATE published_record SET pdf = NULL, pdf_sha256 = NULL WHERE form_id = ?", form.getId());
        java.util.List<java.util.concurrent.CompletableFuture<byte[]>> downloads = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            downloads.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> publication.pdf(form.getId())));
        }
        byte[] stored = null;
        for (var download : downloads) {
            byte[] pdf = download.join();
            stored = stored == null ? pdf : stored;
            assertThat(pdf).isEqualTo(stored);
        }
        assertThat(jdbc.queryForObject("SELECT pdf_sha256 FROM published_record WHERE form_id = ?", String.class,
                form.getId())).isEqualTo(PublishedPdfs.sha256(stored));
    }
}
