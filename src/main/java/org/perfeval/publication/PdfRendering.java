package org.perfeval.publication;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders a publication's PDF from its frozen record the first time someone asks for it, and stores
 * it with its SHA-256: the first rendering is never replaced, so every download is the same file.
 * Rendering at approval time cost about a third of the processor time of a whole approval cycle,
 * for files most of which nobody downloads; rendering from the frozen record gives the same content
 * whenever it happens.
 */
@Component
public class PdfRendering {
    private final PublicationMapper mapper;
    private final PublishedPdfs pdfs;
    private final ObjectMapper objectMapper;
    private final TransactionTemplate tx;

    public PdfRendering(PublicationMapper mapper, PublishedPdfs pdfs, ObjectMapper objectMapper,
                        PlatformTransactionManager transactions) {
        this.mapper = mapper;
        this.pdfs = pdfs;
        this.objectMapper = objectMapper;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The record's stored PDF, rendering and storing it first if it has none; null without a CJK font. */
    public byte[] pdfOf(Long recordId) {
        PublicationMapper.PdfRow row = mapper.pdfOf(recordId);
        if (row != null && row.pdf() != null) {
            return row.pdf();
        }
        render(recordId);
        row = mapper.pdfOf(recordId);
        return row == null ? null : row.pdf();
    }

    private void render(Long recordId) {
        PublishedRecord record = mapper.find(recordId);
        if (record == null || record.pdfSha256() != null || !pdfs.available()) {
            return;
        }
        PublishedForm published = PublishedForm.of(record, objectMapper);
        byte[] pdf = pdfs.render(new PdfContent(published.content(), published.score(), record.unitName(),
                record.supervisingUnitName(), published.opinions(), record.publishedAt()));
        if (pdf != null) {
            tx.executeWithoutResult(status -> mapper.storePdf(recordId, pdf, PublishedPdfs.sha256(pdf)));
        }
    }
}
