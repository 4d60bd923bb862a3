-- A session attribute may outgrow BLOB's 64 KB: a refused post carries what was typed back to its page
-- (flash attributes), and a reviewer's opinions may be long. MySQL refuses such an insert, and Spring
-- Session drops an attribute it cannot insert with nothing but a TRACE line ("Not able to create session
-- attributes"), so the typed text was silently lost. MEDIUMBLOB (16 MB) holds anything under the 2 MB
-- request limit. H2 has no such limit.
ALTER TABLE SPRING_SESSION_ATTRIBUTES MODIFY ATTRIBUTE_BYTES MEDIUMBLOB NOT NULL;
