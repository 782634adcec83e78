-- The owner's enterprise profile, saved step by step (issue 6). Money is INTEGER paise; physical quantities
-- (kWh, tonnes, litres) are TEXT decimals so no float ever carries them. Every step save bumps
-- enterprises.version (optimistic locking).

ALTER TABLE enterprises ADD COLUMN gst_number TEXT;
ALTER TABLE enterprises ADD COLUMN constitution TEXT
  CHECK (constitution IN ('proprietorship', 'partnership', 'llp', 'private-limited', 'public-limited', 'cooperative', 'other'));
ALTER TABLE enterprises ADD COLUMN year_of_start INTEGER;
-- Groups that own 51 % or more: a JSON array of 'women', 'sc', 'st'; NULL = not answered yet.
ALTER TABLE enterprises ADD COLUMN ownership TEXT CHECK (ownership IS NULL OR json_valid(ownership));
ALTER TABLE enterprises ADD COLUMN investment_paise INTEGER CHECK (investment_paise >= 0);
-- Which steps have been saved at least once: a JSON array of step ids.
ALTER TABLE enterprises ADD COLUMN completed_steps TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(completed_steps));

CREATE TABLE enterprise_energy (
  enterprise_id             INTEGER PRIMARY KEY REFERENCES enterprises (id) ON DELETE CASCADE,
  production_tonnes         TEXT,
  electricity_kwh           TEXT,
  contract_demand_kva       TEXT,
  connected_load_kw         TEXT,
  coke_tonnes               TEXT,
  natural_gas_scm           TEXT,
  lpg_kg                    TEXT,
  diesel_litres             TEXT,
  furnace_oil_kl            TEXT,
  annual_energy_bill_paise  INTEGER CHECK (annual_energy_bill_paise >= 0)
) STRICT;

CREATE TABLE enterprise_financials (
  enterprise_id                   INTEGER NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
  fiscal_year                     TEXT NOT NULL CHECK (fiscal_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  revenue_paise                   INTEGER,
  profit_after_tax_paise          INTEGER,
  depreciation_paise              INTEGER,
  interest_paise                  INTEGER,
  term_loan_repayment_paise       INTEGER,
  current_assets_paise            INTEGER,
  current_liabilities_paise       INTEGER,
  total_outside_liabilities_paise INTEGER,
  net_worth_paise                 INTEGER,
  intangible_assets_paise         INTEGER,
  PRIMARY KEY (enterprise_id, fiscal_year)
) STRICT;

CREATE TABLE enterprise_credit (
  enterprise_id          INTEGER PRIMARY KEY REFERENCES enterprises (id) ON DELETE CASCADE,
  new_to_credit          INTEGER NOT NULL CHECK (new_to_credit IN (0, 1)),
  cmr_rank               INTEGER CHECK (cmr_rank BETWEEN 1 AND 10),
  existing_loans_paise   INTEGER CHECK (existing_loans_paise >= 0),
  existing_emi_paise     INTEGER CHECK (existing_emi_paise >= 0), -- per month, all existing loans
  sma_status             TEXT NOT NULL CHECK (sma_status IN ('none', 'SMA-0', 'SMA-1', 'SMA-2', 'NPA')),
  CHECK (new_to_credit = 0 OR cmr_rank IS NULL)
) STRICT;

CREATE TABLE enterprise_compliance (
  enterprise_id               INTEGER PRIMARY KEY REFERENCES enterprises (id) ON DELETE CASCADE,
  consent_to_operate_until    TEXT, -- ISO date; NULL = none
  gst_returns_filed           INTEGER NOT NULL CHECK (gst_returns_filed IN (0, 1))
) STRICT;

-- One row per document the owner has (or an advisor or officer has checked). Absent = missing.
CREATE TABLE enterprise_documents (
  enterprise_id      INTEGER NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
  document_id        TEXT NOT NULL,
  provenance         TEXT NOT NULL CHECK (provenance IN ('self-declared', 'advisor-checked', 'document-verified')),
  updated_by_user_id INTEGER NOT NULL REFERENCES users (id),
  updated_at         TEXT NOT NULL,
  PRIMARY KEY (enterprise_id, document_id)
) STRICT;
