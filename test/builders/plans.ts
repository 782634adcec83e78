import type { SavedPlan } from '../../src/db/enterprise-plan-repository.js';
import type { UpgradePlan } from '../../src/services/assessment-service.js';

// Upgrade plans for tests: one technology with nothing else said (the catalogue's estimates and the usual loan
// terms stand), and whatever a test needs on top.

export const upgradePlan = (
  fields: Pick<UpgradePlan, 'technologyId'> & Partial<UpgradePlan>,
): UpgradePlan => ({
  capexInr: null,
  annualOmInr: null,
  furtherMeasures: [],
  annualSavingInr: null,
  savingsBasis: null,
  energyAuditCostInr: null,
  projectType: null,
  loanInr: null,
  tenureMonths: null,
  moratoriumMonths: null,
  ...fields,
});

/** A saved plan, without a package chosen unless the test says. */
export const savedPlan = (
  fields: Pick<SavedPlan, 'enterpriseId' | 'technologyId' | 'savedByUserId' | 'savedAt'> & Partial<SavedPlan>,
): SavedPlan => ({ ...upgradePlan(fields), packageSchemeIds: null, ...fields });
