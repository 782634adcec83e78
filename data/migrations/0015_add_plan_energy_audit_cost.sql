-- What the owner's energy audit cost (issue 4/6): state schemes pay part of it back (Haryana 75 %, West Bengal's
-- Banglashree 50 %, each with a cap), valued only when the cost is known. NULL: not given.
ALTER TABLE enterprise_plans ADD COLUMN energy_audit_cost_paise INTEGER
  CHECK (energy_audit_cost_paise IS NULL OR energy_audit_cost_paise > 0);
