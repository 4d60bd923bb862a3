-- Tree editing by administrators: a unit can be disabled (no new forms in new campaigns, its users
-- cannot log in), and every change of a unit (added, moved, renamed, disabled, enabled, imported)
-- is kept with who made it and when, shown on the unit page.
ALTER TABLE org_unit ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT TRUE;

CREATE TABLE unit_history (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    unit_id     BIGINT       NOT NULL,
    field       VARCHAR(20)  NOT NULL,     -- CREATED, PARENT, NAME, ENABLED
    old_value   TEXT         NULL,
    new_value   TEXT         NULL,
    actor_id    BIGINT       NULL,
    actor_name  VARCHAR(100) NOT NULL,
    changed_at  TIMESTAMP    NOT NULL,
    CONSTRAINT fk_unit_history_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_unit_history_unit ON unit_history (unit_id, changed_at);
CREATE INDEX ix_unit_history_at ON unit_history (changed_at);
