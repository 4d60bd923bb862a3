-- 逾期 and 即将到期 without engine timers (process version 4): approval.Deadlines sweeps the open
-- tasks' due dates and records here each alarm it raised, so that it is raised once per task, kind
-- and due date, on whichever node gets there first. An alarm whose handling failed keeps its
-- attempts and last error; after the last attempt it waits for an administrator (系统故障).
CREATE TABLE deadline_alarm (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    task_id     VARCHAR(64)   NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    due_at      TIMESTAMP     NOT NULL,
    form_id     BIGINT        NOT NULL,
    raised_at   TIMESTAMP     NULL,
    attempts    INT           NOT NULL DEFAULT 0,
    last_error  VARCHAR(1000) NULL,
    failed_at   TIMESTAMP     NULL,
    CONSTRAINT uk_deadline_alarm UNIQUE (task_id, kind, due_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The sweep reads open tasks by due date (and so does the overdue report).
CREATE INDEX ix_inbox_due ON inbox_task (due_at);
