-- 佐证材料 of a 整改事项: what the unit did about a reviewer's opinion, after the form was published.
ALTER TABLE evidence ADD COLUMN follow_up_id BIGINT NULL;
ALTER TABLE evidence ADD CONSTRAINT fk_evidence_follow_up FOREIGN KEY (follow_up_id) REFERENCES follow_up (id);
CREATE INDEX ix_evidence_follow_up ON evidence (follow_up_id);
