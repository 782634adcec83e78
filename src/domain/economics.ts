import { Decimal } from 'decimal.js';
import {
  capitalRecoveryFactor,
  discountedFlowsFixed,
  discountedPaybackFixed,
  netSavingsByYear,
  netSavingsFixed,
  projectCashFlows,
  simplePaybackYears,
} from './finance/cash-flows.js';
import { fixedFrom, fixedToDecimal } from './finance/fixed-point.js';
import {
  internalRateOfReturn,
  internalRateOfReturnFixed,
  resolvedInFixedPoint,
  type IrrOutcome,
} from './finance/irr.js';
import {
  analyseLoan,
  loanFigures,
  type LoanAnalysis,
  type LoanFigures,
  type LoanTerms,
} from './finance/loan.js';
import { percentToFraction } from './money.js';

// Project economics of a cleaner-technology upgrade, with the conventions of POST /api/v1/economics
// (design/api-v1.md). Inputs are assumed valid (the API and form schemas check them); this module still never
// yields NaN or Infinity: an undefined quantity is null.

export interface EconomicsInput {
  capexInr: Decimal;
  subsidyInr: Decimal;
  /** Year-1 value of the energy saved, in rupees; grows by `savingsEscalationPct` a year. */
  annualEnergySavingsInr: Decimal;
  annualOmCostInr: Decimal;
  /** Whole years, at least 1 (a RangeError otherwise: the request schemas enforce it). */
  lifetimeYears: number;
  /** Percent a year (12 means 12 %). */
  discountRatePct: Decimal;
  /** Percent a year by which the energy saving grows. */
  savingsEscalationPct: Decimal;
  /**
   * The net saving of each year when it is not one figure growing at one rate (a project of several measures,
   * each growing at its own): replaces the series built from the three figures above; one entry per year of life.
   */
  netSavingsByYearInr?: readonly Decimal[] | undefined;
  loan?: LoanTerms | undefined;
  /** Energy saved a year, for the levelised cost of saved energy; omit when not known. */
  annualEnergySavedKwh?: Decimal | undefined;
  /** CO₂ avoided a year, for the cost per tonne avoided; omit when not known. */
  annualCo2AvoidedTonnes?: Decimal | undefined;
}

/** One year-end of the project's cash flow; year 0 is the outlay. For the cash-flow chart and table. */
export interface YearCashFlow {
  year: number;
  cashFlowInr: Decimal;
  discountedInr: Decimal;
  cumulativeInr: Decimal;
  cumulativeDiscountedInr: Decimal;
}

/** The figures POST /api/v1/economics reports: what a lender reads first. */
export interface EconomicsFigures {
  netCapexInr: Decimal;
  /** S_1: the first year's net saving. */
  netAnnualSavingsInr: Decimal;
  simplePaybackYears: Decimal | null;
  discountedPaybackYears: Decimal | null;
  npvInr: Decimal;
  irr: IrrOutcome;
  /** The IRR in percent when it is unique in (−99 %, 1000 %), else null; `irr` says why. */
  irrPct: Decimal | null;
  loan: LoanFigures | null;
}

/** The figures and what the calculator and the application add to them. */
export interface EconomicsResult extends EconomicsFigures {
  loan: LoanAnalysis | null;
  cashFlows: YearCashFlow[];
  /** netCapex × capital recovery factor at the discount rate over the lifetime, plus O&M: a level yearly cost. */
  annualisedCostInr: Decimal;
  /** ₹ per kWh saved; null when no positive kWh saving is given. */
  levelisedCostInrPerKwh: Decimal | null;
  /** ₹ per tonne of CO₂ avoided; null when no positive tonnage is given. */
  costPerTonneCo2Inr: Decimal | null;
}

/** Cost per unit saved, undefined (null) unless some of the unit is saved: a negative saving has no cost "per" it. */
function costPerUnit(annualCostInr: Decimal, unitsPerYear: Decimal | undefined): Decimal | null {
  if (unitsPerYear === undefined || unitsPerYear.lessThanOrEqualTo(0)) return null;
  return annualCostInr.dividedBy(unitsPerYear);
}

/**
 * The net savings S_t in Decimal (index 0 holds year 1): the project's own series when it gives one year by year
 * (several measures, or a frozen application), else built from the three figures; 40 significant digits however
 * small they get (fixed point keeps 60 decimals).
 */
export function netSavingsOf(project: EconomicsInput): readonly Decimal[] {
  if (project.netSavingsByYearInr !== undefined) return project.netSavingsByYearInr;
  return netSavingsByYear(
    project.annualEnergySavingsInr,
    project.annualOmCostInr,
    percentToFraction(project.savingsEscalationPct),
    project.lifetimeYears,
  );
}

/**
 * The figures but the loan's, with what they come from: the discount rate, and in fixed point the savings S_t
 * (index 0 holds year 1) and the flows discounted to year 0 (index 0 = year 0, the outlay).
 */
function figuresAndFlows(input: EconomicsInput) {
  if (!Number.isInteger(input.lifetimeYears) || input.lifetimeYears < 1)
    throw new RangeError(`lifetimeYears must be a whole number ≥ 1, got ${input.lifetimeYears}`);
  const rate = percentToFraction(input.discountRatePct);
  const netCapexInr = input.capexInr.minus(input.subsidyInr);
  // Savings, NPV, discounted payback and IRR are worked out in fixed point (finance/fixed-point.ts); a given series
  // of savings is read into it exactly (a rupee amount to 40 significant digits has far fewer than 60 decimals).
  const savings =
    input.netSavingsByYearInr?.map(fixedFrom) ??
    netSavingsFixed(
      input.annualEnergySavingsInr,
      input.annualOmCostInr,
      percentToFraction(input.savingsEscalationPct),
      input.lifetimeYears,
    );
  const flows = [fixedFrom(netCapexInr.negated()), ...savings];
  const discounted = discountedFlowsFixed(fixedFrom(rate), flows);
  const payback = discountedPaybackFixed(rate, flows);
  const irr = resolvedInFixedPoint(flows)
    ? internalRateOfReturnFixed(flows)
    : internalRateOfReturn([netCapexInr.negated(), ...netSavingsOf(input)]);
  const firstYearSaving = savings[0] === undefined ? undefined : fixedToDecimal(savings[0]);
  const figures: Omit<EconomicsFigures, 'loan'> = {
    netCapexInr,
    netAnnualSavingsInr: firstYearSaving ?? new Decimal(0),
    simplePaybackYears: simplePaybackYears(netCapexInr, firstYearSaving),
    discountedPaybackYears: payback === null ? null : fixedToDecimal(payback),
    // NPV = Σ D_t (D_0 = −netCapex), added up year by year as the cash-flow table's cumulative column is.
    npvInr: fixedToDecimal(discounted.reduce((total, present) => total + present, 0n)),
    irr,
    irrPct: irr.kind === 'unique' ? irr.rate.times(100) : null,
  };
  return { figures, rate, savings, discounted };
}

/** The figures alone (the API's answer), without the cash-flow table and annualised costs only pages show. */
export function economicsFigures(input: EconomicsInput): EconomicsFigures {
  const { figures, savings } = figuresAndFlows(input);
  return { ...figures, loan: input.loan === undefined ? null : loanFigures(input.loan, savings) };
}

export function computeEconomics(input: EconomicsInput): EconomicsResult {
  const { figures, rate, savings, discounted } = figuresAndFlows(input);
  const savingsByYear = input.netSavingsByYearInr ?? savings.map(fixedToDecimal);
  let cumulativeInr = new Decimal(0);
  let cumulativeDiscounted = 0n;
  const cashFlows = projectCashFlows(figures.netCapexInr, savingsByYear).map((cashFlowInr, year) => {
    const present = discounted[year] ?? 0n;
    cumulativeInr = cumulativeInr.plus(cashFlowInr);
    cumulativeDiscounted += present;
    return {
      year,
      cashFlowInr,
      discountedInr: fixedToDecimal(present),
      cumulativeInr,
      cumulativeDiscountedInr: fixedToDecimal(cumulativeDiscounted),
    };
  });

  // Levelised cost: annualised capital via the capital recovery factor plus O&M (NREL "Simple LCOE" method).
  const annualisedCostInr = figures.netCapexInr
    .times(capitalRecoveryFactor(rate, input.lifetimeYears))
    .plus(input.annualOmCostInr);

  return {
    ...figures,
    loan: input.loan === undefined ? null : analyseLoan(input.loan, savingsByYear),
    cashFlows,
    annualisedCostInr,
    levelisedCostInrPerKwh: costPerUnit(annualisedCostInr, input.annualEnergySavedKwh),
    costPerTonneCo2Inr: costPerUnit(annualisedCostInr, input.annualCo2AvoidedTonnes),
  };
}
