-- The advisor's bulk imports (issue 8). The uploaded file is read once, streaming, into import_rows (raw cells
-- as the file had them), so mapping, preview, confirmation and the rejected-rows file all work from the database
-- and the upload itself is never kept.
CREATE TABLE import_batches (
  id                   INTEGER PRIMARY KEY,
  organisation_id      INTEGER NOT NULL REFERENCES organisations (id),
  created_by_user_id   INTEGER NOT NULL REFERENCES users (id),
  created_at           TEXT NOT NULL,
  file_name            TEXT NOT NULL,
  headers              TEXT NOT NULL CHECK (json_valid(headers)),  -- the file's header row, as written
  mapping              TEXT NOT NULL CHECK (json_valid(mapping)),  -- field → 0-based column, or null
  status               TEXT NOT NULL DEFAULT 'uploaded' CHECK (status IN ('uploaded', 'previewed', 'confirmed')),
  row_count            INTEGER NOT NULL DEFAULT 0,  -- data rows, blank ones included
  duplicate_choice     TEXT CHECK (duplicate_choice IN ('update', 'skip', 'flag')),
  confirmed_by_user_id INTEGER REFERENCES users (id),
  confirmed_at         TEXT,
  imported_count       INTEGER,
  updated_count        INTEGER,
  skipped_count        INTEGER,
  flagged_count        INTEGER,
  rejected_count       INTEGER,
  blank_count          INTEGER,
  CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL))
) STRICT;
CREATE INDEX import_batches_organisation ON import_batches (organisation_id, created_at);

CREATE TABLE import_rows (
  batch_id      INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
  row_number    INTEGER NOT NULL,  -- as a spreadsheet numbers it: the header is row 1
  cells         TEXT NOT NULL CHECK (json_valid(cells)),
  -- Set by the preview (the plan) and again on confirmation (what happened).
  outcome       TEXT CHECK (outcome IN ('blank', 'create', 'update', 'skip', 'flag', 'reject')),
  problems      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(problems)),  -- field → problem code
  udyam_number  TEXT,
  duplicate_of  TEXT CHECK (duplicate_of IN ('file', 'database')),
  enterprise_id INTEGER REFERENCES enterprises (id),
  PRIMARY KEY (batch_id, row_number)
) STRICT;
