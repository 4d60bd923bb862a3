-- Users an administrator has given a new password (or the generated first administrator) must
-- choose their own at the next login. The failure count and lock moved to login_attempt (V30).
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE app_user DROP COLUMN failed_logins;
ALTER TABLE app_user DROP COLUMN locked_until;
