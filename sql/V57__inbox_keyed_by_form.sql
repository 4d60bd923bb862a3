-- The inbox keeps one row per form whose task changes at every step: keyed by the task id, each step
-- moved the row in the clustered index and rewrote every secondary index. Keyed by the form, a step
-- updates the row in place; the task id stays unique for the listeners that look it up.
ALTER TABLE inbox_task DROP PRIMARY KEY;
ALTER TABLE inbox_task ADD PRIMARY KEY (form_id);
ALTER TABLE inbox_task ADD CONSTRAINT uk_inbox_task_id UNIQUE (task_id);
