import { Decimal } from 'decimal.js';
import '../money.js';
import { exactDecimal, FIXED_ONE, fixedFrom, fixedToDecimal, over, times } from './fixed-point.js';

// Conventions of POST /api/v1/economics (design/api-v1.md): cash flows at year ends, year 0 is the outlay,
// rates are fractions per year (0.12 = 12 %).

const ZERO = new Decimal(0);
const ONE = new Decimal(1);

function assertLifetime(lifetimeYears: number): void {
  if (!Number.isInteger(lifetimeYears) || lifetimeYears < 0) {
    throw new RangeError(`lifetimeYears must be a whole number ≥ 0, got ${lifetimeYears}`);
  }
}

/**
 * Net saving S_t for t = 1..lifetimeYears (index 0 holds year 1), in fixed point.
 * S_t = annualSavings × (1 + g)^(t−1) − annualOmCost (api-v1.md, "Net saving in year t").
 */
export function netSavingsFixed(
  annualSavingsInr: Decimal,
  annualOmCostInr: Decimal,
  escalation: Decimal,
  lifetimeYears: number,
): bigint[] {
  assertLifetime(lifetimeYears);
  const growth = FIXED_ONE + fixedFrom(escalation);
  const omCost = fixedFrom(annualOmCostInr);
  const savings: bigint[] = [];
  let gross = fixedFrom(annualSavingsInr);
  for (let t = 1; t <= lifetimeYears; t++) {
    savings.push(gross - omCost);
    gross = times(gross, growth);
  }
  return savings;
}

/**
 * `netSavingsFixed` in Decimal, for the callers that want Decimals (readiness): the same formula, since converting
 * each year's saving out of fixed point costs twice what working it out in Decimal does.
 */
export function netSavingsByYear(
  annualSavingsInr: Decimal,
  annualOmCostInr: Decimal,
  escalation: Decimal,
  lifetimeYears: number,
): Decimal[] {
  assertLifetime(lifetimeYears);
  const growth = ONE.plus(escalation);
  const savings: Decimal[] = [];
  let gross = annualSavingsInr;
  for (let t = 1; t <= lifetimeYears; t++) {
    savings.push(gross.minus(annualOmCostInr));
    gross = gross.times(growth);
  }
  return savings;
}

/** Project cash flows: index 0 = −netCapex at year 0, then the yearly net savings. */
export function projectCashFlows(netCapexInr: Decimal, savingsByYear: readonly Decimal[]): Decimal[] {
  return [netCapexInr.negated(), ...savingsByYear];
}

function assertRateAboveMinusOne(rate: Decimal): void {
  if (!rate.isFinite() || rate.lessThanOrEqualTo(-1)) {
    throw new RangeError(`a discount rate must be more than −100 %, got ${rate.toString()}`);
  }
}

/**
 * Net present value Σ_{t≥0} flows[t] / (1 + rate)^t, evaluated by Horner's rule in x = 1/(1 + rate)
 * (textbook NPV; api-v1.md `npvInr` with flows[0] = −netCapex), in fixed point (fixed-point.ts): the economics
 * figures and the IRR search work on the flows in fixed point, converted once.
 */
export function presentValueFixed(rate: bigint, flows: readonly bigint[]): bigint {
  const x = over(FIXED_ONE, FIXED_ONE + rate);
  let value = 0n;
  for (let t = flows.length - 1; t >= 0; t--) value = times(value, x) + (flows[t] ?? 0n);
  return value;
}

/** `presentValueFixed` for Decimal rate and flows. */
export function netPresentValue(rate: Decimal, flows: readonly Decimal[]): Decimal {
  assertRateAboveMinusOne(rate);
  return fixedToDecimal(presentValueFixed(fixedFrom(rate), flows.map(fixedFrom)));
}

/**
 * D_t = flows[t] / (1 + rate)^t for every t (so D_0 = flows[0]), as flows[t]·xᵗ with x = 1/(1 + rate): one
 * division, in fixed point. The NPV is their sum.
 */
export function discountedFlowsFixed(rate: bigint, flows: readonly bigint[]): bigint[] {
  if (rate <= -FIXED_ONE) throw new RangeError('a discount rate must be more than −100 %');
  const x = over(FIXED_ONE, FIXED_ONE + rate);
  let factor = FIXED_ONE;
  return flows.map((flow, t) => {
    if (t > 0) factor = times(factor, x);
    return times(flow, factor);
  });
}

/** D_t = S_t / (1 + rate)^t for t = 1..N (index 0 holds year 1). */
export function discountedSavings(rate: Decimal, savingsByYear: readonly Decimal[]): Decimal[] {
  assertRateAboveMinusOne(rate);
  const flows = [0n, ...savingsByYear.map(fixedFrom)];
  return discountedFlowsFixed(fixedFrom(rate), flows).slice(1).map(fixedToDecimal);
}

/**
 * Simple payback = netCapex / S_1 (api-v1.md): 0 when there is nothing to pay back, null when the first
 * year saves nothing.
 */
export function simplePaybackYears(
  netCapexInr: Decimal,
  firstYearSavingInr: Decimal | undefined,
): Decimal | null {
  if (netCapexInr.lessThanOrEqualTo(0)) return ZERO;
  if (firstYearSavingInr === undefined || firstYearSavingInr.lessThanOrEqualTo(0)) return null;
  return netCapexInr.dividedBy(firstYearSavingInr);
}

/**
 * Discounted payback (api-v1.md) of the flows (flows[0] = −netCapex) in fixed point: with D_t the flows
 * discounted to year 0 and C_t = Σ_{j≤t} D_j, the first t with C_t ≥ 0 gives (t − 1) + (−C_{t−1}) / D_t; 0 when
 * netCapex ≤ 0; null when C_t stays negative for all t ≤ N.
 *
 * Which year pays back is decided exactly, not on discounted values a rounding away from 0: C_t ≥ 0 exactly when
 * the flows compounded to year t, F_t = Σ_{j≤t} flows[j]·(1 + rate)^(t−j), are, and F_t takes only products and
 * sums of exact decimals. (A project that earns exactly its discount rate, 1,000 back as 1,070 at 7 %, pays back in
 * exactly one year.) The fraction −C_{t−1}/D_t is −F_{t−1}·(1 + rate)/flows[t]: one division. flows[t] > 0 in the
 * payback year t because C_{t−1} < 0 ≤ C_t.
 */
export function discountedPaybackFixed(rate: Decimal, flows: readonly bigint[]): bigint | null {
  // A_t = F_t·Pᵗ, with 1 + rate = G/P exactly: A_t = A_{t−1}·G + flows[t]·Pᵗ, in integers.
  let compounded = flows[0] ?? 0n;
  if (compounded >= 0n) return 0n;
  const { digits: growth, decimals } = exactDecimal(ONE.plus(rate));
  const unit = 10n ** BigInt(decimals);
  let unitPower = 1n;
  for (let t = 1; t < flows.length; t++) {
    const flow = flows[t] ?? 0n;
    const previous = compounded;
    unitPower *= unit;
    compounded = previous * growth + flow * unitPower;
    if (compounded >= 0n)
      return BigInt(t - 1) * FIXED_ONE + (-previous * growth * FIXED_ONE) / (unitPower * flow);
  }
  return null;
}

/** Discounted payback (api-v1.md) of netCapex against S_t for t = 1..N (index 0 holds year 1). */
export function discountedPaybackYears(
  netCapexInr: Decimal,
  savingsByYear: readonly Decimal[],
  rate: Decimal,
): Decimal | null {
  assertRateAboveMinusOne(rate);
  const payback = discountedPaybackFixed(rate, projectCashFlows(netCapexInr, savingsByYear).map(fixedFrom));
  return payback === null ? null : fixedToDecimal(payback);
}

/**
 * `discountedPaybackYears` from the D_t already worked out by `discountedSavings` (index 0 holds year 1).
 * D_t > 0 at the payback year t because C_{t−1} < 0 ≤ C_t, so the division is always defined.
 */
export function discountedPaybackFrom(netCapexInr: Decimal, discounted: readonly Decimal[]): Decimal | null {
  if (netCapexInr.lessThanOrEqualTo(0)) return ZERO;
  let cumulative = netCapexInr.negated();
  for (const [index, present] of discounted.entries()) {
    const next = cumulative.plus(present);
    if (next.greaterThanOrEqualTo(0)) return new Decimal(index).plus(cumulative.negated().dividedBy(present));
    cumulative = next;
  }
  return null;
}

/**
 * Capital recovery factor r(1+r)^N / ((1+r)^N − 1), or 1/N when r = 0: the level yearly payment that
 * repays 1 over N years at rate r (standard annuity formula, e.g. NREL "Simple LCOE" documentation).
 */
export function capitalRecoveryFactor(rate: Decimal, years: number): Decimal {
  if (!Number.isInteger(years) || years < 1)
    throw new RangeError(`years must be a whole number ≥ 1, got ${years}`);
  assertRateAboveMinusOne(rate);
  if (rate.isZero()) return ONE.dividedBy(years);
  const compound = ONE.plus(rate).pow(years);
  return rate.times(compound).dividedBy(compound.minus(1));
}
