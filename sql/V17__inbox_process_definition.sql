-- The form's open task is read from the inbox projection instead of the engine's task query (a join
-- of tasks and executions with a result mapping, about a tenth of an approval's processor time). The
-- routing flags depend on the process version, so the row keeps its process definition. Rows written
-- before this have none, and their forms are looked up in the engine as before.
ALTER TABLE inbox_task ADD COLUMN process_definition_id VARCHAR(64) NULL;
