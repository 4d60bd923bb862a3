-- 公开: what the public sees is a frozen record written at publication, never the live form.
CREATE TABLE published_record (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    form_id                BIGINT         NOT NULL,
    revision               INT            NOT NULL,   -- a correction is a new revision
    fiscal_year            INT            NOT NULL,
    form_type              VARCHAR(20)    NOT NULL,
    title                  VARCHAR(200)   NOT NULL,
    unit_name              VARCHAR(200)   NOT NULL,
    supervising_unit_name  VARCHAR(200)   NOT NULL,
    score_total            DECIMAL(24,10) NULL,
    score_grade            VARCHAR(8)     NULL,
    content_json           MEDIUMTEXT     NOT NULL,   -- the form in the exchange shape
    score_json             MEDIUMTEXT     NULL,
    opinions_json          MEDIUMTEXT     NULL,       -- approving review opinions only
    published_at           TIMESTAMP      NOT NULL,
    pdf                    LONGBLOB       NULL,
    pdf_sha256             CHAR(64)       NULL,
    withdrawn_at           TIMESTAMP      NULL,
    withdrawn_reason       TEXT           NULL,
    withdrawn_by           BIGINT         NULL,
    superseded_by          BIGINT         NULL,
    CONSTRAINT uk_published_form_revision UNIQUE (form_id, revision),
    CONSTRAINT fk_published_form FOREIGN KEY (form_id) REFERENCES evaluation_form (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_published_year ON published_record (fiscal_year, published_at);
