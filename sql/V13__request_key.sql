-- Idempotency keys of form saves and submissions: a request retried after a lost answer (network,
-- database restart) finds its key and is answered with the first outcome instead of being done twice.
CREATE TABLE request_key (
    actor_id     BIGINT       NOT NULL,
    request_key  VARCHAR(64)  NOT NULL,
    form_id      BIGINT       NOT NULL,
    action       VARCHAR(20)  NOT NULL,
    outcome      VARCHAR(20)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    PRIMARY KEY (actor_id, request_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
