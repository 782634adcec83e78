import { Decimal } from 'decimal.js';
import type { EconomicsInput } from './economics.js';
import {
  certainlyNonZero,
  difference,
  exactly,
  exp,
  expm1,
  fromDecimal,
  least,
  log1p,
  product,
  quotient,
  sum,
  type Bounded,
} from './finance/bounded.js';
import { estimatedRoot } from './finance/irr.js';
import { runSplits, type LoanTerms } from './finance/loan.js';

// The figures of `economicsFigures` (economics.ts) worked out in floating point, each with a proven error bound
// (finance/bounded.ts), for the API to write when the bound decides every digit it writes (decision 0010). The
// formulas are the exact kernel's, step for step where the order matters (the loan's runs of months); whatever
// the bound cannot decide, a sign that could be 0, a year that could be the payback year or not, makes the whole
// estimate null, and the exact figures are worked out instead. So are the inputs this does not cover: a series
// of savings given year by year, a yearly subvention cap, an interest-free loan, flows with more than one sign
// change.

const ONE = exactly(1);
const ZERO = exactly(0);
const MONTHS_PER_YEAR = 12;
// The IRR search range of irr.ts, (−99 %, 1000 %), kept clear of by far more than any bound below.
const LOWEST_RATE = -0.99 + 1e-9;
const HIGHEST_RATE = 10 - 1e-9;
// The exact kernel's IRR is proven within 10⁻¹⁵ of the root (irr.ts, NEWTON_CLOSE); the estimate allows for it.
const EXACT_IRR_SLACK = 2e-15;
const KERNEL_RELATIVE_ERROR = 1e-30;

export interface LoanEstimate {
  emiInr: Bounded;
  years: { year: number; debtServiceInr: Bounded; dscr: Bounded | null }[];
  totalInterestInr: Bounded;
  totalSubventionInr: Bounded;
  minDscr: Bounded | null;
  avgDscr: Bounded | null;
}

export interface EconomicsEstimate {
  netAnnualSavingsInr: Bounded;
  simplePaybackYears: Bounded | null;
  discountedPaybackYears: Bounded | null;
  npvInr: Bounded;
  irrPct: Bounded | null;
  loan: LoanEstimate | null;
}

/** Thrown inside the estimate when a bound cannot decide something; caught once, at the top. */
class Undecided extends Error {}

const decided = <T>(value: T | null): T => {
  if (value === null) throw new Undecided();
  return value;
};

/** The sign of an exact value the bound proves is not 0. */
function sign(value: Bounded): 1 | -1 {
  if (!certainlyNonZero(value)) throw new Undecided();
  return value.value > 0 ? 1 : -1;
}

const fractionOfPercent = (pct: Bounded): Bounded => decided(quotient(pct, exactly(100)));

/** NPV of `flows` (index 0 at year 0) at a rate given as a double, by Horner's rule in x = 1/(1 + rate). */
function presentValue(rate: number, flows: readonly Bounded[]): Bounded {
  const x = decided(quotient(ONE, sum(ONE, exactly(rate))));
  let value = ZERO;
  for (let t = flows.length - 1; t >= 0; t--) value = sum(product(value, x), flows[t] as Bounded);
  return value;
}

/**
 * The IRR in percent, for flows with exactly one sign change (outlay, then savings): the floating-point root,
 * bracketed by two rates at which the NPV's bound proves opposite signs. NPV falls as the rate rises here, so the
 * root is the one irr.ts finds, inside the bracket. Null when the bound proves there is none in range.
 */
function irrPercent(exactFlows: readonly Bounded[]): Bounded | null {
  // Near −99 % the kernel's NPV terms are the flows times up to 100ᵗ, so its absolute truncations are magnified
  // with them. Each flow is worked out from amounts of a millionth of a rupee or more (irr.ts scales tiny flows up
  // first), so the kernel's error in it is at most 10⁻³⁰ of the amounts it came from; where gross savings and O&M
  // nearly cancel that can be more of the flow itself, but then the flow's own bound, a rounding of those
  // amounts, is larger still. The bounds add 10⁻³⁰ of each flow besides. So the kernel's NPV has the proven sign
  // wherever the estimate's has, on either side of the bracket, and its root is inside it too.
  const flows = exactFlows.map((flow) => ({
    value: flow.value,
    error: flow.error + KERNEL_RELATIVE_ERROR * Math.abs(flow.value),
  }));
  const root = estimatedRoot(
    flows.map((flow) => flow.value),
    LOWEST_RATE,
    HIGHEST_RATE,
  );
  if (!Number.isFinite(root)) {
    // NPV falls as the rate rises: positive even at 1000 % (the range's end, exactly), it has no root in range.
    if (sign(presentValue(10, flows)) === 1) return null;
    throw new Undecided();
  }
  const half = 1e-12 * Math.max(1, Math.abs(root));
  const below = root - half;
  const above = root + half;
  if (!(below > LOWEST_RATE && above < HIGHEST_RATE)) throw new Undecided();
  if (sign(presentValue(below, flows)) !== 1 || sign(presentValue(above, flows)) !== -1)
    throw new Undecided();
  return product({ value: root, error: half + EXACT_IRR_SLACK }, exactly(100));
}

/** Discounted payback (cash-flows.ts): the first year whose cumulative discounted flow is ≥ 0, and its fraction. */
function discountedPayback(discounted: readonly Bounded[]): Bounded | null {
  let cumulative = discounted[0] as Bounded;
  for (let t = 1; t < discounted.length; t++) {
    const present = discounted[t] as Bounded;
    const next = sum(cumulative, present);
    if (sign(next) === 1) {
      const fraction = decided(quotient(difference(ZERO, cumulative), present));
      return sum(exactly(t - 1), fraction);
    }
    cumulative = next;
  }
  return null;
}

/**
 * The loan's figures by loan.ts's closed form, with c = 1 + i: cᵏ − 1 as expm1(k·ln(1 + i)), which keeps its
 * digits where the exact kernel's fixed point keeps them anyway. A year's months are split into the same runs
 * as the kernel's (`runSplits`), since the subvention is decided per run.
 */
function loanEstimate(terms: LoanTerms, savings: readonly Bounded[]): LoanEstimate {
  if (terms.subventionCapPerYearInr || terms.annualRatePct.isZero()) throw new Undecided();
  const principal = fromDecimal(terms.principalInr);
  const i = decided(quotient(fromDecimal(terms.annualRatePct), exactly(1200)));
  // min(s, i)/i; exactly 1 when the subvention covers the whole rate, as in the exact kernel.
  const share = terms.interestSubventionPct.greaterThanOrEqualTo(terms.annualRatePct)
    ? ONE
    : decided(quotient(fromDecimal(terms.interestSubventionPct), fromDecimal(terms.annualRatePct)));
  const logGrowth = decided(log1p(i));
  const grownBy = (months: number) => expm1(product(exactly(months), logGrowth));
  const instalments = terms.tenureMonths - terms.moratoriumMonths;
  const finalLessOne = grownBy(instalments);
  const perPower = decided(quotient(principal, finalLessOne));
  const emi = product(product(perPower, sum(finalLessOne, ONE)), i);
  const monthlyInterest = product(principal, i);

  const run = (from: number, to: number) => {
    let interest: Bounded;
    let principalRepaid: Bounded;
    if (to <= terms.moratoriumMonths) {
      interest = product(monthlyInterest, exactly(to - from));
      principalRepaid = ZERO;
    } else {
      // P·(c^(to−M) − c^(from−M))/(cⁿ − 1) = perPower · c^(from−M) · (c^(to−from) − 1)
      const start = exp(product(exactly(from - terms.moratoriumMonths), logGrowth));
      principalRepaid = product(product(perPower, start), grownBy(to - from));
      interest = difference(product(emi, exactly(to - from)), principalRepaid);
    }
    const subvention = to <= terms.subventionMonths ? product(interest, share) : ZERO;
    return { interest, subvention, principal: principalRepaid };
  };

  const years: LoanEstimate['years'] = [];
  let totalInterest = ZERO;
  let totalSubvention = ZERO;
  let totalDebtService = ZERO;
  let totalSaving = ZERO;
  let minDscr: Bounded | null = null;
  for (let start = 0; start < terms.tenureMonths; start += MONTHS_PER_YEAR) {
    const end = Math.min(start + MONTHS_PER_YEAR, terms.tenureMonths);
    const { first, second } = runSplits(start, end, terms.moratoriumMonths, terms.subventionMonths);
    let interest = ZERO;
    let subvention = ZERO;
    let principalRepaid = ZERO;
    for (const [from, to] of [
      [start, first],
      [first, second],
      [second, end],
    ] as const) {
      if (to <= from) continue;
      const part = run(from, to);
      interest = sum(interest, part.interest);
      subvention = sum(subvention, part.subvention);
      principalRepaid = sum(principalRepaid, part.principal);
    }
    const debtService = sum(difference(interest, subvention), principalRepaid);
    const saving = savings[years.length] ?? ZERO;
    // A year without debt service has no DSCR; one that might have none cannot be told apart here.
    sign(debtService);
    const dscr = decided(quotient(saving, debtService));
    minDscr = minDscr === null ? dscr : least(minDscr, dscr);
    years.push({ year: years.length + 1, debtServiceInr: debtService, dscr });
    totalInterest = sum(totalInterest, interest);
    totalSubvention = sum(totalSubvention, subvention);
    totalDebtService = sum(totalDebtService, debtService);
    totalSaving = sum(totalSaving, saving);
  }
  return {
    emiInr: emi,
    years,
    totalInterestInr: totalInterest,
    totalSubventionInr: totalSubvention,
    minDscr,
    avgDscr: decided(quotient(totalSaving, totalDebtService)),
  };
}

/**
 * The exact kernel's fixed point keeps 60 decimals, absolute: its results are off by up to about 10⁻⁴⁶ rupee
 * (a truncation times a loan's growth factor, up to 10¹³). Next to amounts of a millionth of a rupee or more that
 * is far inside the estimate's own bounds, which grow with the amounts; a loan of 10⁻³⁸ rupee at 99.99 % is
 * another matter (its DSCR differs in the sixth decimal). So every amount and rate that is not 0 must be at
 * least a millionth (of a rupee, of a percent).
 */
const SMALLEST_INPUT = new Decimal('1e-6');

function tooSmall(...values: (Decimal | undefined)[]): boolean {
  return values.some(
    (value) => value !== undefined && !value.isZero() && value.abs().lessThan(SMALLEST_INPUT),
  );
}

function estimate(input: EconomicsInput): EconomicsEstimate {
  if (input.netSavingsByYearInr !== undefined) throw new Undecided();
  const { loan } = input;
  if (
    tooSmall(
      input.capexInr,
      input.subsidyInr,
      input.annualEnergySavingsInr,
      input.annualOmCostInr,
      input.discountRatePct,
      input.savingsEscalationPct,
      loan?.principalInr,
      loan?.annualRatePct,
      loan?.interestSubventionPct,
    )
  )
    throw new Undecided();
  const netCapex = difference(fromDecimal(input.capexInr), fromDecimal(input.subsidyInr));
  if (sign(netCapex) !== 1) throw new Undecided();
  const omCost = fromDecimal(input.annualOmCostInr);
  const growth = sum(ONE, fractionOfPercent(fromDecimal(input.savingsEscalationPct)));
  const x = decided(quotient(ONE, sum(ONE, fractionOfPercent(fromDecimal(input.discountRatePct)))));

  // Flows (index 0 = year 0, the outlay), each discounted to year 0, and their signs.
  const flows: Bounded[] = [difference(ZERO, netCapex)];
  const discounted: Bounded[] = [flows[0] as Bounded];
  let gross = fromDecimal(input.annualEnergySavingsInr);
  let factor = ONE;
  let positiveSavings = 0;
  for (let t = 1; t <= input.lifetimeYears; t++) {
    const saving = difference(gross, omCost);
    if (sign(saving) === 1) positiveSavings++;
    factor = product(factor, x);
    flows.push(saving);
    discounted.push(product(saving, factor));
    gross = product(gross, growth);
  }
  let npv = ZERO;
  for (const present of discounted) npv = sum(npv, present);

  // One sign change (outlay, then savings): one IRR, found below. No change: none. Anything else: undecided.
  let irrPct: Bounded | null = null;
  if (positiveSavings === input.lifetimeYears) irrPct = irrPercent(flows);
  else if (positiveSavings > 0) throw new Undecided();

  const savings = flows.slice(1);
  const firstYear = savings[0] as Bounded;
  return {
    netAnnualSavingsInr: firstYear,
    simplePaybackYears: sign(firstYear) === 1 ? decided(quotient(netCapex, firstYear)) : null,
    discountedPaybackYears: discountedPayback(discounted),
    npvInr: npv,
    irrPct,
    loan: loan === undefined ? null : loanEstimate(loan, savings),
  };
}

/**
 * `economicsFigures` as bounded doubles, or null when a bound cannot decide one of its discrete outcomes (or
 * the input is of a kind this does not cover): then only the exact figures will do.
 */
export function estimateEconomics(input: EconomicsInput): EconomicsEstimate | null {
  try {
    return estimate(input);
  } catch (error) {
    if (error instanceof Undecided) return null;
    throw error;
  }
}
