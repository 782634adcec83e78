import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeEconomics,
  economicsFigures,
  type EconomicsInput,
  type EconomicsResult,
} from './economics.js';
import { moneyString, roundedString, yearsString } from './money.js';
import crossCheck from '../../test/fixtures/finance/cross-check.json' with { type: 'json' };

const d = (value: string | number) => new Decimal(value);
const base: EconomicsInput = {
  capexInr: d(100),
  subsidyInr: d(0),
  annualEnergySavingsInr: d(50),
  annualOmCostInr: d(0),
  lifetimeYears: 3,
  discountRatePct: d(10),
  savingsEscalationPct: d(0),
};

describe('computeEconomics', () => {
  it('−100, 50, 50, 50 at 10 %: NPV 24.34, IRR 23.38 %, payback 2 and 2.352 years', () => {
    const result = computeEconomics(base);
    expect(moneyString(result.npvInr)).toBe('24.34');
    expect(roundedString(result.irrPct ?? d(0), 2)).toBe('23.38');
    expect(result.simplePaybackYears?.toString()).toBe('2');
    expect(result.discountedPaybackYears?.toString()).toBe('2.352');
    expect(result.loan).toBeNull();
  });

  it('gives the yearly cash flows for the chart, cumulative and discounted', () => {
    const rows = computeEconomics(base).cashFlows.map((row) => [
      row.year,
      moneyString(row.cashFlowInr),
      moneyString(row.discountedInr),
      moneyString(row.cumulativeInr),
      moneyString(row.cumulativeDiscountedInr),
    ]);
    expect(rows).toEqual([
      [0, '-100.00', '-100.00', '-100.00', '-100.00'],
      [1, '50.00', '45.45', '-50.00', '-54.55'],
      [2, '50.00', '41.32', '0.00', '-13.22'],
      [3, '50.00', '37.57', '50.00', '24.34'],
    ]);
  });

  it('nets the subsidy off the capex', () => {
    const result = computeEconomics({ ...base, subsidyInr: d(40) });
    expect(result.netCapexInr.toString()).toBe('60');
    expect(result.simplePaybackYears?.toString()).toBe('1.2');
  });

  it('reports no IRR and no payback when the project never saves', () => {
    const result = computeEconomics({ ...base, annualOmCostInr: d(60) });
    expect(result.irr.kind).toBe('none');
    expect(result.irrPct).toBeNull();
    expect(result.simplePaybackYears).toBeNull();
    expect(result.discountedPaybackYears).toBeNull();
  });

  it('levelised cost of saved energy and cost per tonne CO₂ (worked by hand)', () => {
    // netCapex 100 × CRF(10 %, 2 y) = 100 × 0.1 × 1.21 / 0.21 = 57.619…, + O&M 10 = 67.619… a year;
    // ÷ 20 kWh = 3.380952…; ÷ 0.5 t = 135.238095…
    const result = computeEconomics({
      ...base,
      annualOmCostInr: d(10),
      lifetimeYears: 2,
      annualEnergySavedKwh: d(20),
      annualCo2AvoidedTonnes: d('0.5'),
    });
    expect(roundedString(result.annualisedCostInr, 6)).toBe('67.619048');
    expect(roundedString(result.levelisedCostInrPerKwh ?? d(0), 6)).toBe('3.380952');
    expect(roundedString(result.costPerTonneCo2Inr ?? d(0), 6)).toBe('135.238095');
  });

  it('at 0 % the levelised cost is straight-line: (100/4 + 0) / 25 kWh = 1', () => {
    const result = computeEconomics({
      ...base,
      discountRatePct: d(0),
      lifetimeYears: 4,
      annualEnergySavedKwh: d(25),
    });
    expect(result.levelisedCostInrPerKwh?.toString()).toBe('1');
  });

  it('has no cost per unit when nothing (or less than nothing) is saved', () => {
    const result = computeEconomics({ ...base, annualEnergySavedKwh: d(0), annualCo2AvoidedTonnes: d(-1) });
    expect(result.levelisedCostInrPerKwh).toBeNull();
    expect(result.costPerTonneCo2Inr).toBeNull();
    expect(computeEconomics(base).levelisedCostInrPerKwh).toBeNull();
  });

  it('the api-v1 example: S_1 = 14,40,000 and simple payback 3.1250 years', () => {
    const result = computeEconomics({
      ...base,
      capexInr: d(4500000),
      annualEnergySavingsInr: d(1500000),
      annualOmCostInr: d(60000),
      lifetimeYears: 15,
      discountRatePct: d(12),
      savingsEscalationPct: d(3),
    });
    expect(moneyString(result.netAnnualSavingsInr)).toBe('1440000.00');
    expect(yearsString(result.simplePaybackYears ?? d(0))).toBe('3.1250');
  });

  it('takes a given series of net savings as it is (several measures): −1000, 500, 700 at 10 % is NPV 4000/121', () => {
    const input = { ...base, capexInr: d(1000), netSavingsByYearInr: [d(500), d(700)] };
    const result = computeEconomics(input);
    expect(result.cashFlows.map((row) => row.cashFlowInr.toString())).toEqual(['-1000', '500', '700']);
    expect(result.netAnnualSavingsInr.toString()).toBe('500');
    expect(roundedString(result.npvInr, 30)).toBe(roundedString(d(4000).dividedBy(121), 30));
    expect(economicsFigures(input).npvInr.toString()).toBe(result.npvInr.toString());
  });
});

interface CrossCheckCase {
  name: string;
  request: Record<string, unknown> & { loan?: Record<string, unknown> };
  raw: Record<string, string | null> & { loan?: Record<string, string | null> };
}
const fixture = crossCheck as unknown as { cases: CrossCheckCase[] };

const inputFrom = (request: CrossCheckCase['request']): EconomicsInput => {
  const dec = (key: string, from: Record<string, unknown> = request) =>
    d((from[key] as string | undefined) ?? '0');
  const loan = request.loan;
  return {
    capexInr: dec('capexInr'),
    subsidyInr: dec('subsidyInr'),
    annualEnergySavingsInr: dec('annualEnergySavingsInr'),
    annualOmCostInr: dec('annualOmCostInr'),
    lifetimeYears: request.lifetimeYears as number,
    discountRatePct: dec('discountRatePct'),
    savingsEscalationPct: dec('savingsEscalationPct'),
    loan: loan && {
      principalInr: dec('principalInr', loan),
      annualRatePct: dec('annualRatePct', loan),
      tenureMonths: loan.tenureMonths as number,
      moratoriumMonths: (loan.moratoriumMonths as number | undefined) ?? 0,
      interestSubventionPct: dec('interestSubventionPct', loan),
      subventionMonths: (loan.subventionMonths as number | undefined) ?? 0,
    },
  };
};

const closeTo = (actual: Decimal | null, expected: string | null | undefined) => {
  if (expected === null || expected === undefined) return actual === null;
  if (actual === null) return false;
  const want = d(expected);
  return actual.minus(want).abs().lessThanOrEqualTo(Decimal.max(1, want.abs()).times('1e-22'));
};

describe('cross-check against an independent Python implementation (test/fixtures/finance)', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))(
    '%s: unrounded values agree to 22 digits',
    (_, c) => {
      const result: EconomicsResult = computeEconomics(inputFrom(c.request));
      const top = [
        'netAnnualSavingsInr',
        'simplePaybackYears',
        'discountedPaybackYears',
        'npvInr',
        'irrPct',
      ] as const;
      for (const key of top) expect(closeTo(result[key], c.raw[key]), key).toBe(true);
      if (c.raw.loan === undefined) return expect(result.loan).toBeNull();
      const loan = result.loan;
      expect(loan).not.toBeNull();
      for (const key of ['emiInr', 'totalInterestInr', 'totalSubventionInr', 'minDscr', 'avgDscr'] as const) {
        expect(closeTo(loan?.[key] ?? null, c.raw.loan[key]), `loan.${key}`).toBe(true);
      }
    },
  );
});

function decimalsIn(value: unknown): Decimal[] {
  if (Decimal.isDecimal(value)) return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(decimalsIn);
}

describe('never NaN or Infinity (property, fixed seed)', () => {
  const amount = fc.integer({ min: 0, max: 1e13 }).map((paise) => d(paise).dividedBy(100));
  const pct = fc.integer({ min: 0, max: 10_000 }).map((bp) => d(bp).dividedBy(100));
  const loan = fc.record({
    principalInr: amount,
    annualRatePct: pct,
    tenureMonths: fc.integer({ min: 1, max: 360 }),
    moratoriumMonths: fc.nat({ max: 359 }),
    interestSubventionPct: pct,
    subventionMonths: fc.nat({ max: 360 }),
  });

  it('every Decimal in the result is finite', () => {
    fc.assert(
      fc.property(
        amount.map((a) => a.plus('0.01')),
        fc.integer({ min: 0, max: 100 }),
        amount,
        amount,
        fc.integer({ min: 1, max: 50 }),
        pct,
        fc.integer({ min: -9_900, max: 10_000 }).map((bp) => d(bp).dividedBy(100)),
        fc.option(loan, { nil: undefined }),
        fc.option(amount, { nil: undefined }),
        (capex, subsidyShare, savings, om, years, discount, escalation, loanTerms, kwh) => {
          const result = computeEconomics({
            capexInr: capex,
            subsidyInr: capex.times(subsidyShare).dividedBy(100),
            annualEnergySavingsInr: savings,
            annualOmCostInr: om,
            lifetimeYears: years,
            discountRatePct: discount,
            savingsEscalationPct: escalation,
            loan: loanTerms && {
              ...loanTerms,
              moratoriumMonths: loanTerms.moratoriumMonths % loanTerms.tenureMonths,
            },
            annualEnergySavedKwh: kwh,
          });
          const seen = decimalsIn(result);
          expect(seen.length).toBeGreaterThan(0);
          for (const value of seen) expect(value.isFinite()).toBe(true);
        },
      ),
      { seed: 20261125, numRuns: 60 },
    );
  });
});
