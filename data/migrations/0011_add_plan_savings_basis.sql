-- The owner's yearly saving from an energy audit goes in annual_saving_paise (there since 0009); savings_basis
-- says which kind of audit it comes from, since readiness scores an investment-grade audit above a walk-through
-- one (data/parameters/readiness.yaml, factor savings-basis). NULL with no saving of the owner's: an estimate.
ALTER TABLE enterprise_plans ADD COLUMN savings_basis TEXT
  CHECK (savings_basis IS NULL OR savings_basis IN ('walk-through-audit', 'investment-grade-audit'));
