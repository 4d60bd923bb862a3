-- 指标库: reusable 三级指标 with their defaults, maintained by administrators.
CREATE TABLE indicator_library (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    form_type        VARCHAR(20)   NOT NULL,
    sector           VARCHAR(50)   NULL,
    category         VARCHAR(100)  NOT NULL,
    subcategory      VARCHAR(100)  NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    operator         VARCHAR(8)    NULL,
    unit_of_measure  VARCHAR(50)   NULL,
    typical_target   VARCHAR(200)  NULL,
    quantitative     BOOLEAN       NOT NULL,
    definition       VARCHAR(1000) NULL,
    CONSTRAINT uk_library_name UNIQUE (form_type, category, subcategory, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_library_name ON indicator_library (name);
CREATE INDEX ix_indicator_name ON indicator (name);

-- 整改事项: an action a reviewer's opinion asks of the unit, tracked until accepted.
CREATE TABLE follow_up (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    form_id         BIGINT        NOT NULL,
    unit_id         BIGINT        NOT NULL,
    fiscal_year     INT           NOT NULL,
    stage           VARCHAR(20)   NOT NULL,    -- SUPERVISOR, FINANCE: who raised it and accepts it
    opinion_option  VARCHAR(200)  NOT NULL,
    detail          TEXT          NULL,
    status          VARCHAR(20)   NOT NULL,    -- OPEN, IN_PROGRESS, DONE, NOT_ACCEPTED
    accepted        BOOLEAN       NOT NULL DEFAULT FALSE,
    unit_note       TEXT          NULL,
    due_at          TIMESTAMP     NULL,
    created_at      TIMESTAMP     NOT NULL,
    updated_at      TIMESTAMP     NOT NULL,
    CONSTRAINT uk_follow_up UNIQUE (form_id, stage, opinion_option),
    CONSTRAINT fk_follow_up_form FOREIGN KEY (form_id) REFERENCES evaluation_form (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_follow_up_unit ON follow_up (unit_id, status);
