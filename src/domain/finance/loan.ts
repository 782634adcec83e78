import { Decimal } from 'decimal.js';
import { lesser, percentToFraction } from '../money.js';
import { FIXED_ONE, fixedFrom, fixedToDecimal, over, times } from './fixed-point.js';

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

function assertMonths(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
}

function assertTerms(terms: LoanTerms): void {
  const { tenureMonths, moratoriumMonths, subventionMonths } = terms;
  assertMonths('tenureMonths', tenureMonths);
  assertMonths('moratoriumMonths', moratoriumMonths);
  assertMonths('subventionMonths', subventionMonths);
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
      month <= terms.subventionMonths ? lesser(balance.times(monthlySubventionRate), interestInr) : ZERO;
    if (cap) subventionInr = lesser(subventionInr, cap.minus(subventionThisYear));
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

const added = (a: MonthsTotal, b: MonthsTotal): MonthsTotal => ({
  interest: a.interest + b.interest,
  subvention: a.subvention + b.subvention,
  principal: a.principal + b.principal,
});

/** The product of `squares[j]` (x^(2^j), squared further as needed) for the binary digits j of n; undefined at 0. */
function productOfSquares(squares: bigint[], n: number): bigint | undefined {
  let product: bigint | undefined;
  for (let bit = 0, rest = n; rest > 0; bit++, rest = Math.floor(rest / 2)) {
    if (bit === squares.length) {
      const below = squares[bit - 1] as bigint;
      squares.push(times(below, below));
    }
    if (rest % 2 === 1) {
      const square = squares[bit] as bigint;
      product = product === undefined ? square : times(product, square);
    }
  }
  return product;
}

/**
 * Powers of c = 1 + i for one monthly rate i, in fixed point. cᵏ = (c¹²)^⌊k/12⌋ · c^(k mod 12), each factor the
 * product of its own repeated squares in one fixed order, so a table shared by many loans gives each loan the
 * figures it would get alone (each product is cut off at the 60th decimal, so the order matters), and a loan year's
 * power costs a multiplication or two once the squares are known.
 */
class AnnuityPowers {
  /** The monthly rate, i = annual percent / 1200. */
  readonly monthlyRate: bigint;
  /** c^(2^j) and (c¹²)^(2^j) at index j. */
  private readonly monthSquares: bigint[];
  private yearSquares: bigint[] | undefined;
  private readonly powers = new Map<number, bigint>([[0, FIXED_ONE]]);

  constructor(annualRatePct: Decimal) {
    this.monthlyRate = over(fixedFrom(annualRatePct), PERCENT_MONTHS);
    this.monthSquares = [FIXED_ONE + this.monthlyRate];
  }

  /** cᵏ for a whole number k ≥ 0. */
  power(k: number): bigint {
    let known = this.powers.get(k);
    if (known !== undefined) return known;
    const months = k % MONTHS_PER_YEAR;
    if (k < MONTHS_PER_YEAR) {
      known = productOfSquares(this.monthSquares, k) ?? FIXED_ONE;
    } else if (months > 0) {
      known = times(this.power(k - months), this.power(months));
    } else {
      this.yearSquares ??= [productOfSquares(this.monthSquares, MONTHS_PER_YEAR) as bigint];
      known = productOfSquares(this.yearSquares, k / MONTHS_PER_YEAR) ?? FIXED_ONE;
    }
    this.powers.set(k, known);
    return known;
  }
}

/**
 * Where months from + 1 … to split into runs that each lie on one side of the moratorium's end and of the
 * subvention's: (from, first], (first, second] and (second, to], where a run with equal ends is empty. The
 * closed form sums each run on its own, and the subvention is decided per run.
 */
export function runSplits(
  from: number,
  to: number,
  moratoriumMonths: number,
  subventionMonths: number,
): { first: number; second: number } {
  const moratoriumEnd = moratoriumMonths > from && moratoriumMonths < to ? moratoriumMonths : to;
  const subventionEnd = subventionMonths > from && subventionMonths < to ? subventionMonths : to;
  return { first: Math.min(moratoriumEnd, subventionEnd), second: Math.max(moratoriumEnd, subventionEnd) };
}

/**
 * Totals over any run of months without walking the schedule, from the annuity's closed form. After the
 * moratorium, with n equal instalments, c = 1 + i and k instalments paid, the balance is
 * B_k = P·(cⁿ − cᵏ)/(cⁿ − 1) (P·(n − k)/n at 0 %): it satisfies the schedule's recurrence B_k = B_{k−1}·c − EMI
 * and B_n = 0 exactly. So over instalments k₁+1 … k₂ the principal is B_{k₁} − B_{k₂} and the interest is the
 * instalments paid less that principal. The subvention is min(s, i)·balance each month, i.e. the interest
 * × min(s, i)/i. The same numbers as summing `loanSchedule`, to the arithmetic's last digits, in a few dozen
 * operations instead of several hundred (this runs for every package of every match). The arithmetic is fixed
 * point (fixed-point.ts, 60 decimals), and the results are rounded to 40 significant digits as they leave. A run's
 * interest does not depend on the subvention, so loans that differ only in it share one of these.
 */
class AnnuityLoan {
  readonly emi: bigint;
  /** The monthly rate, i = annual percent / 1200. */
  readonly monthlyRate: bigint;
  /** The monthly interest-only payment during the moratorium; 0 without one. */
  readonly moratoriumInterest: bigint;
  private readonly monthlyInterest: bigint;
  private readonly perPower: bigint;
  private readonly instalments: number;
  /** Principal repaid by the first k instalments, P − B_k; each run starts where the one before ended. */
  private readonly repaid: Map<number, bigint>;
  private readonly runs = new Map<string, { interest: bigint; principal: bigint }>();

  constructor(
    private readonly principal: bigint,
    private readonly moratoriumMonths: number,
    tenureMonths: number,
    private readonly powers: AnnuityPowers,
  ) {
    const i = powers.monthlyRate;
    this.monthlyRate = i;
    this.instalments = tenureMonths - moratoriumMonths;
    this.monthlyInterest = times(principal, i);
    this.moratoriumInterest = moratoriumMonths > 0 ? this.monthlyInterest : 0n;
    const final = i === 0n ? FIXED_ONE : powers.power(this.instalments);
    this.perPower = i === 0n ? 0n : over(principal, final - FIXED_ONE);
    // EMI = P·i·cⁿ/(cⁿ − 1), the annuity formula of equatedMonthlyInstalment, from the factors already worked out.
    this.emi = i === 0n ? principal / BigInt(this.instalments) : times(times(this.perPower, final), i);
    this.repaid = new Map([
      [0, 0n],
      [this.instalments, principal],
    ]);
  }

  /** Totals for months from + 1 … to, split where the moratorium or the subvention ends. */
  between(from: number, to: number, subventionMonths: number, subventionShare: bigint): MonthsTotal {
    const { first, second } = runSplits(from, to, this.moratoriumMonths, subventionMonths);
    let total = this.part(from, first, subventionMonths, subventionShare);
    if (second > first) total = added(total, this.part(first, second, subventionMonths, subventionShare));
    if (to > second) total = added(total, this.part(second, to, subventionMonths, subventionShare));
    return total;
  }

  /** A run's totals with its subvention: the share of its interest, if the run is within the subvention's months. */
  private part(from: number, to: number, subventionMonths: number, subventionShare: bigint): MonthsTotal {
    const { interest, principal } = this.run(from, to);
    const subvention = to <= subventionMonths ? times(interest, subventionShare) : 0n;
    return { interest, subvention, principal };
  }

  /** Months from + 1 … to, all on the same side of the moratorium's end (and of the subvention's). */
  private run(from: number, to: number): { interest: bigint; principal: bigint } {
    const key = `${from}-${to}`;
    let known = this.runs.get(key);
    if (known !== undefined) return known;
    const months = BigInt(to - from);
    if (to <= this.moratoriumMonths) {
      known = { interest: this.monthlyInterest * months, principal: 0n };
    } else {
      const principal =
        this.repaidAfter(to - this.moratoriumMonths) - this.repaidAfter(from - this.moratoriumMonths);
      known = { interest: this.emi * months - principal, principal };
    }
    this.runs.set(key, known);
    return known;
  }

  private repaidAfter(k: number): bigint {
    let known = this.repaid.get(k);
    if (known !== undefined) return known;
    known =
      this.monthlyRate === 0n
        ? (this.principal * BigInt(k)) / BigInt(this.instalments)
        : times(this.perPower, this.powers.power(k) - FIXED_ONE);
    this.repaid.set(k, known);
    return known;
  }
}

/**
 * Subvention per rupee of interest, min(s, i)/i, from the monthly rates as the closed form has always worked it out
 * (0 at a 0 % rate, where there is no interest to subsidise). Not the ratio of the yearly percentages, though it is
 * the same number: during a moratorium the subvention is exact to the half-paisa (P·s a month), and a quotient
 * worked out another way can land a hair below such a tie and round the other way.
 */
function subventionShare(terms: LoanTerms, i: bigint): bigint {
  if (i === 0n) return 0n;
  return over(smallerFixed(over(fixedFrom(terms.interestSubventionPct), PERCENT_MONTHS), i), i);
}

/** The year's subvention within its cap, if there is one. */
const withinYearlyCap = (subvention: bigint, cap: bigint | null): bigint =>
  cap === null ? subvention : smallerFixed(subvention, cap);

const yearlyCap = (terms: LoanTerms): bigint | null =>
  terms.subventionCapPerYearInr ? fixedFrom(terms.subventionCapPerYearInr) : null;

/** A loan year in fixed point. */
interface FixedLoanYear extends MonthsTotal {
  months: number;
  debtService: bigint;
}

/** A loan's years and totals in fixed point, before they become Decimals. */
interface FixedLoan {
  emi: bigint;
  moratoriumInterest: bigint;
  years: FixedLoanYear[];
  totalInterest: bigint;
  totalSubvention: bigint;
  totalDebtService: bigint;
}

function loanYearsFixed(terms: LoanTerms, loan: AnnuityLoan, share: bigint): FixedLoan {
  const cap = yearlyCap(terms);
  const years: FixedLoanYear[] = [];
  let totalInterest = 0n;
  let totalSubvention = 0n;
  let totalDebtService = 0n;
  for (let start = 0; start < terms.tenureMonths; start += MONTHS_PER_YEAR) {
    const end = Math.min(start + MONTHS_PER_YEAR, terms.tenureMonths);
    const totals = loan.between(start, end, terms.subventionMonths, share);
    const subvention = withinYearlyCap(totals.subvention, cap);
    const debtService = totals.interest - subvention + totals.principal;
    totalInterest += totals.interest;
    totalSubvention += subvention;
    totalDebtService += debtService;
    years.push({
      months: end - start,
      interest: totals.interest,
      subvention,
      principal: totals.principal,
      debtService,
    });
  }
  return {
    emi: loan.emi,
    moratoriumInterest: loan.moratoriumInterest,
    years,
    totalInterest,
    totalSubvention,
    totalDebtService,
  };
}

/** A loan's years and totals, which do not depend on the project's savings. */
export type LoanYears = Omit<LoanAnalysis, 'years' | 'minDscr' | 'avgDscr'> & {
  years: Omit<LoanYear, 'netSavingInr' | 'dscr'>[];
};

/**
 * A loan year whose figures become Decimals when first read: a match reads a few of them (the principal for a
 * guarantee's fees, the debt service for the cover) of the many loans it works out, and each conversion costs
 * about a microsecond.
 */
class LoanYearFigures {
  private interest: Decimal | undefined = undefined;
  private subvention: Decimal | undefined = undefined;
  private principal: Decimal | undefined = undefined;
  private debtService: Decimal | undefined = undefined;

  constructor(
    readonly year: number,
    private readonly fixed: FixedLoanYear,
  ) {}

  get months(): number {
    return this.fixed.months;
  }
  get interestInr(): Decimal {
    return (this.interest ??= fixedToDecimal(this.fixed.interest));
  }
  get subventionInr(): Decimal {
    return (this.subvention ??= fixedToDecimal(this.fixed.subvention));
  }
  get principalInr(): Decimal {
    return (this.principal ??= fixedToDecimal(this.fixed.principal));
  }
  get debtServiceInr(): Decimal {
    return (this.debtService ??= fixedToDecimal(this.fixed.debtService));
  }
}

/** The loan's totals, likewise made Decimals when first read. */
class LoanYearsFigures implements LoanYears {
  readonly years: LoanYearFigures[];
  private emi: Decimal | undefined = undefined;
  private moratoriumInterest: Decimal | undefined = undefined;
  private totalInterest: Decimal | undefined = undefined;
  private totalSubvention: Decimal | undefined = undefined;
  private totalDebtService: Decimal | undefined = undefined;

  constructor(private readonly fixed: FixedLoan) {
    this.years = fixed.years.map((year, index) => new LoanYearFigures(index + 1, year));
  }

  get emiInr(): Decimal {
    return (this.emi ??= fixedToDecimal(this.fixed.emi));
  }
  get moratoriumInterestInr(): Decimal {
    return (this.moratoriumInterest ??= fixedToDecimal(this.fixed.moratoriumInterest));
  }
  get totalInterestInr(): Decimal {
    return (this.totalInterest ??= fixedToDecimal(this.fixed.totalInterest));
  }
  get totalSubventionInr(): Decimal {
    return (this.totalSubvention ??= fixedToDecimal(this.fixed.totalSubvention));
  }
  get totalDebtServiceInr(): Decimal {
    return (this.totalDebtService ??= fixedToDecimal(this.fixed.totalDebtService));
  }
}

/** The project's debt-service cover: each loan year's DSCR (null without debt service), the least and the average. */
function cover(loan: FixedLoan, savingsByYear: readonly bigint[]) {
  const dscrs: (Decimal | null)[] = [];
  let least: bigint | null = null;
  let minDscr: Decimal | null = null;
  let totalSaving = 0n;
  for (let index = 0; index < loan.years.length; index++) {
    const debtService = (loan.years[index] as FixedLoanYear).debtService;
    const saving = savingsByYear[index] ?? 0n;
    totalSaving += saving;
    if (debtService === 0n) {
      dscrs.push(null);
      continue;
    }
    const dscr = over(saving, debtService);
    const value = fixedToDecimal(dscr);
    if (least === null || dscr < least) {
      least = dscr;
      minDscr = value;
    }
    dscrs.push(value);
  }
  const avgDscr =
    loan.totalDebtService === 0n ? null : fixedToDecimal(over(totalSaving, loan.totalDebtService));
  return { dscrs, minDscr, avgDscr };
}

function fixedLoan(terms: LoanTerms): FixedLoan {
  assertTerms(terms);
  const powers = new AnnuityPowers(terms.annualRatePct);
  return loanYearsFixed(terms, annuityLoan(terms, powers), subventionShare(terms, powers.monthlyRate));
}

/** The whole loan: loan years, totals and the project's debt-service cover. */
export function analyseLoan(terms: LoanTerms, savingsByYear: readonly Decimal[]): LoanAnalysis {
  const fixed = fixedLoan(terms);
  const { dscrs, minDscr, avgDscr } = cover(fixed, savingsByYear.map(fixedFrom));
  // Every figure is read here, so each is converted at once (the lazy LoanYearsFigures is for the matches).
  return {
    emiInr: fixedToDecimal(fixed.emi),
    moratoriumInterestInr: fixedToDecimal(fixed.moratoriumInterest),
    years: fixed.years.map((year, index) => ({
      year: index + 1,
      months: year.months,
      interestInr: fixedToDecimal(year.interest),
      subventionInr: fixedToDecimal(year.subvention),
      principalInr: fixedToDecimal(year.principal),
      debtServiceInr: fixedToDecimal(year.debtService),
      netSavingInr: savingsByYear[index] ?? ZERO,
      dscr: dscrs[index] ?? null,
    })),
    totalInterestInr: fixedToDecimal(fixed.totalInterest),
    totalSubventionInr: fixedToDecimal(fixed.totalSubvention),
    totalDebtServiceInr: fixedToDecimal(fixed.totalDebtService),
    minDscr,
    avgDscr,
  };
}

/** The loan's figures in the API's answer, without the rest of the analysis; S_y in fixed point. */
export function loanFigures(terms: LoanTerms, savingsByYear: readonly bigint[]): LoanFigures {
  const loan = fixedLoan(terms);
  const { dscrs, minDscr, avgDscr } = cover(loan, savingsByYear);
  return {
    emiInr: fixedToDecimal(loan.emi),
    years: loan.years.map((year, index) => ({
      year: index + 1,
      debtServiceInr: fixedToDecimal(year.debtService),
      dscr: dscrs[index] ?? null,
    })),
    totalInterestInr: fixedToDecimal(loan.totalInterest),
    totalSubventionInr: fixedToDecimal(loan.totalSubvention),
    minDscr,
    avgDscr,
  };
}

function annuityLoan(terms: LoanTerms, powers: AnnuityPowers): AnnuityLoan {
  return new AnnuityLoan(fixedFrom(terms.principalInr), terms.moratoriumMonths, terms.tenureMonths, powers);
}

/** The subvention over the loan's first `months` months, each loan year's within the yearly cap if there is one. */
function subventionOver(months: number, terms: LoanTerms, loan: AnnuityLoan, share: bigint): Decimal {
  const cap = yearlyCap(terms);
  if (cap === null) return fixedToDecimal(loan.between(0, months, terms.subventionMonths, share).subvention);
  let total = 0n;
  for (let start = 0; start < months; start += MONTHS_PER_YEAR) {
    const end = Math.min(start + MONTHS_PER_YEAR, months);
    total += withinYearlyCap(loan.between(start, end, terms.subventionMonths, share).subvention, cap);
  }
  return fixedToDecimal(total);
}

/**
 * The government's whole share of the interest over the subvention's months, without the rest of the analysis;
 * with a yearly cap, each loan year's share is capped on its own.
 */
export function totalSubvention(terms: LoanTerms): Decimal {
  assertTerms(terms);
  const months = Math.min(terms.subventionMonths, terms.tenureMonths);
  if (months === 0) return ZERO;
  const powers = new AnnuityPowers(terms.annualRatePct);
  return subventionOver(
    months,
    terms,
    annuityLoan(terms, powers),
    subventionShare(terms, powers.monthlyRate),
  );
}

/**
 * Loan years and `totalSubvention` for the many loans of one project: a match values a score of schemes on the
 * loan (subventions, a guarantee's fees on the balance) and costs every financing package. Loans at the same rate
 * share one table of powers, loans that differ only in their subvention share the closed form's runs, and the same
 * loan (a guarantee's and a package's, packages that differ only in a grant that leaves the loan alone) is
 * analysed once. The figures are those of the functions alone. Made per project: it keeps all it works out.
 */
export class ProjectLoans {
  private readonly powersByRate = new Map<string, AnnuityPowers>();
  private readonly annuities = new Map<string, AnnuityLoan>();
  private readonly analysed = new Map<string, LoanYears>();
  /** Each Decimal of the keys as text, once: the project's loan and rate recur in every key. */
  private readonly texts = new Map<Decimal, string>();

  /** The loan's years and totals, as `analyseLoan` gives them without the savings. */
  years(terms: LoanTerms): LoanYears {
    assertTerms(terms);
    const cap = terms.subventionCapPerYearInr ? this.text(terms.subventionCapPerYearInr) : '';
    const key = `${this.annuityKey(terms)}|${this.text(terms.interestSubventionPct)}|${terms.subventionMonths}|${cap}`;
    let years = this.analysed.get(key);
    if (years === undefined) {
      const loan = this.annuity(terms);
      years = new LoanYearsFigures(loanYearsFixed(terms, loan, subventionShare(terms, loan.monthlyRate)));
      this.analysed.set(key, years);
    }
    return years;
  }

  totalSubvention(terms: LoanTerms): Decimal {
    assertTerms(terms);
    const months = Math.min(terms.subventionMonths, terms.tenureMonths);
    if (months === 0) return ZERO;
    const loan = this.annuity(terms);
    return subventionOver(months, terms, loan, subventionShare(terms, loan.monthlyRate));
  }

  private annuity(terms: LoanTerms): AnnuityLoan {
    const key = this.annuityKey(terms);
    let loan = this.annuities.get(key);
    if (loan === undefined) {
      const rate = this.text(terms.annualRatePct);
      let powers = this.powersByRate.get(rate);
      if (powers === undefined) {
        powers = new AnnuityPowers(terms.annualRatePct);
        this.powersByRate.set(rate, powers);
      }
      loan = annuityLoan(terms, powers);
      this.annuities.set(key, loan);
    }
    return loan;
  }

  private annuityKey(terms: LoanTerms): string {
    return `${this.text(terms.principalInr)}|${this.text(terms.annualRatePct)}|${terms.tenureMonths}|${terms.moratoriumMonths}`;
  }

  private text(value: Decimal): string {
    let text = this.texts.get(value);
    if (text === undefined) {
      text = value.toString();
      this.texts.set(value, text);
    }
    return text;
  }
}
