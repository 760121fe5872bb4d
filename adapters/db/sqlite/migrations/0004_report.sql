-- Reports: the narrative sections of the LKj that the office writes (Kata Pengantar, BAB I, the causes,
-- efficiency and supporting activities of each objective, the conclusion). A report uses the text of
-- the latest year at or before its own, so the text carries over until the office rewrites it.
-- `section` is a fixed key ("kata-pengantar", "sasaran-12-sebab"); edits carry their version.
CREATE TABLE narrative (
  id INTEGER PRIMARY KEY,
  office_id INTEGER NOT NULL REFERENCES office(id),
  year INTEGER NOT NULL,
  section TEXT NOT NULL,
  text TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (office_id, year, section)
) STRICT;

-- A national standard an indicator is compared against in the LKj analysis (point 4 of 53/2014),
-- as written ("95%"); most indicators have none.
ALTER TABLE indicator ADD COLUMN national_standard TEXT;
