import { Decimal } from 'decimal.js';
import { percentToFraction } from '../money.js';
import { FIXED_ONE, fixedFrom, fixedPower, fixedToDecimal, over, times } from './fixed-point.js';

// Loan conventions of POST /api/v1/economics (design/api-v1.md): monthly rate = annual rate / 12; interest-only
// months during the moratorium, then equal instalments; interest subvention on the opening balance, capped at
// the month's interest and, where a scheme caps it, at what is left of the yearly cap in that loan year; loan year
// y = months 12(y−1)+1 … 12y. Nothing is rounded here.

const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const MONTHS_PER_YEAR = 12;
// Percent a year to a fraction a month in one division.
const PERCENT_MONTHS_PER_YEAR = 1200;

/** Loan terms with rates in percent per year, as the API and the form take them. */
export interface LoanTerms {
  principalInr: Decimal;
  annualRatePct: Decimal;
  tenureMonths: number;
  moratoriumMonths: number;
  interestSubventionPct: Decimal;
  subventionMonths: number;
  /**
   * The most the subvention may come to in one loan year (Punjab's ₹5 lakh a year); absent or null = no such cap.
   * Month by month the subvention stops once the year's total reaches it, so each year's total is the lesser of the
   * uncapped figure and the cap.
   */
  subventionCapPerYearInr?: Decimal | null | undefined;
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

/** What POST /api/v1/economics reports of a loan: about half the analysis, so half the conversions to Decimal. */
export interface LoanFigures {
  /** The equal instalment after the moratorium. */
  emiInr: Decimal;
  years: Pick<LoanYear, 'year' | 'debtServiceInr' | 'dscr'>[];
  totalInterestInr: Decimal;
  totalSubventionInr: Decimal;
  /** Least DSCR over years with debt service; null when no year has any. */
  minDscr: Decimal | null;
  /** Σ S_y / Σ debt service_y over loan years; null when total debt service is 0. */
  avgDscr: Decimal | null;
}

export interface LoanAnalysis extends LoanFigures {
  /** The monthly interest-only payment during the moratorium (before subvention); 0 without one. */
  moratoriumInterestInr: Decimal;
  years: LoanYear[];
  totalDebtServiceInr: Decimal;
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
    terms.principalInr.isNegative() ||
    terms.subventionCapPerYearInr?.isNegative() === true
  ) {
    throw new RangeError('principal, rates and the subvention cap must not be negative');
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
  const cap = terms.subventionCapPerYearInr ?? null;
  let balance = terms.principalInr;
  let subventionThisYear = ZERO;
  for (let month = 1; month <= terms.tenureMonths; month++) {
    if ((month - 1) % MONTHS_PER_YEAR === 0) subventionThisYear = ZERO;
    const interestInr = balance.times(monthlyRate);
    let subventionInr =
      month <= terms.subventionMonths ? smaller(balance.times(monthlySubventionRate), interestInr) : ZERO;
    if (cap) subventionInr = smaller(subventionInr, cap.minus(subventionThisYear));
    subventionThisYear = subventionThisYear.plus(subventionInr);
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

/** Interest, subvention and principal over a run of months, in fixed point. */
interface MonthsTotal {
  interest: bigint;
  subvention: bigint;
  principal: bigint;
}

const smallerFixed = (a: bigint, b: bigint): bigint => (b < a ? b : a);
const PERCENT_MONTHS = BigInt(PERCENT_MONTHS_PER_YEAR) * FIXED_ONE;

/**
 * Totals over any run of months without walking the schedule, from the annuity's closed form. After the
 * moratorium, with n equal instalments, c = 1 + i and k instalments paid, the balance is
 * B_k = P·(cⁿ − cᵏ)/(cⁿ − 1) (P·(n − k)/n at 0 %): it satisfies the schedule's recurrence B_k = B_{k−1}·c − EMI
 * and B_n = 0 exactly. So over instalments k₁+1 … k₂ the principal is B_{k₁} − B_{k₂} and the interest is the
 * instalments paid less that principal. The subvention is min(s, i)·balance each month, i.e. the interest
 * × min(s, i)/i. The same numbers as summing `loanSchedule`, to the arithmetic's last digits, in a few dozen
 * operations instead of several hundred (this runs for every package of every match). The arithmetic is fixed
 * point (fixed-point.ts, 60 decimals), and the results are rounded to 40 significant digits as they leave.
 */
function closedFormTotals(terms: LoanTerms) {
  const i = over(fixedFrom(terms.annualRatePct), PERCENT_MONTHS);
  const s = over(fixedFrom(terms.interestSubventionPct), PERCENT_MONTHS);
  const { moratoriumMonths, subventionMonths } = terms;
  const principalInr = fixedFrom(terms.principalInr);
  const instalments = terms.tenureMonths - moratoriumMonths;
  const monthlyInterestInr = times(principalInr, i);
  // Subvention per rupee of interest (0 at a 0 % rate, where there is no interest to subsidise).
  const subventionShare = i === 0n ? 0n : over(smallerFixed(s, i), i);

  const c = FIXED_ONE + i;
  const powers = new Map<number, bigint>([[0, FIXED_ONE]]);
  const power = (k: number): bigint => {
    // cᵏ as the product of powers already known (the runs are mostly a year apart), else by squaring.
    let known = powers.get(k);
    if (known !== undefined) return known;
    const below = Math.max(...[...powers.keys()].filter((key) => key < k));
    known = below === 0 ? fixedPower(c, k) : times(power(below), power(k - below));
    powers.set(k, known);
    return known;
  };
  const final = i === 0n ? FIXED_ONE : power(instalments);
  const perPower = i === 0n ? 0n : over(principalInr, final - FIXED_ONE);
  // EMI = P·i·cⁿ/(cⁿ − 1), the annuity formula of equatedMonthlyInstalment, from the factors already worked out.
  const emiInr = i === 0n ? principalInr / BigInt(instalments) : times(times(perPower, final), i);

  // Principal repaid by the first k instalments, P − B_k; each run starts where the one before ended.
  const repaid = new Map<number, bigint>([
    [0, 0n],
    [instalments, principalInr],
  ]);
  const repaidAfter = (k: number): bigint => {
    let known = repaid.get(k);
    if (known !== undefined) return known;
    known =
      i === 0n ? (principalInr * BigInt(k)) / BigInt(instalments) : times(perPower, power(k) - FIXED_ONE);
    repaid.set(k, known);
    return known;
  };

  /** Months from + 1 … to, all on the same side of the moratorium's end and of the subvention's. */
  const run = (from: number, to: number): MonthsTotal => {
    const months = BigInt(to - from);
    let principal: bigint;
    let interest: bigint;
    if (to <= moratoriumMonths) {
      principal = 0n;
      interest = monthlyInterestInr * months;
    } else {
      principal = repaidAfter(to - moratoriumMonths) - repaidAfter(from - moratoriumMonths);
      interest = emiInr * months - principal;
    }
    const subvention = to <= subventionMonths ? times(interest, subventionShare) : 0n;
    return { interest, subvention, principal };
  };

  /** Totals for months from + 1 … to, split where the moratorium or the subvention ends. */
  const between = (from: number, to: number): MonthsTotal => {
    const cuts = [from, ...[moratoriumMonths, subventionMonths].filter((m) => m > from && m < to), to].sort(
      (a, b) => a - b,
    );
    const total = run(from, cuts[1] ?? to);
    for (let k = 2; k < cuts.length; k++) {
      const part = run(cuts[k - 1] ?? from, cuts[k] ?? to);
      total.interest += part.interest;
      total.subvention += part.subvention;
      total.principal += part.principal;
    }
    return total;
  };

  return { emiInr, moratoriumInterestInr: moratoriumMonths > 0 ? monthlyInterestInr : 0n, between };
}

/** The year's subvention within its cap, if there is one. */
const withinYearlyCap = (subventionInr: bigint, cap: bigint | null): bigint =>
  cap === null ? subventionInr : smallerFixed(subventionInr, cap);

const yearlyCap = (terms: LoanTerms): bigint | null =>
  terms.subventionCapPerYearInr ? fixedFrom(terms.subventionCapPerYearInr) : null;

/** A loan year in fixed point, its DSCR already a Decimal (every view gives it). */
interface FixedLoanYear extends MonthsTotal {
  year: number;
  months: number;
  debtService: bigint;
  dscr: Decimal | null;
}

/** The loan years and totals in fixed point, before they become Decimals. */
function loanYearsFixed(terms: LoanTerms, savingsByYear: readonly bigint[]) {
  assertTerms(terms);
  const { emiInr, moratoriumInterestInr, between } = closedFormTotals(terms);
  const cap = yearlyCap(terms);
  const years: FixedLoanYear[] = [];
  let totalInterest = 0n;
  let totalSubvention = 0n;
  let totalDebtService = 0n;
  let totalSaving = 0n;
  let minDscr: { fixed: bigint; value: Decimal } | null = null;
  for (let start = 0; start < terms.tenureMonths; start += MONTHS_PER_YEAR) {
    const end = Math.min(start + MONTHS_PER_YEAR, terms.tenureMonths);
    const totals = between(start, end);
    const subvention = withinYearlyCap(totals.subvention, cap);
    const debtService = totals.interest - subvention + totals.principal;
    const saving = savingsByYear[years.length] ?? 0n;
    const dscrFixed = debtService === 0n ? null : over(saving, debtService);
    const dscr = dscrFixed === null ? null : fixedToDecimal(dscrFixed);
    if (dscrFixed !== null && dscr !== null && (minDscr === null || dscrFixed < minDscr.fixed))
      minDscr = { fixed: dscrFixed, value: dscr };
    totalInterest += totals.interest;
    totalSubvention += subvention;
    totalDebtService += debtService;
    totalSaving += saving;
    years.push({
      year: years.length + 1,
      months: end - start,
      ...totals,
      subvention,
      debtService,
      dscr,
    });
  }
  return {
    emiInr,
    moratoriumInterestInr,
    years,
    totalInterest,
    totalSubvention,
    totalDebtService,
    minDscr: minDscr?.value ?? null,
    avgDscr: totalDebtService === 0n ? null : fixedToDecimal(over(totalSaving, totalDebtService)),
  };
}

/** The whole loan: loan years, totals and the project's debt-service cover. */
export function analyseLoan(terms: LoanTerms, savingsByYear: readonly Decimal[]): LoanAnalysis {
  const loan = loanYearsFixed(terms, savingsByYear.map(fixedFrom));
  return {
    emiInr: fixedToDecimal(loan.emiInr),
    moratoriumInterestInr: fixedToDecimal(loan.moratoriumInterestInr),
    years: loan.years.map((year) => ({
      year: year.year,
      months: year.months,
      interestInr: fixedToDecimal(year.interest),
      subventionInr: fixedToDecimal(year.subvention),
      principalInr: fixedToDecimal(year.principal),
      debtServiceInr: fixedToDecimal(year.debtService),
      netSavingInr: savingsByYear[year.year - 1] ?? ZERO,
      dscr: year.dscr,
    })),
    totalInterestInr: fixedToDecimal(loan.totalInterest),
    totalSubventionInr: fixedToDecimal(loan.totalSubvention),
    totalDebtServiceInr: fixedToDecimal(loan.totalDebtService),
    minDscr: loan.minDscr,
    avgDscr: loan.avgDscr,
  };
}

/** The loan's figures in the API's answer, without the rest of the analysis; S_y in fixed point. */
export function loanFigures(terms: LoanTerms, savingsByYear: readonly bigint[]): LoanFigures {
  const loan = loanYearsFixed(terms, savingsByYear);
  return {
    emiInr: fixedToDecimal(loan.emiInr),
    years: loan.years.map((year) => ({
      year: year.year,
      debtServiceInr: fixedToDecimal(year.debtService),
      dscr: year.dscr,
    })),
    totalInterestInr: fixedToDecimal(loan.totalInterest),
    totalSubventionInr: fixedToDecimal(loan.totalSubvention),
    minDscr: loan.minDscr,
    avgDscr: loan.avgDscr,
  };
}

/**
 * The government's whole share of the interest over the subvention's months, without the rest of the analysis;
 * with a yearly cap, each loan year's share is capped on its own.
 */
export function totalSubvention(terms: LoanTerms): Decimal {
  assertTerms(terms);
  const months = Math.min(terms.subventionMonths, terms.tenureMonths);
  if (months === 0) return ZERO;
  const { between } = closedFormTotals(terms);
  const cap = yearlyCap(terms);
  if (cap === null) return fixedToDecimal(between(0, months).subvention);
  let total = 0n;
  for (let start = 0; start < months; start += MONTHS_PER_YEAR) {
    total += withinYearlyCap(between(start, Math.min(start + MONTHS_PER_YEAR, months)).subvention, cap);
  }
  return fixedToDecimal(total);
}

/**
 * `analyseLoan` for the many financing packages of one project against the same savings: packages that differ
 * only in a guarantee or a grant that leaves the loan alone share one analysis.
 */
export function loanAnalyser(savingsByYear: readonly Decimal[]): (terms: LoanTerms) => LoanAnalysis {
  const analysed = new Map<string, LoanAnalysis>();
  return (terms) => {
    const key = [
      terms.principalInr,
      terms.annualRatePct,
      terms.tenureMonths,
      terms.moratoriumMonths,
      terms.interestSubventionPct,
      terms.subventionMonths,
      terms.subventionCapPerYearInr ?? '',
    ].join('|');
    let analysis = analysed.get(key);
    if (analysis === undefined) {
      analysis = analyseLoan(terms, savingsByYear);
      analysed.set(key, analysis);
    }
    return analysis;
  };
}
