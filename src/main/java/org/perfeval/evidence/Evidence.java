package org.perfeval.evidence;

import java.time.Instant;

/** One uploaded 佐证材料 file. */
public record Evidence(Long id, Long formId, Integer indicatorSeq, Long followUpId, String originalName, String storedName,
                       String contentType, long sizeBytes, String sha256, Long uploadedBy, Instant uploadedAt) {
}
