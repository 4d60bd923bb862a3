-- Next year's form starts from last year's indicators, with last year's actual beside the new target.
ALTER TABLE indicator ADD COLUMN previous_actual VARCHAR(500) NULL;
