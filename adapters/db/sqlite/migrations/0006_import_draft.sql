-- A document uploaded in the web application and not yet stored (import: upload → preview → confirm).
-- The bytes are kept here, not in a server's memory, so every step can run on any app server; each
-- step reads them again. Working state, not data: export and load leave this table out, and drafts
-- older than a day are deleted on the next upload.
CREATE TABLE import_draft (
  id INTEGER PRIMARY KEY,
  office_id INTEGER NOT NULL REFERENCES office(id),
  user_id INTEGER NOT NULL REFERENCES app_user(id),
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes BLOB NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

CREATE INDEX import_draft_created ON import_draft(created_at);
