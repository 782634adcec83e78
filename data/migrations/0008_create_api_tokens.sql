-- API tokens for lenders' systems (issue 7): created by an admin for one lender, acting as one of its officers
-- (so decisions taken through the API carry an officer's name and maker-checker applies as on the pages).
-- Only a SHA-256 hash of the token is kept; the token itself is shown once. Revoking sets revoked_at; rows are kept.
CREATE TABLE api_tokens (
  id                 INTEGER PRIMARY KEY,
  lender_id          INTEGER NOT NULL REFERENCES organisations (id),
  acting_user_id     INTEGER NOT NULL REFERENCES users (id),
  label              TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  token_hash         TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  -- The first characters of the token, so an admin can tell tokens apart without the secret.
  token_prefix       TEXT NOT NULL,
  created_by_user_id INTEGER NOT NULL REFERENCES users (id),
  created_at         TEXT NOT NULL,
  revoked_at         TEXT,
  revoked_by_user_id INTEGER REFERENCES users (id)
) STRICT;
CREATE INDEX api_tokens_lender ON api_tokens (lender_id);

CREATE TRIGGER api_tokens_no_delete BEFORE DELETE ON api_tokens
BEGIN
  SELECT RAISE(ABORT, 'api tokens are revoked, not deleted');
END;
