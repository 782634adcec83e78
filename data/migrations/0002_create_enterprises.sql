-- An enterprise (MSME unit). Owned by an owner; an advisor may create one on an owner's behalf.
CREATE TABLE enterprises (
  id                 INTEGER PRIMARY KEY,
  owner_user_id      INTEGER REFERENCES users (id),
  created_by_user_id INTEGER NOT NULL REFERENCES users (id),
  cluster_id         TEXT NOT NULL,
  name               TEXT NOT NULL,
  udyam_number       TEXT UNIQUE,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  version            INTEGER NOT NULL DEFAULT 1 -- optimistic locking
) STRICT;
CREATE INDEX enterprises_owner ON enterprises (owner_user_id);
CREATE INDEX enterprises_cluster ON enterprises (cluster_id);
