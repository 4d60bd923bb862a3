-- Our own tables. Camunda creates its ACT_* tables itself.
-- Written once for H2 (MySQL mode) and MySQL 8 / MariaDB 10.11; all text is utf8mb4.

CREATE TABLE org_unit (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(20)  NOT NULL,        -- FINANCE, SUPERVISING, UNIT
    parent_id   BIGINT       NULL,
    CONSTRAINT uk_org_unit_code UNIQUE (code),
    CONSTRAINT fk_org_unit_parent FOREIGN KEY (parent_id) REFERENCES org_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL,
    password_hash  VARCHAR(100) NOT NULL,
    display_name   VARCHAR(100) NOT NULL,
    unit_id        BIGINT       NOT NULL,
    role           VARCHAR(32)  NOT NULL,     -- UNIT_STAFF, SUPERVISOR_REVIEWER, FINANCE_REVIEWER, ADMIN
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins  INT          NOT NULL DEFAULT 0,
    locked_until   TIMESTAMP    NULL,
    created_at     TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uk_app_user_username UNIQUE (username),
    CONSTRAINT fk_app_user_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE campaign (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    fiscal_year     INT          NOT NULL,
    form_type       VARCHAR(20)  NOT NULL,
    rule_set        VARCHAR(64)  NOT NULL,
    template        VARCHAR(64)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,    -- DRAFT, OPEN, CLOSED
    fill_due        TIMESTAMP    NULL,
    supervisor_due  TIMESTAMP    NULL,
    finance_due     TIMESTAMP    NULL,
    created_by      BIGINT       NULL,
    created_at      TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE evaluation_form (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_id          BIGINT        NOT NULL,
    unit_id              BIGINT        NOT NULL,
    supervising_unit_id  BIGINT        NOT NULL,
    form_type            VARCHAR(20)   NOT NULL,
    fiscal_year          INT           NOT NULL,
    title                VARCHAR(200)  NOT NULL,
    rule_set             VARCHAR(64)   NOT NULL,
    money_unit           VARCHAR(20)   NULL,
    goal_expected        TEXT          NULL,
    goal_actual          TEXT          NULL,
    claimed_total        DECIMAL(20,6) NULL,
    claimed_grade        VARCHAR(8)    NULL,
    suggestions_overall  TEXT          NULL,
    status               VARCHAR(32)   NOT NULL,  -- DRAFT, SUPERVISOR_REVIEW, FINANCE_REVIEW, PUBLISHED
    process_instance_id  VARCHAR(64)   NULL,
    score_total          DECIMAL(24,10) NULL,
    score_grade          VARCHAR(8)    NULL,
    score_deduction      DECIMAL(24,10) NULL,
    has_errors           BOOLEAN       NOT NULL DEFAULT FALSE,
    score_json           MEDIUMTEXT    NULL,
    scored_at            TIMESTAMP     NULL,
    return_reason        TEXT          NULL,
    version              INT           NOT NULL DEFAULT 0,
    created_at           TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at           TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    submitted_at         TIMESTAMP     NULL,
    published_at         TIMESTAMP     NULL,
    -- Opening a campaign twice must not create a form twice.
    CONSTRAINT uk_form_campaign_unit_title UNIQUE (campaign_id, unit_id, title),
    CONSTRAINT fk_form_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    CONSTRAINT fk_form_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_form_status ON evaluation_form (status);
CREATE INDEX ix_form_supervising ON evaluation_form (supervising_unit_id, status);

CREATE TABLE budget_line (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    form_id          BIGINT        NOT NULL,
    seq              INT           NOT NULL,
    name             VARCHAR(200)  NULL,
    role             VARCHAR(20)   NULL,
    initial_budget   DECIMAL(20,6) NULL,
    declared_budget  DECIMAL(20,6) NULL,
    compiled_budget  DECIMAL(20,6) NULL,
    annual_budget    DECIMAL(20,6) NULL,
    executed         DECIMAL(20,6) NULL,
    balance          DECIMAL(20,6) NULL,
    stated_rate      DECIMAL(20,6) NULL,
    weight           DECIMAL(20,6) NULL,
    claimed_score    DECIMAL(20,6) NULL,
    quarterly_progress VARCHAR(200) NULL,
    CONSTRAINT fk_budget_line_form FOREIGN KEY (form_id) REFERENCES evaluation_form (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_budget_line_form ON budget_line (form_id, seq);

CREATE TABLE indicator (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    form_id             BIGINT        NOT NULL,
    seq                 INT           NOT NULL,
    category            VARCHAR(100)  NULL,
    subcategory         VARCHAR(100)  NULL,
    name                VARCHAR(200)  NULL,
    operator            VARCHAR(8)    NULL,
    target              VARCHAR(500)  NULL,
    adjusted_target     VARCHAR(500)  NULL,
    unit_of_measure     VARCHAR(50)   NULL,
    actual              VARCHAR(500)  NULL,
    weight              DECIMAL(20,6) NULL,
    claimed_score       DECIMAL(20,6) NULL,
    reason_funding      TEXT          NULL,
    reason_institution  TEXT          NULL,
    reason_staffing     TEXT          NULL,
    reason_facilities   TEXT          NULL,
    reason_other        TEXT          NULL,
    deviation_note      TEXT          NULL,
    improvement         TEXT          NULL,
    CONSTRAINT fk_indicator_form FOREIGN KEY (form_id) REFERENCES evaluation_form (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_indicator_form ON indicator (form_id, seq);

-- The unit's own 结果应用建议: one row per ticked option.
CREATE TABLE form_suggestion (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    form_id       BIGINT        NOT NULL,
    seq           INT           NOT NULL,
    option_label  VARCHAR(200)  NOT NULL,
    detail        TEXT          NULL,
    CONSTRAINT fk_form_suggestion_form FOREIGN KEY (form_id) REFERENCES evaluation_form (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_form_suggestion_form ON form_suggestion (form_id, seq);

CREATE TABLE report_section (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    form_id   BIGINT        NOT NULL,
    seq       INT           NOT NULL,
    heading   VARCHAR(200)  NULL,
    body      MEDIUMTEXT    NULL,
    CONSTRAINT fk_report_section_form FOREIGN KEY (form_id) REFERENCES evaluation_form (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_report_section_form ON report_section (form_id, seq);

-- A reviewer's decision at one stage, with the 审核意见 ticked.
CREATE TABLE review_opinion (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    form_id          BIGINT        NOT NULL,
    stage            VARCHAR(20)   NOT NULL,  -- SUPERVISOR, FINANCE
    reviewer_id      BIGINT        NOT NULL,
    decision         VARCHAR(32)   NOT NULL,  -- APPROVE, RETURN_TO_UNIT, RETURN_TO_SUPERVISOR
    reason           TEXT          NULL,
    overall_opinion  TEXT          NULL,
    created_at       TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_review_opinion_form FOREIGN KEY (form_id) REFERENCES evaluation_form (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_review_opinion_form ON review_opinion (form_id);

CREATE TABLE review_opinion_option (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    opinion_id    BIGINT        NOT NULL,
    seq           INT           NOT NULL,
    option_label  VARCHAR(200)  NOT NULL,
    detail        TEXT          NULL,
    CONSTRAINT fk_opinion_option FOREIGN KEY (opinion_id) REFERENCES review_opinion (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_opinion_option ON review_opinion_option (opinion_id);

-- Append-only: every workflow step, who did it and the form as it was.
CREATE TABLE workflow_record (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    form_id      BIGINT        NOT NULL,
    actor_id     BIGINT        NULL,          -- null for the system (scoring, publication)
    actor_name   VARCHAR(100)  NOT NULL,
    action       VARCHAR(32)   NOT NULL,
    from_status  VARCHAR(32)   NULL,
    to_status    VARCHAR(32)   NULL,
    detail       TEXT          NULL,
    snapshot     MEDIUMTEXT    NULL,
    created_at   TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_workflow_record_form FOREIGN KEY (form_id) REFERENCES evaluation_form (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_workflow_record_form ON workflow_record (form_id, id);

-- Open user tasks, kept by task listeners in the engine's transaction: the inbox reads this
-- indexed projection instead of the engine's task query.
CREATE TABLE inbox_task (
    task_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    form_id          BIGINT       NOT NULL,
    stage            VARCHAR(40)  NOT NULL,   -- the BPMN task id, e.g. Task_FillDraft
    candidate_group  VARCHAR(64)  NOT NULL,
    assignee         VARCHAR(64)  NULL,
    created_at       TIMESTAMP    NOT NULL,
    due_at           TIMESTAMP    NULL,
    CONSTRAINT uk_inbox_task_form UNIQUE (form_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_inbox_group ON inbox_task (candidate_group, created_at);
