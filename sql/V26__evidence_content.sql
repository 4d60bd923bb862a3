-- 佐证材料 content kept in the database (perfeval.evidence.store=database), so that every application
-- instance sees every file and a database backup holds them. In parts of at most 1 MB: a 20 MB file
-- in one row would exceed MySQL's and MariaDB's default max_allowed_packet.
CREATE TABLE evidence_content (
    stored_name VARCHAR(64) NOT NULL,
    part        INT         NOT NULL,
    bytes       LONGBLOB    NOT NULL,
    CONSTRAINT pk_evidence_content PRIMARY KEY (stored_name, part)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
