-- Figures of a profile an association advisor has seen on paper (issue 8), one row per group of figures: the
-- energy figures, each fiscal year's statements, the credit record, the compliance record. The values seen are
-- kept (canonical JSON), so a group edited since no longer matches and reads as the owner's word again
-- (readiness.md: changing a figure resets its provenance). A newer check of the same group replaces the older;
-- each check is also in the audit trail.
CREATE TABLE figure_checks (
  enterprise_id       INTEGER NOT NULL REFERENCES enterprises (id),
  figure_group        TEXT NOT NULL CHECK (figure_group IN ('energy', 'credit', 'compliance')
                                           OR figure_group GLOB 'financials.[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  seen_values         TEXT NOT NULL CHECK (json_valid(seen_values)),
  checked_by_user_id  INTEGER NOT NULL, -- no foreign key: the record must outlive the account
  checked_at          TEXT NOT NULL,
  PRIMARY KEY (enterprise_id, figure_group)
) STRICT;
