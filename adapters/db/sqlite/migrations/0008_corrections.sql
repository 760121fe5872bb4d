-- A change to a month after the head locked it is a correction: only a head (or an administrator)
-- makes one, always with a reason, and the entry shows it as a correction with that reason.
ALTER TABLE actual ADD COLUMN correction TEXT;
ALTER TABLE budget_spending ADD COLUMN correction TEXT;

-- Failed logins are forgotten oldest first (the table is bounded): find them by age.
CREATE INDEX login_failure_age ON login_failure(last_failure_at);
