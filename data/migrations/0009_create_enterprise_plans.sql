-- The owner's saved upgrade plan (issue 6): one per enterprise, replaced on each save. The technology, the
-- owner's quotation and loan terms where given (NULL: the catalogue's estimate or the usual terms stand), money in
-- paise, and the financing package the owner chose (a JSON array of scheme ids; NULL until one is chosen, [] for
-- the ordinary term loan). Each save is also in the audit trail.
CREATE TABLE enterprise_plans (
  enterprise_id        INTEGER PRIMARY KEY REFERENCES enterprises (id),
  technology_id        TEXT NOT NULL,
  capex_paise          INTEGER CHECK (capex_paise IS NULL OR capex_paise > 0),
  annual_om_paise      INTEGER CHECK (annual_om_paise IS NULL OR annual_om_paise >= 0),
  annual_saving_paise  INTEGER CHECK (annual_saving_paise IS NULL OR annual_saving_paise >= 0),
  loan_paise           INTEGER CHECK (loan_paise IS NULL OR loan_paise >= 0),
  tenure_months        INTEGER CHECK (tenure_months IS NULL OR tenure_months BETWEEN 1 AND 360),
  moratorium_months    INTEGER CHECK (moratorium_months IS NULL OR moratorium_months BETWEEN 0 AND 360),
  package_scheme_ids   TEXT CHECK (package_scheme_ids IS NULL OR json_type(package_scheme_ids) = 'array'),
  saved_by_user_id     INTEGER NOT NULL, -- no foreign key: the record must outlive what it describes
  saved_at             TEXT NOT NULL
) STRICT;
