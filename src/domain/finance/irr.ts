import { Decimal } from 'decimal.js';
import '../money.js';
import { netPresentValue } from './cash-flows.js';

/**
 * The rate r in (−99 %, 1000 %) with NPV(r) = 0 (api-v1.md `irrPct`), as a fraction.
 *
 * - `unique`: exactly one such rate exists, and this is it.
 * - `none`: no rate in the range makes NPV zero.
 * - `ambiguous`: the cash flows change sign more than once, so NPV may have several roots, and one could not be
 *   shown to be the only one. `ratesFound` lists those a grid search found (it may be empty, or hold several).
 *   No single IRR is reported: picking one of several would be silently wrong.
 */
export type IrrOutcome =
  { kind: 'unique'; rate: Decimal } | { kind: 'none' } | { kind: 'ambiguous'; ratesFound: Decimal[] };

const LOWEST = new Decimal('-0.99');
const HIGHEST = new Decimal('10');
// Bisection stops when the bracket is narrower than this: far below the 6 decimals of a percent we output.
const TOLERANCE = new Decimal('1e-32');
const MAX_BISECTIONS = 200;

// Grid for the multi-sign-change case: 1-point steps up to 100 %, then 5-point steps to 1000 %.
const GRID: readonly Decimal[] = [
  ...Array.from({ length: 200 }, (_, k) => LOWEST.plus(new Decimal(k).dividedBy(100))),
  ...Array.from({ length: 180 }, (_, k) => new Decimal(1).plus(new Decimal(k + 1).dividedBy(20))),
];

function signChanges(flows: readonly Decimal[]): number {
  let changes = 0;
  let previous = 0;
  for (const flow of flows) {
    const sign = flow.isZero() ? 0 : flow.isNegative() ? -1 : 1;
    if (sign === 0) continue;
    if (previous !== 0 && sign !== previous) changes++;
    previous = sign;
  }
  return changes;
}

const opposite = (a: Decimal, b: Decimal): boolean =>
  a.isZero() === false && b.isZero() === false && a.isNeg() !== b.isNeg();

function bisect(flows: readonly Decimal[], low: Decimal, high: Decimal): Decimal {
  let lo = low;
  let hi = high;
  let atLo = netPresentValue(lo, flows);
  for (let step = 0; step < MAX_BISECTIONS && hi.minus(lo).greaterThan(TOLERANCE); step++) {
    const mid = lo.plus(hi).dividedBy(2);
    const atMid = netPresentValue(mid, flows);
    if (atMid.isZero()) return mid;
    if (atMid.isNeg() === atLo.isNeg()) {
      lo = mid;
      atLo = atMid;
    } else {
      hi = mid;
    }
  }
  return lo.plus(hi).dividedBy(2);
}

/**
 * Internal rate of return of yearly `flows` (index 0 at year 0).
 *
 * Uniqueness comes from Descartes' rule of signs: NPV is a polynomial in x = 1/(1+r), and with V sign changes in
 * the flows it has at most V roots for r > −1, with the same parity as V. So when the NPV has opposite signs at
 * the two ends of the range there is an odd number of roots inside; with V ≤ 2 that number is exactly 1, and
 * bisection finds it. With the same sign at both ends and V ≤ 1 there is none. Everything else (V ≥ 2 with equal
 * end signs, or V ≥ 3) is `ambiguous`. The project flows of computeEconomics have V ≤ 2 because S_t is monotone.
 */
export function internalRateOfReturn(flows: readonly Decimal[]): IrrOutcome {
  const changes = signChanges(flows);
  if (changes === 0) return { kind: 'none' };
  const atLowest = netPresentValue(LOWEST, flows);
  const atHighest = netPresentValue(HIGHEST, flows);
  if (changes <= 2 && opposite(atLowest, atHighest))
    return { kind: 'unique', rate: bisect(flows, LOWEST, HIGHEST) };
  if (changes <= 1) return { kind: 'none' };

  const ratesFound: Decimal[] = [];
  let previousRate = LOWEST;
  let previousValue = atLowest;
  for (const rate of GRID.slice(1)) {
    const value = netPresentValue(rate, flows);
    if (value.isZero() && !rate.equals(HIGHEST)) ratesFound.push(rate);
    else if (opposite(previousValue, value)) ratesFound.push(bisect(flows, previousRate, rate));
    previousRate = rate;
    previousValue = value;
  }
  return { kind: 'ambiguous', ratesFound };
}
