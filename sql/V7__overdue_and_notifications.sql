-- 逾期: when an open task passed its due date (set once, by the BPMN timer).
CREATE TABLE overdue_mark (
    task_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    form_id     BIGINT       NOT NULL,
    stage       VARCHAR(40)  NOT NULL,
    due_at      TIMESTAMP    NULL,
    overdue_at  TIMESTAMP    NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_overdue_form ON overdue_mark (form_id);

-- In-app notifications; the dedup key makes each one exist once, however often a job runs.
CREATE TABLE notification (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    recipient_id  BIGINT        NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    form_id       BIGINT        NULL,
    message       VARCHAR(500)  NOT NULL,
    created_at    TIMESTAMP     NOT NULL,
    read_at       TIMESTAMP     NULL,
    dedup_key     VARCHAR(190)  NOT NULL,
    CONSTRAINT uk_notification_dedup UNIQUE (dedup_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_notification_recipient ON notification (recipient_id, read_at, id);

-- 催办: every reminder sent, by whom, for which form.
CREATE TABLE reminder (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    form_id   BIGINT       NOT NULL,
    stage     VARCHAR(40)  NOT NULL,
    sent_by   BIGINT       NOT NULL,
    sent_at   TIMESTAMP    NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_reminder_form ON reminder (form_id, sent_at);
