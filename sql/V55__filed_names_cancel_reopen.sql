-- Names as at filing: the unit's name, its department's name and the path of names from the top
-- of the tree (e.g. 某局/某中心), copied onto the form at each submission, so that renaming or
-- moving a unit later does not change what a filed form shows. NULL until first submitted.
ALTER TABLE evaluation_form ADD COLUMN filed_unit_name VARCHAR(200) NULL;
ALTER TABLE evaluation_form ADD COLUMN filed_supervising_name VARCHAR(200) NULL;
ALTER TABLE evaluation_form ADD COLUMN filed_unit_path VARCHAR(1000) NULL;

-- 作废 (status CANCELLED) keeps its reason on the form; 重新开放 lets one form of a closed campaign
-- be filled and submitted again.
ALTER TABLE evaluation_form ADD COLUMN cancel_reason TEXT NULL;
ALTER TABLE evaluation_form ADD COLUMN reopened BOOLEAN NOT NULL DEFAULT FALSE;

-- The form search filters by year first.
CREATE INDEX ix_form_year ON evaluation_form (fiscal_year, status);
