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
import org.springframework.stereotype.Component;

/** Renders the PDF of a publication once, at publication time; the bytes are stored with the record. */
@Component
public class PublishedPdfs {

    public byte[] render(FormHeader header, EvaluationForm content, ScoringResult score, List<ReviewOpinion> opinions,
                         Instant publishedAt) {
        return null;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
