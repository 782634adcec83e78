import { Decimal } from 'decimal.js';
import { netSavingsOf, type EconomicsInput } from '../economics.js';
import { simplePaybackYears } from '../finance/cash-flows.js';
import { analyseLoan, type LoanAnalysis } from '../finance/loan.js';

// The part of the project economics a loan appraisal reads: the yearly net savings, simple payback and how well
// the savings cover the new loan. NPV and IRR are left out: readiness does not score them, and the IRR search is
// most of the cost of a full economics run.

export interface ProjectCover {
  savingsByYear: readonly Decimal[];
  /** S_1, the first year's net saving. */
  firstYearSavingInr: Decimal;
  simplePaybackYears: Decimal | null;
  loan: LoanAnalysis | null;
}

export function projectCover(project: EconomicsInput): ProjectCover {
  const savingsByYear = netSavingsOf(project);
  const netCapexInr = project.capexInr.minus(project.subsidyInr);
  const firstYearSavingInr = savingsByYear[0] ?? new Decimal(0);
  return {
    savingsByYear,
    firstYearSavingInr,
    simplePaybackYears: simplePaybackYears(netCapexInr, savingsByYear[0]),
    loan: project.loan === undefined ? null : analyseLoan(project.loan, savingsByYear),
  };
}
