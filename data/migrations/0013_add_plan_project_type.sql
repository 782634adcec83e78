-- What the planned upgrade does to the plant: state policies (Punjab IBDP 2022, RIPS 2024) and MSE-CDP
-- infrastructure treat a new unit, an expansion and a modernisation differently. NULL: not said, and those
-- schemes stay "may apply".
ALTER TABLE enterprise_plans ADD COLUMN project_type TEXT
  CHECK (project_type IS NULL OR project_type IN ('new-unit', 'expansion', 'modernisation'));
