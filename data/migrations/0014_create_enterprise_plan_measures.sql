-- Further measures of the owner's upgrade plan (issue 6: "one or more technologies"; decision 0008). The first
-- measure stays in enterprise_plans; the second and later are here, in the owner's order (position 2, 3, ...),
-- each with the owner's quotation and running cost where given (NULL: the catalogue's estimate stands). The loan,
-- the project type, the audited saving (of the whole project) and the chosen package stay on the plan. Replaced
-- with the plan on each save.
CREATE TABLE enterprise_plan_measures (
  enterprise_id    INTEGER NOT NULL REFERENCES enterprise_plans (enterprise_id),
  position         INTEGER NOT NULL CHECK (position >= 2),
  technology_id    TEXT NOT NULL,
  capex_paise      INTEGER CHECK (capex_paise IS NULL OR capex_paise > 0),
  annual_om_paise  INTEGER CHECK (annual_om_paise IS NULL OR annual_om_paise >= 0),
  PRIMARY KEY (enterprise_id, position),
  UNIQUE (enterprise_id, technology_id)
) STRICT;
