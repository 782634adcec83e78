-- Cluster validation workshops run by an association (issue 8): who came, what each unit decided, and which
-- lenders' products they asked about.
CREATE TABLE workshops (
  id                 INTEGER PRIMARY KEY,
  organisation_id    INTEGER NOT NULL REFERENCES organisations (id),
  cluster_id         TEXT NOT NULL,
  held_on            TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  venue              TEXT NOT NULL,
  lender_ids         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(lender_ids)), -- presenting lenders (organisations)
  created_by_user_id INTEGER NOT NULL REFERENCES users (id),
  created_at         TEXT NOT NULL
) STRICT;
CREATE INDEX workshops_organisation ON workshops (organisation_id, held_on);

CREATE TABLE workshop_units (
  workshop_id   INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
  registered_at TEXT NOT NULL,
  outcome       TEXT NOT NULL DEFAULT 'pending'
                CHECK (outcome IN ('pending', 'validated', 'needs-documents', 'not-interested')),
  interests     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(interests)), -- scheme ids the unit asked about
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (workshop_id, enterprise_id)
) STRICT;
