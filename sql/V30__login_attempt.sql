-- Login throttling, one row per key: an account name ("user:" + the name as typed, lower case,
-- whether or not such a user exists) or a client address ("addr:" + address). An attempt is
-- reserved with one conditional UPDATE before the password is checked, so parallel attempts and
-- several app instances never check more than the limit. Replaces login_address and the per-user
-- failure count in app_user (no longer read).
CREATE TABLE login_attempt (
    throttle_key       VARCHAR(100) NOT NULL PRIMARY KEY,
    attempts           INT          NOT NULL,
    window_started_at  TIMESTAMP    NOT NULL,
    blocked_until      TIMESTAMP    NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_login_attempt_blocked ON login_attempt (blocked_until);

DROP TABLE login_address;
