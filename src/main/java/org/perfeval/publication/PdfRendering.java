package org.perfeval.publication;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.PreDestroy;

/**
 * Renders a publication's PDF from its frozen record after the publishing transaction has committed,
 * so the finance approval does not wait for it. The first rendering is stored and never replaced, so
 * every download is the same file. A PDF that is asked for before its turn, or whose rendering was
 * lost with a stopped node, is rendered on the spot; records left without one are picked up at start.
 */
@Component
public class PdfRendering {
    private static final Logger log = LoggerFactory.getLogger(PdfRendering.class);

    private final PublicationMapper mapper;
    private final PublishedPdfs pdfs;
    private final ObjectMapper objectMapper;
    private final TransactionTemplate tx;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pdf-rendering");
        t.setDaemon(true);
        return t;
    });

    public PdfRendering(PublicationMapper mapper, PublishedPdfs pdfs, ObjectMapper objectMapper,
                        PlatformTransactionManager transactions) {
        this.mapper = mapper;
        this.pdfs = pdfs;
        this.objectMapper = objectMapper;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Queues the record's PDF for when the current transaction has committed. */
    public void afterCommit(Long recordId) {
        if (!pdfs.available()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            executor.execute(() -> renderQuietly(recordId));
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                executor.execute(() -> renderQuietly(recordId));
            }
        });
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

    @EventListener(ApplicationReadyEvent.class)
    public void renderMissing() {
        if (pdfs.available()) {
            for (Long id : mapper.withoutPdf()) {
                executor.execute(() -> renderQuietly(id));
            }
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private void renderQuietly(Long recordId) {
        try {
            render(recordId);
        } catch (RuntimeException e) {
            // The download renders it on demand, and the next start tries again.
            log.warn("PDF of published record {} not rendered: {}", recordId, e.toString());
        }
    }

    private void render(Long recordId) {
        PublishedRecord record = mapper.find(recordId);
        if (record == null || record.pdfSha256() != null) {
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
