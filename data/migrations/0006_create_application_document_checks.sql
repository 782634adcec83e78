-- The officer's document checklist on an application (issue 7): each required document verified, waived (with
-- the reason) or requested from the applicant. Append-only like the rest of an application's trail: a changed
-- mark is a new row, and the latest row per document is its state. The frozen snapshot is never touched; the
-- review overlays these marks on the provenance it recorded.
CREATE TABLE application_document_checks (
  id              INTEGER PRIMARY KEY,
  application_id  INTEGER NOT NULL REFERENCES applications (id),
  document_id     TEXT NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('verified', 'waived', 'requested')),
  reason          TEXT,
  officer_user_id INTEGER NOT NULL, -- no foreign key: the trail must outlive what it describes
  checked_at      TEXT NOT NULL,
  CHECK (state <> 'waived' OR (reason IS NOT NULL AND length(trim(reason)) > 0))
) STRICT;
CREATE INDEX application_document_checks_application ON application_document_checks (application_id, document_id, id);

CREATE TRIGGER application_document_checks_no_update BEFORE UPDATE ON application_document_checks
BEGIN
  SELECT RAISE(ABORT, 'application_document_checks is append-only');
END;

CREATE TRIGGER application_document_checks_no_delete BEFORE DELETE ON application_document_checks
BEGIN
  SELECT RAISE(ABORT, 'application_document_checks is append-only');
END;
