-- One-time links an advisor gives the owner of a unit they created, so the owner can claim the profile (issue 8).
-- Only a hash of the token is stored: the link itself is shown once.
CREATE TABLE claim_links (
  token_hash         TEXT PRIMARY KEY,
  enterprise_id      INTEGER NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
  created_by_user_id INTEGER NOT NULL REFERENCES users (id),
  created_at         TEXT NOT NULL,
  expires_at         TEXT NOT NULL,
  used_at            TEXT,
  used_by_user_id    INTEGER REFERENCES users (id)
) STRICT;
CREATE INDEX claim_links_enterprise ON claim_links (enterprise_id);
