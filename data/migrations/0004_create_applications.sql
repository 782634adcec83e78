-- Applications to a lender branch (issue 6 submits them; issue 7's officer workspace reviews them).
-- An application is frozen at submission: the request, the consent and the snapshot never change (a trigger
-- refuses it); only status, updated_at and version move. A changed request is a new row with a new
-- acknowledgement number, linked to the one it replaces.

-- The last acknowledgement sequence used in each year; bumped inside the submitting transaction, so two
-- submissions can never take the same number.
CREATE TABLE ack_counters (
  year          INTEGER PRIMARY KEY,
  last_sequence INTEGER NOT NULL CHECK (last_sequence BETWEEN 1 AND 999999)
) STRICT;

CREATE TABLE applications (
  id                      INTEGER PRIMARY KEY,
  ack_number              TEXT NOT NULL UNIQUE
                            CHECK (ack_number GLOB 'HS-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]'),
  previous_application_id INTEGER REFERENCES applications (id),
  enterprise_id           INTEGER NOT NULL REFERENCES enterprises (id),
  owner_user_id           INTEGER NOT NULL REFERENCES users (id),
  lender_id               INTEGER NOT NULL REFERENCES organisations (id),
  branch_id               INTEGER NOT NULL REFERENCES branches (id),
  -- Copied from the enterprise at submission, for the officer's queue filters.
  cluster_id              TEXT NOT NULL,
  technology_id           TEXT NOT NULL,
  capex_paise             INTEGER NOT NULL CHECK (capex_paise > 0),
  loan_paise              INTEGER NOT NULL CHECK (loan_paise > 0 AND loan_paise <= capex_paise),
  tenure_months           INTEGER NOT NULL CHECK (tenure_months BETWEEN 1 AND 360),
  moratorium_months       INTEGER NOT NULL CHECK (moratorium_months >= 0 AND moratorium_months < tenure_months),
  status                  TEXT NOT NULL CHECK (status IN ('submitted', 'under-review', 'information-requested',
                            'recommended', 'sanctioned', 'declined', 'withdrawn')),
  snapshot                TEXT NOT NULL CHECK (json_valid(snapshot)),
  rules_version           TEXT NOT NULL,
  assessed_on             TEXT NOT NULL CHECK (assessed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  consent_user_id         INTEGER NOT NULL REFERENCES users (id),
  consent_at              TEXT NOT NULL,
  consent_text_version    TEXT NOT NULL,
  submitted_at            TEXT NOT NULL,
  updated_at              TEXT NOT NULL,
  version                 INTEGER NOT NULL DEFAULT 1 -- optimistic locking of status changes
) STRICT;
CREATE INDEX applications_branch_status ON applications (branch_id, status, submitted_at);
CREATE INDEX applications_lender_status ON applications (lender_id, status, submitted_at);
CREATE INDEX applications_owner ON applications (owner_user_id, submitted_at);
CREATE INDEX applications_enterprise ON applications (enterprise_id);

CREATE TRIGGER applications_frozen
BEFORE UPDATE OF ack_number, previous_application_id, enterprise_id, owner_user_id, lender_id, branch_id,
  cluster_id, technology_id, capex_paise, loan_paise, tenure_months, moratorium_months, snapshot, rules_version,
  assessed_on, consent_user_id, consent_at, consent_text_version, submitted_at ON applications
BEGIN
  SELECT RAISE(ABORT, 'a submitted application cannot be edited: submit a new version');
END;

CREATE TRIGGER applications_no_delete BEFORE DELETE ON applications
BEGIN
  SELECT RAISE(ABORT, 'applications are kept');
END;

-- What happened to an application, for both sides: submission, status changes, information requests and the
-- owner's answers, comments, decisions with structured reasons, and officers' views of the file.
CREATE TABLE application_events (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  occurred_at    TEXT NOT NULL,
  actor_user_id  INTEGER, -- no foreign key: the trail must outlive what it describes
  actor_party    TEXT NOT NULL CHECK (actor_party IN ('owner', 'officer', 'system')),
  kind           TEXT NOT NULL CHECK (kind IN ('submitted', 'status-changed', 'comment', 'viewed')),
  -- The action of a status change (start-review, request-information, answer-information, recommend,
  -- return-to-review, sanction, decline, withdraw); NULL for other kinds.
  action         TEXT,
  from_status    TEXT,
  to_status      TEXT,
  -- 'applicant': the owner sees it too; 'internal': only the lender's officers.
  visibility     TEXT NOT NULL CHECK (visibility IN ('applicant', 'internal')),
  message        TEXT,
  -- Structured parts: decline reasons, sanction terms (decimals as strings), the superseded ack number.
  details        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
  CHECK ((kind = 'status-changed') = (action IS NOT NULL AND to_status IS NOT NULL))
) STRICT;
CREATE INDEX application_events_application ON application_events (application_id, id);

CREATE TRIGGER application_events_no_update BEFORE UPDATE ON application_events
BEGIN
  SELECT RAISE(ABORT, 'application_events is append-only');
END;

CREATE TRIGGER application_events_no_delete BEFORE DELETE ON application_events
BEGIN
  SELECT RAISE(ABORT, 'application_events is append-only');
END;
