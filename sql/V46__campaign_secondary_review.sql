-- Which levels of the organisation tree review a campaign's forms (approval.ReviewChain): with
-- secondary_review on, a 二级单位 reviews its 基层单位's forms before the 主管部门 does. Off by default:
-- the 主管部门 reviews, then 财政, as before.
ALTER TABLE campaign ADD COLUMN secondary_review BOOLEAN NOT NULL DEFAULT FALSE;
