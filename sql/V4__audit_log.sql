-- Append-only audit trail: who did what to which object, from where, when (UTC).
CREATE TABLE audit_log (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    at              TIMESTAMP     NOT NULL,
    actor_id        BIGINT        NULL,
    actor_name      VARCHAR(100)  NOT NULL,
    unit_name       VARCHAR(200)  NULL,
    action          VARCHAR(40)   NOT NULL,
    object_type     VARCHAR(40)   NULL,
    object_id       VARCHAR(64)   NULL,
    client_address  VARCHAR(64)   NULL,
    detail          TEXT          NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_audit_at ON audit_log (at);
CREATE INDEX ix_audit_action ON audit_log (action, at);
CREATE INDEX ix_audit_object ON audit_log (object_type, object_id);
