package org.perfeval.publication;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.perfeval.exchange.EvaluationForm;
import org.perfeval.form.FormHeader;
import org.perfeval.review.ReviewOpinion;
import org.perfeval.scoring.ScoringResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.lowagie.text.pdf.BaseFont;

/**
 * Renders the PDF of a publication (once, when first asked for: {@link PdfRendering}); the bytes and
 * their SHA-256 are stored with the record, so every download is the same file. Without a CJK font installed the
 * publication goes ahead without a PDF (a warning is logged), rather than blocking the approval.
 */
@Component
public class PublishedPdfs {
    private static final Logger log = LoggerFactory.getLogger(PublishedPdfs.class);

    private final BaseFont font;
    private java.util.function.UnaryOperator<String> ruleSetLabel = name -> name;

    /** The PDF names the rule set in Chinese. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setScorer(org.perfeval.scoring.Scorer scorer) {
        this.ruleSetLabel = scorer::ruleSetLabel;
    }

    public PublishedPdfs(@Value("${perfeval.pdf.font-paths:}") List<String> fontPaths) {
        this.font = CjkFont.find(fontPaths == null || fontPaths.isEmpty() || fontPaths.get(0).isBlank()
                ? CjkFont.DEFAULT_PATHS : fontPaths);
        if (font == null) {
            log.warn("未找到中文字体，公开的评价表不生成 PDF（PDF 已关闭）；请安装 fonts-wqy-microhei 后重启。"
                    + " / No CJK font found ({}): PDF is off, published forms get no PDF."
                    + " Install fonts-wqy-microhei and restart.", CjkFont.DEFAULT_PATHS);
        }
    }

    public boolean available() {
        return font != null;
    }

    public byte[] render(FormHeader header, EvaluationForm content, ScoringResult score, List<ReviewOpinion> opinions,
                         Instant publishedAt) {
        return render(new PdfContent(content, score, header.getUnitName(), header.getSupervisingUnitName(), opinions,
                publishedAt));
    }

    /** The PDF, or null when no CJK font is installed. */
    public byte[] render(PdfContent content) {
        return font == null ? null : new PublishedFormPdf(font).ruleSetLabels(ruleSetLabel).render(content);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
