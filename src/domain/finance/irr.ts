import { Decimal } from 'decimal.js';
import '../money.js';
import { presentValueFixed } from './cash-flows.js';
import {
  abs,
  FIXED_ONE,
  fixedFrom,
  fixedToDecimal,
  fixedToNumber,
  over,
  PLACES,
  times,
} from './fixed-point.js';

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

// The search runs in fixed point (fixed-point.ts): rates and NPVs below are integers × 10⁻⁶⁰.
const fixed = (value: Decimal.Value): bigint => fixedFrom(new Decimal(value));
const LOWEST = fixed('-0.99');
const HIGHEST = fixed(10);
// The fallback search stops when the bracket is narrower than this: far below the 6 decimals of a percent we output.
const TOLERANCE = fixed('1e-32');
const MAX_STEPS = 300;
// A Newton step below NEWTON_CLOSE (which makes the next error ≈ step²) is accepted once NPV changes sign
// across it, checked CERTIFIED beyond where it lands (see polishedRoot).
const CERTIFIED = fixed('1e-30');
const NEWTON_CLOSE = fixed('1e-15');
const MAX_NEWTON_STEPS = 8;
const MAX_FLOAT_STEPS = 200;

// Grid for the multi-sign-change case: 1-point steps up to 100 %, then 5-point steps to 1000 %.
const POINT = 10n ** BigInt(PLACES - 2);
const GRID: readonly bigint[] = [
  ...Array.from({ length: 200 }, (_, k) => LOWEST + BigInt(k) * POINT),
  ...Array.from({ length: 180 }, (_, k) => FIXED_ONE + BigInt(k + 1) * 5n * POINT),
];

/** The project's flows as the search uses them: in fixed point, and as doubles for the estimates. */
interface Flows {
  exact: readonly bigint[];
  approximate: readonly number[];
}

const sign = (value: bigint): number => (value === 0n ? 0 : value < 0n ? -1 : 1);

function signChanges(flows: readonly bigint[]): number {
  let changes = 0;
  let previous = 0;
  for (const flow of flows) {
    const current = sign(flow);
    if (current === 0) continue;
    if (previous !== 0 && current !== previous) changes++;
    previous = current;
  }
  return changes;
}

const opposite = (a: bigint, b: bigint): boolean => a !== 0n && b !== 0n && a < 0n !== b < 0n;

/**
 * NPV and dNPV/dr at `rate` in floating point: P(x) = Σ flows[t]·xᵗ and P′(x) by Horner's rule with
 * x = 1/(1+rate), and dNPV/dr = −x²·P′(x) by the chain rule.
 */
function npvWithSlope(rate: number, flows: readonly number[]): { value: number; slope: number } {
  const x = 1 / (1 + rate);
  let value = 0;
  let derivative = 0;
  for (let t = flows.length - 1; t >= 0; t--) {
    derivative = derivative * x + value;
    value = value * x + (flows[t] ?? 0);
  }
  return { value, slope: -x * x * derivative };
}

/**
 * A floating-point estimate of the root in (low, high): Newton's method, falling back to bisection when a step
 * would leave the bracket. NaN when the flows do not fit a double or the ends do not show a sign change in
 * floating point. Only a starting point for `polishedRoot`.
 */
export function estimatedRoot(flows: readonly number[], low: number, high: number): number {
  let a = low;
  let b = high;
  const atA = npvWithSlope(a, flows).value;
  const atB = npvWithSlope(b, flows).value;
  if (!(atA < 0 !== atB < 0 && atA !== 0 && atB !== 0)) return NaN;
  const negativeAtA = atA < 0;
  let rate = (a + b) / 2;
  for (let step = 0; step < MAX_FLOAT_STEPS; step++) {
    const { value, slope } = npvWithSlope(rate, flows);
    if (!Number.isFinite(value)) return NaN;
    if (value === 0) return rate;
    if (value < 0 === negativeAtA) a = rate;
    else b = rate;
    let next = rate - value / slope;
    if (!(next > a && next < b)) next = (a + b) / 2;
    if (Math.abs(next - rate) <= Number.EPSILON * Math.abs(rate) || next === a || next === b) return next;
    rate = next;
  }
  return rate;
}

/**
 * The root in (low, high), or null if it could not be shown: Newton steps at full precision from the
 * floating-point estimate (the slope only needs to be roughly right: it sets the speed, not the result). A step
 * of less than NEWTON_CLOSE is accepted only when NPV just beyond its landing point (by CERTIFIED, away from
 * where it started) has the opposite sign to NPV where it started: the root then lies between the two, so the
 * result is proven within NEWTON_CLOSE of it (in practice the step's square, ≈ 1e-30), and the proof costs one
 * NPV more than the steps themselves.
 */
function polishedRoot(flows: Flows, low: bigint, high: bigint): bigint | null {
  const estimate = estimatedRoot(flows.approximate, fixedToNumber(low), fixedToNumber(high));
  if (!Number.isFinite(estimate)) return null;
  let rate = fixedFrom(estimate);
  let value = presentValueFixed(rate, flows.exact);
  for (let step = 0; step < MAX_NEWTON_STEPS; step++) {
    // An exact root counts only inside the range: −99 % and 1000 % themselves are outside it.
    if (value === 0n) return rate > low && rate < high ? rate : null;
    const slope = npvWithSlope(fixedToNumber(rate), flows.approximate).slope;
    if (!Number.isFinite(slope) || slope === 0) return null;
    const change = over(value, fixedFrom(slope));
    const next = rate - change;
    if (!(next > low && next < high)) return null;
    if (abs(change) < NEWTON_CLOSE) {
      const beyond = change < 0n ? next + CERTIFIED : next - CERTIFIED;
      if (beyond > low && beyond < high && opposite(value, presentValueFixed(beyond, flows.exact)))
        return next;
    }
    rate = next;
    value = presentValueFixed(rate, flows.exact);
  }
  return null;
}

/**
 * The root of NPV in [low, high], where NPV has opposite signs at the two ends: polished from a floating-point
 * estimate, or if that cannot be certified, by Illinois false position (Dowell & Jarratt, BIT 11, 1971): the
 * bracket always holds the root and shrinks superlinearly; a step that would leave the bracket falls back to
 * bisection, and so does the step after one that did not halve the bracket. Where NPV is lopsided (10¹⁰¹ at −99 %
 * against −10⁷ at 1000 % for a long project), false position creeps along the far end for hundreds of steps; with
 * a bisection at least every other step the bracket reaches TOLERANCE within MAX_STEPS whatever the flows.
 */
function rootBetween(flows: Flows, low: bigint, high: bigint): bigint {
  const polished = polishedRoot(flows, low, high);
  if (polished !== null) return polished;
  let a = low;
  let b = high;
  let atA = presentValueFixed(a, flows.exact);
  let atB = presentValueFixed(b, flows.exact);
  let keptSide: 'a' | 'b' | null = null;
  let bisect = false;
  for (let step = 0; step < MAX_STEPS && b - a > TOLERANCE; step++) {
    const width = b - a;
    let c = bisect ? (a + b) / 2n : over(times(a, atB) - times(b, atA), atB - atA);
    if (!(c > a && c < b)) c = (a + b) / 2n;
    const atC = presentValueFixed(c, flows.exact);
    if (atC === 0n) return c;
    if (atC < 0n === atB < 0n) {
      b = c;
      atB = atC;
      if (keptSide === 'a') atA = atA / 2n;
      keptSide = 'a';
    } else {
      a = c;
      atA = atC;
      if (keptSide === 'b') atB = atB / 2n;
      keptSide = 'b';
    }
    bisect = (b - a) * 2n > width;
  }
  return (a + b) / 2n;
}

/**
 * Internal rate of return of yearly `flows` (index 0 at year 0).
 *
 * Uniqueness comes from Descartes' rule of signs: NPV is a polynomial in x = 1/(1+r), and with V sign changes in
 * the flows it has at most V roots for r > −1, with the same parity as V. So when the NPV has opposite signs at
 * the two ends of the range there is an odd number of roots inside; with V ≤ 2 that number is exactly 1, and
 * a bracketing search finds it. With the same sign at both ends and V ≤ 1 there is none. Everything else (V ≥ 2 with equal
 * end signs, or V ≥ 3) is `ambiguous`. The project flows of computeEconomics have V ≤ 2 because S_t is monotone.
 */
export function internalRateOfReturn(cashFlows: readonly Decimal[]): IrrOutcome {
  return internalRateOfReturnFixed(resolvedFlows(cashFlows));
}

// The fixed point has 60 decimals, absolute, and the search discounts at rates down to −99 %, multiplying a year-t
// flow and the last decimals cut off around it by up to 100ᵗ: a flow below 10⁻²⁰ (savings shrinking to nothing
// over decades) would lose digits that then show in the IRR. The IRR does not change when every flow is
// multiplied by one number, so such flows are scaled up by a power of ten (exact on a Decimal) first.
const SMALLEST_RESOLVED = 10n ** BigInt(PLACES - 20);
const SMALLEST_RESOLVED_DECIMAL = new Decimal('1e-20');

/** False when a flow in fixed point may be too small to have kept the digits the IRR needs. */
export const resolvedInFixedPoint = (flows: readonly bigint[]): boolean =>
  flows.every((flow) => abs(flow) >= SMALLEST_RESOLVED);

/** `cashFlows` in fixed point, scaled by a power of ten so that the smallest that is not 0 is at least 10⁻²⁰. */
function resolvedFlows(cashFlows: readonly Decimal[]): bigint[] {
  let smallest: Decimal | undefined;
  for (const flow of cashFlows) {
    if (!flow.isZero() && (smallest === undefined || flow.abs().lessThan(smallest))) smallest = flow.abs();
  }
  if (smallest === undefined || smallest.greaterThanOrEqualTo(SMALLEST_RESOLVED_DECIMAL))
    return cashFlows.map(fixedFrom);
  const scale = new Decimal(10).pow(SMALLEST_RESOLVED_DECIMAL.dividedBy(smallest).log(10).ceil());
  return cashFlows.map((flow) => fixedFrom(flow.times(scale)));
}

/** `internalRateOfReturn` of flows already in fixed point (the economics figures share them with the NPV). */
export function internalRateOfReturnFixed(exact: readonly bigint[]): IrrOutcome {
  const flows: Flows = { exact, approximate: exact.map(fixedToNumber) };
  const changes = signChanges(flows.exact);
  if (changes === 0) return { kind: 'none' };
  // With V = 1 there is at most one root, so a root certified inside the range is the IRR (and the end signs,
  // which cost two full-precision NPVs, are then opposite anyway).
  const polished = changes === 1 ? polishedRoot(flows, LOWEST, HIGHEST) : null;
  if (polished !== null) return { kind: 'unique', rate: fixedToDecimal(polished) };
  const atLowest = presentValueFixed(LOWEST, flows.exact);
  const atHighest = presentValueFixed(HIGHEST, flows.exact);
  if (changes <= 2 && opposite(atLowest, atHighest))
    return { kind: 'unique', rate: fixedToDecimal(rootBetween(flows, LOWEST, HIGHEST)) };
  if (changes <= 1) return { kind: 'none' };

  const ratesFound: Decimal[] = [];
  let previousRate = LOWEST;
  let previousValue = atLowest;
  for (const rate of GRID.slice(1)) {
    const value = presentValueFixed(rate, flows.exact);
    if (value === 0n && rate !== HIGHEST) ratesFound.push(fixedToDecimal(rate));
    else if (opposite(previousValue, value))
      ratesFound.push(fixedToDecimal(rootBetween(flows, previousRate, rate)));
    previousRate = rate;
    previousValue = value;
  }
  return { kind: 'ambiguous', ratesFound };
}
