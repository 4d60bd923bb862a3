package org.perfeval.evidence;

/**
 * Where the bytes of 佐证材料 live, chosen by {@code perfeval.evidence.store}: {@code files} (a
 * directory, {@code perfeval.evidence.dir}; shared by all instances when there are several) or
 * {@code database} (table evidence_content, seen by every instance and held by a database backup).
 * Names are generated (32 hex digits); what the user called the file never reaches the store.
 * Writes and deletions follow the surrounding transaction: a rolled-back upload leaves nothing.
 */
public interface EvidenceStore {

    void save(String storedName, byte[] bytes);

    byte[] load(String storedName);

    void remove(String storedName);

    static void checkName(String storedName) {
        if (storedName == null || !storedName.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("bad stored name");
        }
    }
}
