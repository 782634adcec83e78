import { Decimal } from 'decimal.js';
import '../money.js';

// Conventions of POST /api/v1/economics (design/api-v1.md): cash flows at year ends, year 0 is the outlay,
// rates are fractions per year (0.12 = 12 %).

const ZERO = new Decimal(0);
const ONE = new Decimal(1);

/**
 * Net saving S_t for t = 1..lifetimeYears (index 0 holds year 1).
 * S_t = annualSavings × (1 + g)^(t−1) − annualOmCost (api-v1.md, "Net saving in year t").
 */
export function netSavingsByYear(
  annualSavingsInr: Decimal,
  annualOmCostInr: Decimal,
  escalation: Decimal,
  lifetimeYears: number,
): Decimal[] {
  if (!Number.isInteger(lifetimeYears) || lifetimeYears < 0) {
    throw new RangeError(`lifetimeYears must be a whole number ≥ 0, got ${lifetimeYears}`);
  }
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
 * (textbook NPV; api-v1.md `npvInr` with flows[0] = −netCapex).
 */
export function netPresentValue(rate: Decimal, flows: readonly Decimal[]): Decimal {
  assertRateAboveMinusOne(rate);
  const x = ONE.dividedBy(ONE.plus(rate));
  let value = ZERO;
  for (let t = flows.length - 1; t >= 0; t--) value = value.times(x).plus(flows[t] ?? ZERO);
  return value;
}

/** D_t = S_t / (1 + rate)^t for t = 1..N (index 0 holds year 1), as S_t·xᵗ with x = 1/(1 + rate): one division. */
export function discountedSavings(rate: Decimal, savingsByYear: readonly Decimal[]): Decimal[] {
  assertRateAboveMinusOne(rate);
  const x = ONE.dividedBy(ONE.plus(rate));
  let factor = ONE;
  return savingsByYear.map((saving) => {
    factor = factor.times(x);
    return saving.times(factor);
  });
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
 * Discounted payback (api-v1.md): C_t = −netCapex + Σ_{j≤t} D_j; the first t with C_t ≥ 0 gives
 * (t − 1) + (−C_{t−1}) / D_t. 0 when netCapex ≤ 0; null when C_t stays negative for all t ≤ N.
 */
export function discountedPaybackYears(
  netCapexInr: Decimal,
  savingsByYear: readonly Decimal[],
  rate: Decimal,
): Decimal | null {
  if (netCapexInr.lessThanOrEqualTo(0)) return ZERO;
  return discountedPaybackFrom(netCapexInr, discountedSavings(rate, savingsByYear));
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
