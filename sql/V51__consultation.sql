-- 征求意见 / 加签: a reviewer asks colleagues or experts (any reviewer) for an opinion before deciding.
-- One row per person asked; the answer is kept with the form for good. Asked users may read the form
-- (organisation.AccessPolicy#canRead), never change it.
CREATE TABLE consultation (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    form_id      BIGINT        NOT NULL,
    task_id      VARCHAR(64)   NOT NULL,   -- the review task it was asked for; answering ends with it
    stage        VARCHAR(64)   NOT NULL,   -- that task's BPMN key
    asker_id     BIGINT        NOT NULL,
    asked_id     BIGINT        NOT NULL,
    question     TEXT          NOT NULL,
    answer       TEXT          NULL,
    asked_at     TIMESTAMP     NOT NULL,
    answered_at  TIMESTAMP     NULL,
    CONSTRAINT fk_consultation_form FOREIGN KEY (form_id) REFERENCES evaluation_form (id),
    CONSTRAINT fk_consultation_asker FOREIGN KEY (asker_id) REFERENCES app_user (id),
    CONSTRAINT fk_consultation_asked FOREIGN KEY (asked_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_consultation_asked ON consultation (asked_id, answered_at);
CREATE INDEX ix_consultation_form ON consultation (form_id, asked_id);
