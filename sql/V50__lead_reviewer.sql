-- 牵头审核人: a reviewer who may reassign any open task of the groups they work from (an absent
-- colleague's claimed task), besides the administrators. A flag per user: a department may have
-- several, and the finance department its own.
ALTER TABLE app_user ADD COLUMN lead_reviewer BOOLEAN NOT NULL DEFAULT FALSE;
