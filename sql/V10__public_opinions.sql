-- Which reviewers' opinions a campaign publishes with its forms (return reasons never are).
ALTER TABLE campaign ADD COLUMN public_opinions VARCHAR(40) NOT NULL DEFAULT 'SUPERVISOR,FINANCE';
