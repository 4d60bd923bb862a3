-- 佐证材料: files attached to a form or to one indicator row, stored outside the web root.
CREATE TABLE evidence (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    form_id          BIGINT        NOT NULL,
    indicator_seq    INT           NULL,      -- null: attached to the whole form
    original_name    VARCHAR(255)  NOT NULL,
    stored_name      VARCHAR(64)   NOT NULL,
    content_type     VARCHAR(100)  NOT NULL,
    size_bytes       BIGINT        NOT NULL,
    sha256           CHAR(64)      NOT NULL,
    uploaded_by      BIGINT        NOT NULL,
    uploaded_at      TIMESTAMP     NOT NULL,
    CONSTRAINT uk_evidence_stored UNIQUE (stored_name),
    CONSTRAINT fk_evidence_form FOREIGN KEY (form_id) REFERENCES evaluation_form (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_evidence_form ON evidence (form_id);
