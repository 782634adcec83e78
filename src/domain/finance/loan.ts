import { Decimal } from 'decimal.js';
import { percentToFraction } from '../money.js';

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

export interface LoanAnalysis {
  /** The equal instalment after the moratorium. */
  emiInr: Decimal;
  /** The monthly interest-only payment during the moratorium (before subvention); 0 without one. */
  moratoriumInterestInr: Decimal;
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
    terms.principalInr.isNegative() ||
    terms.subventionCapPerYearInr?.isNegative() === true
  ) {
    throw new RangeError('principal, rates and the subvention cap must not be negative');
  }
}

// Decimal.min without the copies it makes of its arguments (this is the per-month loop): a unless b is less.
const smaller = (a: Decimal, b: Decimal): Decimal => (b.lessThan(a) ? b : a);

/** The year's subvention within its cap, if there is one. */
const withinYearlyCap = (subventionInr: Decimal, terms: LoanTerms): Decimal =>
  terms.subventionCapPerYearInr ? smaller(subventionInr, terms.subventionCapPerYearInr) : subventionInr;

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

const sum = (values: readonly Decimal[]): Decimal => values.reduce((total, value) => total.plus(value), ZERO);

/** Interest, subvention and principal over a run of months. */
interface MonthsTotal {
  interestInr: Decimal;
  subventionInr: Decimal;
  principalInr: Decimal;
}

/**
 * Totals over any run of months without walking the schedule, from the annuity's closed form. After the
 * moratorium, with n equal instalments, c = 1 + i and k instalments paid, the balance is
 * B_k = P·(cⁿ − cᵏ)/(cⁿ − 1) (P·(n − k)/n at 0 %): it satisfies the schedule's recurrence B_k = B_{k−1}·c − EMI
 * and B_n = 0 exactly. So over instalments k₁+1 … k₂ the principal is B_{k₁} − B_{k₂} and the interest is the
 * instalments paid less that principal. The subvention is min(s, i)·balance each month, i.e. the interest
 * × min(s, i)/i. The same numbers as summing `loanSchedule`, to the arithmetic's last digits, in a few dozen
 * operations instead of several hundred (this runs for every package of every match).
 * A class rather than closures: tsx, which runs the app, names every named inner function as it is made, and
 * that cost as much as a third of the arithmetic here.
 */
class ClosedForm {
  readonly emiInr: Decimal;
  readonly moratoriumInterestInr: Decimal;
  private readonly i: Decimal;
  private readonly c: Decimal;
  private readonly principalInr: Decimal;
  private readonly instalments: number;
  private readonly moratoriumMonths: number;
  private readonly subventionMonths: number;
  private readonly monthlyInterestInr: Decimal;
  /** Subvention per rupee of interest (0 at a 0 % rate, where there is no interest to subsidise). */
  private readonly subventionShare: Decimal;
  private readonly perPower: Decimal;
  /** cᵏ by k, each worked out from powers already known (see `power`). */
  private readonly powers = new Map<number, Decimal>();
  /** Principal repaid by the first k instalments, P − B_k, by k. */
  private readonly repaid = new Map<number, Decimal>();

  constructor(terms: LoanTerms) {
    const i = terms.annualRatePct.dividedBy(PERCENT_MONTHS_PER_YEAR);
    const s = terms.interestSubventionPct.dividedBy(PERCENT_MONTHS_PER_YEAR);
    const { principalInr, moratoriumMonths } = terms;
    const instalments = terms.tenureMonths - moratoriumMonths;
    this.i = i;
    this.principalInr = principalInr;
    this.instalments = instalments;
    this.moratoriumMonths = moratoriumMonths;
    this.subventionMonths = terms.subventionMonths;
    this.monthlyInterestInr = principalInr.times(i);
    this.subventionShare = i.isZero() ? ZERO : smaller(s, i).dividedBy(i);
    this.c = ONE.plus(i);
    this.powers.set(0, ONE);
    const final = i.isZero() ? ONE : this.power(instalments);
    this.perPower = i.isZero() ? ZERO : principalInr.dividedBy(final.minus(1));
    // EMI = P·i·cⁿ/(cⁿ − 1), the annuity formula of equatedMonthlyInstalment, from the factors already worked out.
    this.emiInr = i.isZero() ? principalInr.dividedBy(instalments) : this.perPower.times(final).times(i);
    this.moratoriumInterestInr = moratoriumMonths > 0 ? this.monthlyInterestInr : ZERO;
    this.repaid.set(0, ZERO).set(instalments, principalInr);
  }

  /** cᵏ as the product of powers already known (the runs are mostly a year apart), else by pow. */
  private power(k: number): Decimal {
    let known = this.powers.get(k);
    if (known !== undefined) return known;
    let below = 0;
    for (const key of this.powers.keys()) if (key < k && key > below) below = key;
    known = below === 0 ? this.c.pow(k) : this.power(below).times(this.power(k - below));
    this.powers.set(k, known);
    return known;
  }

  /** Each run starts where the one before ended, so every P − B_k is worked out once. */
  private repaidAfter(k: number): Decimal {
    let known = this.repaid.get(k);
    if (known !== undefined) return known;
    known = this.i.isZero()
      ? this.principalInr.times(k).dividedBy(this.instalments)
      : this.perPower.times(this.power(k).minus(1));
    this.repaid.set(k, known);
    return known;
  }

  /** Months from + 1 … to, all on the same side of the moratorium's end and of the subvention's. */
  private run(from: number, to: number): MonthsTotal {
    const months = to - from;
    let principal: Decimal;
    let interest: Decimal;
    if (to <= this.moratoriumMonths) {
      principal = ZERO;
      interest = this.monthlyInterestInr.times(months);
    } else {
      principal = this.repaidAfter(to - this.moratoriumMonths).minus(
        this.repaidAfter(from - this.moratoriumMonths),
      );
      interest = this.emiInr.times(months).minus(principal);
    }
    const subvention = to <= this.subventionMonths ? interest.times(this.subventionShare) : ZERO;
    return { interestInr: interest, subventionInr: subvention, principalInr: principal };
  }

  /** Totals for months from + 1 … to, split where the moratorium or the subvention ends. */
  between(from: number, to: number): MonthsTotal {
    const cuts = [from, this.moratoriumMonths, this.subventionMonths, to]
      .filter((m, index) => index === 0 || index === 3 || (m > from && m < to))
      .sort((a, b) => a - b);
    let total = this.run(from, cuts[1] ?? to);
    for (let k = 2; k < cuts.length; k++) {
      const part = this.run(cuts[k - 1] ?? from, cuts[k] ?? to);
      total = {
        interestInr: total.interestInr.plus(part.interestInr),
        subventionInr: total.subventionInr.plus(part.subventionInr),
        principalInr: total.principalInr.plus(part.principalInr),
      };
    }
    return total;
  }
}

/** The whole loan: loan years, totals and the project's debt-service cover. */
export function analyseLoan(terms: LoanTerms, savingsByYear: readonly Decimal[]): LoanAnalysis {
  assertTerms(terms);
  const form = new ClosedForm(terms);
  const { emiInr, moratoriumInterestInr } = form;
  const years: LoanYear[] = [];
  for (let start = 0; start < terms.tenureMonths; start += MONTHS_PER_YEAR) {
    const end = Math.min(start + MONTHS_PER_YEAR, terms.tenureMonths);
    const totals = form.between(start, end);
    const { interestInr, principalInr } = totals;
    const subventionInr = withinYearlyCap(totals.subventionInr, terms);
    const debtServiceInr = interestInr.minus(subventionInr).plus(principalInr);
    const netSavingInr = savingsByYear[years.length] ?? ZERO;
    years.push({
      year: years.length + 1,
      months: end - start,
      interestInr,
      subventionInr,
      principalInr,
      debtServiceInr,
      netSavingInr,
      dscr: debtServiceInr.isZero() ? null : netSavingInr.dividedBy(debtServiceInr),
    });
  }
  const totalDebtServiceInr = sum(years.map((y) => y.debtServiceInr));
  const covered = years.flatMap((y) => (y.dscr === null ? [] : [y.dscr]));
  return {
    emiInr,
    moratoriumInterestInr,
    years,
    totalInterestInr: sum(years.map((y) => y.interestInr)),
    totalSubventionInr: sum(years.map((y) => y.subventionInr)),
    totalDebtServiceInr,
    minDscr: covered.length === 0 ? null : covered.reduce(smaller),
    avgDscr: totalDebtServiceInr.isZero()
      ? null
      : sum(years.map((y) => y.netSavingInr)).dividedBy(totalDebtServiceInr),
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
  const form = new ClosedForm(terms);
  if (!terms.subventionCapPerYearInr) return form.between(0, months).subventionInr;
  let total = ZERO;
  for (let start = 0; start < months; start += MONTHS_PER_YEAR) {
    total = total.plus(
      withinYearlyCap(form.between(start, Math.min(start + MONTHS_PER_YEAR, months)).subventionInr, terms),
    );
  }
  return total;
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
