-- Opening a campaign looks up last year's form of each unit and title (to start from its indicators);
-- without this index that lookup read every form of the unit.
CREATE INDEX ix_form_unit_year_title ON evaluation_form (unit_id, fiscal_year, title);
