-- Organisations: associations (BMOs) that advisors belong to, and lenders whose branches officers belong to.
CREATE TABLE organisations (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('association', 'lender')),
  name       TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
) STRICT;

-- An association serves one or more clusters (ids from data/clusters.yaml).
CREATE TABLE association_clusters (
  organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  cluster_id      TEXT NOT NULL,
  PRIMARY KEY (organisation_id, cluster_id)
) STRICT;

CREATE TABLE branches (
  id              INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  name            TEXT NOT NULL,
  city            TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  UNIQUE (organisation_id, name)
) STRICT;

CREATE TABLE users (
  id                 INTEGER PRIMARY KEY,
  email              TEXT UNIQUE COLLATE NOCASE,
  mobile             TEXT UNIQUE,
  display_name       TEXT NOT NULL,
  password_hash      TEXT NOT NULL,
  role               TEXT NOT NULL CHECK (role IN ('owner', 'advisor', 'bank_officer', 'admin')),
  organisation_id    INTEGER REFERENCES organisations (id),
  branch_id          INTEGER REFERENCES branches (id),
  failed_login_count INTEGER NOT NULL DEFAULT 0,
  locked_until       TEXT,
  created_at         TEXT NOT NULL,
  CHECK (email IS NOT NULL OR mobile IS NOT NULL),
  CHECK (role <> 'advisor' OR organisation_id IS NOT NULL),
  CHECK (role <> 'bank_officer' OR (organisation_id IS NOT NULL AND branch_id IS NOT NULL))
) STRICT;

CREATE TABLE sessions (
  sid        TEXT PRIMARY KEY,
  data       TEXT NOT NULL,
  expires_at INTEGER NOT NULL -- milliseconds since the epoch
) STRICT;
CREATE INDEX sessions_expires_at ON sessions (expires_at);

-- Append-only record of logins, failed logins and every change made through the app.
CREATE TABLE audit_events (
  id            INTEGER PRIMARY KEY,
  occurred_at   TEXT NOT NULL,
  actor_user_id INTEGER, -- no foreign key: the trail must outlive what it describes
  action        TEXT NOT NULL,
  object_type   TEXT,
  object_id     TEXT,
  details       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
  request_id    TEXT
) STRICT;
CREATE INDEX audit_events_object ON audit_events (object_type, object_id);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
