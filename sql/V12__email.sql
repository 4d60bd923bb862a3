-- E-mail for notifications (sent only when SMTP is configured). A notification written while mail
-- is on starts PENDING; one node claims it (SENDING), then SENT, or back to PENDING to retry, or FAILED.
ALTER TABLE app_user ADD COLUMN email VARCHAR(254) NULL;
ALTER TABLE notification ADD COLUMN email_state VARCHAR(10) NULL;
ALTER TABLE notification ADD COLUMN email_attempts INT NOT NULL DEFAULT 0;
ALTER TABLE notification ADD COLUMN emailed_at TIMESTAMP NULL;
CREATE INDEX ix_notification_email ON notification (email_state, id);
