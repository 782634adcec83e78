import { Decimal } from 'decimal.js';
import type { EnergyUse } from '../../src/domain/enterprise-profile.js';
import type { Actor, ChangeContext } from '../../src/services/actor.js';
import { catalogue, DEMO_PASSWORD, type TestApp } from '../helpers/test-app.js';

// Builders shared by the application, bank, lender-API and assessment tests.

export const changeContext = (actor: Actor | null): ChangeContext => ({ actor, requestId: 'test' });

/** The seeded user with this login, as services see them. */
export function actorFor(testApp: TestApp, email: string): Actor {
  const user = testApp.repos.users.findByIdentifier(email);
  if (!user) throw new Error(`no user ${email}`);
  return { userId: user.id, role: user.role, organisationId: user.organisationId, branchId: user.branchId };
}

/** A year of a small Batala cupola foundry: 2,400 t of castings on 360 t of coke and 4.5 lakh kWh. */
export const CUPOLA_FOUNDRY_ENERGY: EnergyUse = {
  productionTonnes: new Decimal(2400),
  electricityKwh: new Decimal(450000),
  contractDemandKva: null,
  connectedLoadKw: null,
  cokeTonnes: new Decimal(360),
  naturalGasScm: null,
  lpgKg: null,
  dieselLitres: null,
  furnaceOilKl: null,
  annualEnergyBillInr: null,
};

/** Saves the energy step of an owner's enterprise with the figures above. */
export function saveCupolaEnergy(testApp: TestApp, owner: Actor, enterpriseId: number): void {
  const profile = testApp.services.profiles.profileFor(owner, enterpriseId);
  if (!profile) throw new Error(`enterprise ${enterpriseId} is not ${owner.userId}'s`);
  testApp.services.profiles.saveStep(
    owner,
    enterpriseId,
    profile.version,
    { step: 'energy', energy: CUPOLA_FOUNDRY_ENERGY },
    changeContext(owner),
  );
}

/** A new bank officer at a lender's branch, password DEMO_PASSWORD. */
export async function createOfficer(
  testApp: TestApp,
  email: string,
  lenderId: number,
  branchId: number,
): Promise<Actor> {
  await testApp.services.accounts.createAccount(
    {
      identifier: { email, mobile: null },
      displayName: email.split('@')[0] ?? email,
      password: DEMO_PASSWORD,
      role: 'bank_officer',
      organisationId: lenderId,
      branchId,
    },
    changeContext(null),
  );
  return actorFor(testApp, email);
}

/** Submits a divided-blast-cupola application for the owner's enterprise to a branch; returns its ack number. */
export function submitCupolaApplication(
  testApp: TestApp,
  owner: Actor,
  application: { enterpriseId: number; branchId: number; loan: string; capex?: string; assessedOn?: string },
): string {
  const outcome = testApp.services.applications.submit(
    owner,
    {
      enterpriseId: application.enterpriseId,
      technologyId: 'divided-blast-cupola',
      capexInr: new Decimal(application.capex ?? '4000000'),
      annualOmInr: new Decimal('50000'),
      annualSavingInr: null,
      savingsBasis: null,
      projectType: null,
      loanInr: new Decimal(application.loan),
      tenureMonths: 60,
      moratoriumMonths: 6,
      branchId: application.branchId,
      consentGiven: true,
    },
    { catalogue, assessedOn: application.assessedOn ?? '2026-11-22' },
    changeContext(owner),
  );
  if (!outcome.ok) throw new Error(`submission failed: ${outcome.reason}`);
  return outcome.ackNumber;
}

/**
 * Fills the owner's Singh Castings as a micro Batala unit: ₹50 lakh invested, three years of statements
 * (₹2 crore turnover last year), CMR-4 with ₹25 lakh of existing loans, consent to operate to 2028. Returns its
 * id and the step-saving function, for tests that change a step afterwards.
 */
export function fillMicroBatalaUnit(testApp: TestApp, owner: Actor) {
  const { services, repos } = testApp;
  const enterprise = repos.enterprises.listByOwner(owner.userId).find((e) => e.name === 'Singh Castings');
  if (!enterprise) throw new Error('the demo owner has no Singh Castings');
  const save = (input: Parameters<typeof services.profiles.saveStep>[3]) => {
    const profile = services.profiles.profileFor(owner, enterprise.id);
    if (!profile) throw new Error(`enterprise ${enterprise.id} is not ${owner.userId}'s`);
    return services.profiles.saveStep(owner, enterprise.id, profile.version, input, changeContext(owner));
  };
  saveCupolaEnergy(testApp, owner, enterprise.id);
  const before = services.profiles.profileFor(owner, enterprise.id);
  if (!before) throw new Error(`enterprise ${enterprise.id} is not ${owner.userId}'s`);
  save({
    step: 'enterprise',
    details: {
      ...before.details,
      gstNumber: '03ABCDE1234F1Z5',
      constitution: 'proprietorship',
      yearOfStart: 2008,
      ownership: [],
      investmentInr: new Decimal('5000000'),
    },
  });
  const year = (fiscalYear: string, revenue: string, pat: string) => ({
    fiscalYear,
    revenueInr: new Decimal(revenue),
    profitAfterTaxInr: new Decimal(pat),
    depreciationInr: new Decimal('400000'),
    interestInr: new Decimal('300000'),
    termLoanRepaymentInr: new Decimal('600000'),
    currentAssetsInr: new Decimal('6000000'),
    currentLiabilitiesInr: new Decimal('4000000'),
    totalOutsideLiabilitiesInr: new Decimal('9000000'),
    netWorthInr: new Decimal('6000000'),
    intangibleAssetsInr: new Decimal(0),
  });
  save({
    step: 'finances',
    financials: [
      year('2025-26', '20000000', '1400000'),
      year('2024-25', '18500000', '1200000'),
      year('2023-24', '17000000', '1000000'),
    ],
  });
  save({
    step: 'credit',
    credit: {
      newToCredit: false,
      cmrRank: 4,
      existingLoansInr: new Decimal('2500000'),
      existingEmiInr: new Decimal('60000'),
      smaStatus: 'none',
    },
  });
  save({ step: 'compliance', compliance: { consentToOperateUntil: '2028-03-31', gstReturnsFiled: true } });
  return { enterpriseId: enterprise.id, save };
}

/** The demo lenders: SIDBI with its Ludhiana and Kolkata branches, and Punjab National Bank. */
export function demoLenders(testApp: TestApp) {
  const choices = testApp.services.applications.lenderChoices();
  const lender = (name: string) => {
    const choice = choices.find((c) => c.lender.name === name);
    if (!choice) throw new Error(`no demo lender ${name}`);
    return choice;
  };
  const sidbi = lender('SIDBI');
  const branch = (name: string) => {
    const found = sidbi.branches.find((b) => b.name === name);
    if (!found) throw new Error(`no SIDBI branch ${name}`);
    return found;
  };
  return {
    sidbi,
    ludhiana: branch('SIDBI Ludhiana'),
    kolkata: branch('SIDBI Kolkata'),
    pnb: lender('Punjab National Bank'),
  };
}
