package org.perfeval.evidence;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Table evidence_content, in parts of {@link #PART_BYTES}: every instance sees every file. */
@Component
@ConditionalOnProperty(name = "perfeval.evidence.store", havingValue = "database")
class DatabaseEvidenceStore implements EvidenceStore {
    /** Below MySQL's and MariaDB's smallest usual max_allowed_packet (4 MB / 16 MB) with room. */
    static final int PART_BYTES = 1024 * 1024;

    private final JdbcTemplate jdbc;

    DatabaseEvidenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(String storedName, byte[] bytes) {
        EvidenceStore.checkName(storedName);
        int part = 0;
        for (int from = 0; from < bytes.length || part == 0; from += PART_BYTES, part++) {
            byte[] slice = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + PART_BYTES));
            jdbc.update("INSERT INTO evidence_content (stored_name, part, bytes) VALUES (?, ?, ?)", storedName, part, slice);
        }
    }

    @Override
    public byte[] load(String storedName) {
        EvidenceStore.checkName(storedName);
        List<byte[]> parts = jdbc.query("SELECT bytes FROM evidence_content WHERE stored_name = ? ORDER BY part",
                (rs, i) -> rs.getBytes(1), storedName);
        if (parts.isEmpty()) {
            throw new IllegalStateException("evidence content missing: " + storedName);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    @Override
    public void remove(String storedName) {
        EvidenceStore.checkName(storedName);
        jdbc.update("DELETE FROM evidence_content WHERE stored_name = ?", storedName);
    }
}
