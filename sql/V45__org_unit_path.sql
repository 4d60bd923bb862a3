-- The organisation tree at any depth: each unit keeps its materialised path, the ids from its root
-- down to itself ("/3/17/42/"), so a reviewer's subtree is one prefix match (organisation.OrgTree
-- writes it from now on). Existing trees are at most two levels deep; the statements below fill
-- eight, each level from the one above it (the derived table lets MariaDB/MySQL read the table the
-- statement updates).
ALTER TABLE org_unit ADD COLUMN path VARCHAR(512) NULL;
UPDATE org_unit SET path = CONCAT('/', id, '/') WHERE parent_id IS NULL;
UPDATE org_unit SET path = (SELECT CONCAT(p.path, org_unit.id, '/') FROM (SELECT id, path FROM org_unit) p WHERE p.id = org_unit.parent_id)
 WHERE path IS NULL AND parent_id IN (SELECT q.id FROM (SELECT id, path FROM org_unit) q WHERE q.path IS NOT NULL);
UPDATE org_unit SET path = (SELECT CONCAT(p.path, org_unit.id, '/') FROM (SELECT id, path FROM org_unit) p WHERE p.id = org_unit.parent_id)
 WHERE path IS NULL AND parent_id IN (SELECT q.id FROM (SELECT id, path FROM org_unit) q WHERE q.path IS NOT NULL);
UPDATE org_unit SET path = (SELECT CONCAT(p.path, org_unit.id, '/') FROM (SELECT id, path FROM org_unit) p WHERE p.id = org_unit.parent_id)
 WHERE path IS NULL AND parent_id IN (SELECT q.id FROM (SELECT id, path FROM org_unit) q WHERE q.path IS NOT NULL);
UPDATE org_unit SET path = (SELECT CONCAT(p.path, org_unit.id, '/') FROM (SELECT id, path FROM org_unit) p WHERE p.id = org_unit.parent_id)
 WHERE path IS NULL AND parent_id IN (SELECT q.id FROM (SELECT id, path FROM org_unit) q WHERE q.path IS NOT NULL);
UPDATE org_unit SET path = (SELECT CONCAT(p.path, org_unit.id, '/') FROM (SELECT id, path FROM org_unit) p WHERE p.id = org_unit.parent_id)
 WHERE path IS NULL AND parent_id IN (SELECT q.id FROM (SELECT id, path FROM org_unit) q WHERE q.path IS NOT NULL);
UPDATE org_unit SET path = (SELECT CONCAT(p.path, org_unit.id, '/') FROM (SELECT id, path FROM org_unit) p WHERE p.id = org_unit.parent_id)
 WHERE path IS NULL AND parent_id IN (SELECT q.id FROM (SELECT id, path FROM org_unit) q WHERE q.path IS NOT NULL);
UPDATE org_unit SET path = (SELECT CONCAT(p.path, org_unit.id, '/') FROM (SELECT id, path FROM org_unit) p WHERE p.id = org_unit.parent_id)
 WHERE path IS NULL AND parent_id IN (SELECT q.id FROM (SELECT id, path FROM org_unit) q WHERE q.path IS NOT NULL);
CREATE INDEX ix_org_unit_path ON org_unit (path);
