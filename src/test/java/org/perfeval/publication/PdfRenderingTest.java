package org.perfeval.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.review.Decision;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The PDF is rendered after the approval commits, stored once, and rendered on demand if it went missing. */
@PerfevalTest
class PdfRenderingTest {
    @Autowired TestOrg testOrg;
    @Autowired EvaluationFormService forms;
    @Autowired ReviewService reviews;
    @Autowired FormMapper formMapper;
    @Autowired PublicationService publication;
    @Autowired PdfRendering rendering;
    @Autowired PublishedPdfs pdfs;
    @Autowired JdbcTemplate jdbc;

    @Test
    void renderedAfterCommitStoredOnceAndRecoveredOnDemand() throws InterruptedException {
        assumeTrue(pdfs.available(), "no CJK font installed (apt-get install -y fonts-wqy-microhei)");
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "异步PDF项目");
        forms.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
        reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), null, null));
        reviews.decide(w.finance(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), null, null));

        // Nobody downloads it: the background rendering stores it shortly after the commit.
        String sha = null;
        for (int i = 0; i < 100 && sha == null; i++) {
            Thread.sleep(100);
            sha = jdbc.queryForObject("SELECT pdf_sha256 FROM published_record WHERE form_id = ?", String.class,
                    form.getId());
        }
        assertThat(sha).as("rendered within 10 s of the approval").hasSize(64);
        byte[] stored = publication.pdf(form.getId());
        assertThat(PublishedPdfs.sha256(stored)).isEqualTo(sha);
        assertThat(publication.pdf(form.getId())).as("every download is the same file").isEqualTo(stored);

        // A rendering lost with a stopped node: the download renders and stores it, then serves that copy.
        jdbc.update("UPDATE published_record SET pdf = NULL, pdf_sha256 = NULL WHERE form_id = ?", form.getId());
        byte[] again = publication.pdf(form.getId());
        assertThat(new String(again, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(jdbc.queryForObject("SELECT pdf_sha256 FROM published_record WHERE form_id = ?", String.class,
                form.getId())).isEqualTo(PublishedPdfs.sha256(again));
        assertThat(publication.pdf(form.getId())).isEqualTo(again);
    }
}
