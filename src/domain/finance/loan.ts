import { Decimal } from 'decimal.js';
import { percentToFraction } from '../money.js';

// Loan conventions of POST /api/v1/economics (design/api-v1.md): monthly rate = annual rate / 12; interest-only
// months during the moratorium, then equal instalments; interest subvention on the opening balance, capped at
// the month's interest; loan year y = months 12(y−1)+1 … 12y. Nothing is rounded here.

const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const MONTHS_PER_YEAR = 12;

/** Loan terms with rates in percent per year, as the API and the form take them. */
export interface LoanTerms {
  principalInr: Decimal;
  annualRatePct: Decimal;
  tenureMonths: number;
  moratoriumMonths: number;
  interestSubventionPct: Decimal;
  subventionMonths: number;
}

export interface ScheduleMonth {
  /** 1-based month from disbursement. */
  month: number;
  openingBalanceInr: Decimal;
  interestInr: Decimal;
  /** The government's share of this month's interest. */
  subventionInr: Decimal;
  principalInr: Decimal;
  /** What the borrower pays: interest − subvention + principal. */
  debtServiceInr: Decimal;
  closingBalanceInr: Decimal;
}

export interface LoanYear {
  /** 1-based loan year; the last may hold fewer than 12 months. */
  year: number;
  months: number;
  interestInr: Decimal;
  subventionInr: Decimal;
  principalInr: Decimal;
  debtServiceInr: Decimal;
  /** S_y, the project's net saving that year (0 beyond its lifetime). */
  netSavingInr: Decimal;
  /** S_y / debt service; null when debt service is 0. */
  dscr: Decimal | null;
}

export interface LoanAnalysis {
  /** The equal instalment after the moratorium. */
  emiInr: Decimal;
  /** The monthly interest-only payment during the moratorium (before subvention); 0 without one. */
  moratoriumInterestInr: Decimal;
  schedule: ScheduleMonth[];
  years: LoanYear[];
  totalInterestInr: Decimal;
  totalSubventionInr: Decimal;
  totalDebtServiceInr: Decimal;
  /** Least DSCR over years with debt service; null when no year has any. */
  minDscr: Decimal | null;
  /** Σ S_y / Σ debt service_y over loan years; null when total debt service is 0. */
  avgDscr: Decimal | null;
}

/** EMI = P·i·(1+i)^n / ((1+i)^n − 1), or P/n when i = 0 (api-v1.md, standard annuity formula). */
export function equatedMonthlyInstalment(
  principalInr: Decimal,
  monthlyRate: Decimal,
  months: number,
): Decimal {
  if (!Number.isInteger(months) || months < 1)
    throw new RangeError(`months must be a whole number ≥ 1, got ${months}`);
  if (monthlyRate.isZero()) return principalInr.dividedBy(months);
  const compound = ONE.plus(monthlyRate).pow(months);
  return principalInr.times(monthlyRate).times(compound).dividedBy(compound.minus(1));
}

function assertTerms(terms: LoanTerms): void {
  const { tenureMonths, moratoriumMonths, subventionMonths } = terms;
  for (const [name, value] of Object.entries({ tenureMonths, moratoriumMonths, subventionMonths })) {
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
  if (tenureMonths <= moratoriumMonths) {
    throw new RangeError(
      `tenureMonths (${tenureMonths}) must be more than moratoriumMonths (${moratoriumMonths})`,
    );
  }
  if (
    terms.annualRatePct.isNegative() ||
    terms.interestSubventionPct.isNegative() ||
    terms.principalInr.isNegative()
  ) {
    throw new RangeError('principal and rates must not be negative');
  }
}

// Decimal.min without the copies it makes of its arguments (this is the per-month loop): a unless b is less.
const smaller = (a: Decimal, b: Decimal): Decimal => (b.lessThan(a) ? b : a);

/**
 * Month-by-month schedule. The last instalment repays the balance left, so principal sums to the loan exactly;
 * it differs from the EMI only by the arithmetic's last digits (no rounding is done).
 */
export function loanSchedule(terms: LoanTerms): { emiInr: Decimal; schedule: ScheduleMonth[] } {
  assertTerms(terms);
  const monthlyRate = percentToFraction(terms.annualRatePct).dividedBy(MONTHS_PER_YEAR);
  const monthlySubventionRate = percentToFraction(terms.interestSubventionPct).dividedBy(MONTHS_PER_YEAR);
  const emiInr = equatedMonthlyInstalment(
    terms.principalInr,
    monthlyRate,
    terms.tenureMonths - terms.moratoriumMonths,
  );

  const schedule: ScheduleMonth[] = [];
  let balance = terms.principalInr;
  for (let month = 1; month <= terms.tenureMonths; month++) {
    const interestInr = balance.times(monthlyRate);
    const subventionInr =
      month <= terms.subventionMonths ? smaller(balance.times(monthlySubventionRate), interestInr) : ZERO;
    let principalInr: Decimal;
    if (month <= terms.moratoriumMonths) principalInr = ZERO;
    else if (month === terms.tenureMonths) principalInr = balance;
    else principalInr = emiInr.minus(interestInr);
    const closingBalanceInr = balance.minus(principalInr);
    schedule.push({
      month,
      openingBalanceInr: balance,
      interestInr,
      subventionInr,
      principalInr,
      debtServiceInr: interestInr.minus(subventionInr).plus(principalInr),
      closingBalanceInr,
    });
    balance = closingBalanceInr;
  }
  return { emiInr, schedule };
}

const sum = (values: readonly Decimal[]): Decimal => values.reduce((total, value) => total.plus(value), ZERO);

/** Schedule months grouped into loan years, with project DSCR_y = S_y / debt service_y. */
export function loanYears(schedule: readonly ScheduleMonth[], savingsByYear: readonly Decimal[]): LoanYear[] {
  const years: LoanYear[] = [];
  for (let start = 0; start < schedule.length; start += MONTHS_PER_YEAR) {
    const months = schedule.slice(start, start + MONTHS_PER_YEAR);
    const year = years.length + 1;
    const debtServiceInr = sum(months.map((m) => m.debtServiceInr));
    const netSavingInr = savingsByYear[year - 1] ?? ZERO;
    years.push({
      year,
      months: months.length,
      interestInr: sum(months.map((m) => m.interestInr)),
      subventionInr: sum(months.map((m) => m.subventionInr)),
      principalInr: sum(months.map((m) => m.principalInr)),
      debtServiceInr,
      netSavingInr,
      dscr: debtServiceInr.isZero() ? null : netSavingInr.dividedBy(debtServiceInr),
    });
  }
  return years;
}

/** The whole loan: schedule, loan years, totals and the project's debt-service cover. */
export function analyseLoan(terms: LoanTerms, savingsByYear: readonly Decimal[]): LoanAnalysis {
  const { emiInr, schedule } = loanSchedule(terms);
  const years = loanYears(schedule, savingsByYear);
  const totalDebtServiceInr = sum(years.map((y) => y.debtServiceInr));
  const covered = years.flatMap((y) => (y.dscr === null ? [] : [y.dscr]));
  return {
    emiInr,
    moratoriumInterestInr: terms.moratoriumMonths > 0 ? (schedule[0]?.interestInr ?? ZERO) : ZERO,
    schedule,
    years,
    totalInterestInr: sum(schedule.map((m) => m.interestInr)),
    totalSubventionInr: sum(schedule.map((m) => m.subventionInr)),
    totalDebtServiceInr,
    minDscr: covered.length === 0 ? null : Decimal.min(...covered),
    avgDscr: totalDebtServiceInr.isZero()
      ? null
      : sum(years.map((y) => y.netSavingInr)).dividedBy(totalDebtServiceInr),
  };
}
