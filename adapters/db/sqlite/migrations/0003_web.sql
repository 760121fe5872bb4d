-- The web application: sessions shared by every app server through the database, failed-login
-- back-off, optimistic locking of actuals, and the monthly reporting cycle of a sub-unit.

-- Only a hash of the session token is stored; the token itself lives in the browser's cookie or the
-- API client's Authorization header. Times are unix seconds.
CREATE TABLE session (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES app_user(id),
  csrf_token TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('browser', 'api')),
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
) STRICT;

CREATE TABLE login_failure (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  failures INTEGER NOT NULL,
  last_failure_at INTEGER NOT NULL,
  locked_until INTEGER NOT NULL
) STRICT;

-- Every edit of an actual carries the version it was based on; a stale one is refused.
ALTER TABLE actual ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- Yearly targets and the months of the action plan are edited the same way.
ALTER TABLE indicator_target ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE action_item ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- Monthly spending is edited the same way.
ALTER TABLE budget_spending ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- A sub-unit's month: open → submitted → approved or returned; the head locks the office's month.
CREATE TABLE period_status (
  id INTEGER PRIMARY KEY,
  office_id INTEGER NOT NULL REFERENCES office(id),
  unit_id INTEGER REFERENCES unit(id),
  year INTEGER NOT NULL,
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  status TEXT NOT NULL CHECK (status IN ('open', 'submitted', 'approved', 'returned', 'locked')),
  comment TEXT,
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (office_id, unit_id, year, month)
) STRICT;

-- The audit log of an office is filtered by office.
ALTER TABLE audit_log ADD COLUMN office_id INTEGER REFERENCES office(id);

-- Evidence files are stored outside the database under their content hash; one row per upload.
ALTER TABLE evidence ADD COLUMN office_id INTEGER REFERENCES office(id);

-- A counter every data write raises, so that app servers can cache pages until the data changes.
-- No row until the first write: an empty database stays empty.
CREATE TABLE data_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value INTEGER NOT NULL
) STRICT;

CREATE INDEX session_user ON session(user_id);
CREATE INDEX audit_office ON audit_log(office_id, id);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
