-- Documents stored by `kinerja import`: one row per document and office, so importing the same
-- document again changes nothing, and another version under the same name is refused.
CREATE TABLE imported_document (
  id INTEGER PRIMARY KEY,
  office_id INTEGER NOT NULL REFERENCES office(id),
  source TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  kind TEXT NOT NULL,
  year INTEGER,
  rows INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  UNIQUE (office_id, sha256)
) STRICT;
