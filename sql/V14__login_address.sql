-- Failed logins per client address: many failures from one address across accounts (password
-- spraying) block further attempts from it for a while; administrators can lift the block.
CREATE TABLE login_address (
    address            VARCHAR(64)  NOT NULL PRIMARY KEY,
    failures           INT          NOT NULL,
    window_started_at  TIMESTAMP    NOT NULL,
    blocked_until      TIMESTAMP    NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
