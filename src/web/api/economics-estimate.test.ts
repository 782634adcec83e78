import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { economicsFigures } from '../../domain/economics.js';
import { estimateEconomics } from '../../domain/economics-estimate.js';
import {
  economicsInputFrom,
  economicsRequestSchema,
  economicsResponse,
  economicsResponseBody,
  estimatedResponseBody,
} from './economics-api.js';

// POST /api/v1/economics answers from a floating-point estimate when its error bounds decide every digit, and
// from the exact figures otherwise (decision 0010). These tests hold the two to the same answer.

const meta = { rulesVersion: 'test-rules', asOf: '2026-11-26' };

/** A decimal string of `places` decimals between 0 and max (both as whole units). */
const decimalString = (max: number, places: number) =>
  fc
    .integer({ min: 0, max: max * 10 ** places })
    .map((scaled) => (places === 0 ? String(scaled) : (scaled / 10 ** places).toFixed(places)));

const rupees = (max: number) => decimalString(max, 2);
const percent = (max: number) =>
  fc.oneof(decimalString(max, 0), decimalString(max, 2), decimalString(max, 4));

const loanRequest = fc
  .record({
    principalInr: fc.oneof(rupees(50_000_000), rupees(100_000_000_000)),
    annualRatePct: fc.oneof(percent(20), percent(100)),
    tenureMonths: fc.integer({ min: 1, max: 360 }),
    moratoriumFraction: fc.double({ min: 0, max: 0.99, noNaN: true }),
    interestSubventionPct: fc.option(fc.oneof(percent(5), percent(100)), { nil: undefined }),
    subventionMonths: fc.option(fc.integer({ min: 0, max: 360 }), { nil: undefined }),
  })
  .filter((loan) => Number(loan.principalInr) > 0)
  .map(({ moratoriumFraction, ...loan }) => ({
    ...loan,
    moratoriumMonths: Math.floor(moratoriumFraction * loan.tenureMonths),
  }));

/** Requests over every regime the API takes: tiny and ₹10,000-crore amounts, shrinking savings, long loans. */
const anyRequest = fc
  .record({
    capexInr: fc.oneof(rupees(10_000_000), rupees(100_000_000_000)),
    subsidyShare: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
    annualEnergySavingsInr: fc.oneof(rupees(5_000_000), rupees(1_000_000_000)),
    annualOmCostInr: fc.option(rupees(2_000_000), { nil: undefined }),
    lifetimeYears: fc.integer({ min: 1, max: 50 }),
    discountRatePct: fc.oneof(percent(20), percent(100)),
    savingsEscalationPct: fc.option(
      fc.oneof(
        percent(10),
        percent(100),
        percent(99).map((pct) => (pct === '0' ? pct : `-${pct}`)),
      ),
      { nil: undefined },
    ),
    loan: fc.option(loanRequest, { nil: undefined }),
  })
  .filter((request) => Number(request.capexInr) > 0)
  .map(({ subsidyShare, ...request }) => ({
    ...request,
    subsidyInr: (Math.floor(Number(request.capexInr) * 100 * subsidyShare) / 100).toFixed(2),
  }));

/** What a cluster's owners ask: lakhs to crores, rates of a few percent, five- to fifteen-year lives. */
const typicalRequest = fc.record({
  capexInr: rupees(50_000_000).filter((capex) => Number(capex) >= 100_000),
  subsidyInr: rupees(100_000),
  annualEnergySavingsInr: rupees(20_000_000).filter((savings) => Number(savings) >= 100_000),
  annualOmCostInr: rupees(50_000),
  lifetimeYears: fc.integer({ min: 5, max: 25 }),
  discountRatePct: percent(15),
  savingsEscalationPct: percent(6),
  loan: fc.record({
    principalInr: rupees(40_000_000).filter((principal) => Number(principal) >= 100_000),
    annualRatePct: percent(14).filter((rate) => Number(rate) >= 6),
    tenureMonths: fc.integer({ min: 24, max: 120 }),
    moratoriumMonths: fc.integer({ min: 0, max: 12 }),
    interestSubventionPct: percent(5),
    subventionMonths: fc.integer({ min: 0, max: 60 }),
  }),
});

/** The body from the estimate (null when it leaves the answer to the exact figures) and the exact body. */
function bothBodies(request: unknown) {
  const input = economicsInputFrom(economicsRequestSchema.parse(request));
  const estimate = estimateEconomics(input);
  return {
    estimated: estimate && estimatedResponseBody(estimate, meta),
    exact: economicsResponseBody(economicsFigures(input), meta),
  };
}

/**
 * Both bodies for `numRuns` requests (fixed seed): equal whenever the estimate answers. Returns how many it
 * answered, so a test can also show it is not leaving everything to the exact figures.
 */
function compared(requests: fc.Arbitrary<unknown>, numRuns: number): { answered: number } {
  let answered = 0;
  fc.assert(
    fc.property(requests, (request) => {
      const { estimated, exact } = bothBodies(request);
      if (estimated !== null) {
        answered++;
        expect(estimated).toEqual(exact);
      }
    }),
    { seed: 20261126, numRuns },
  );
  return { answered };
}

describe('the economics answer from the estimate', () => {
  it('is the exact answer, digit for digit, whenever it is given (property, fixed seed)', () => {
    // Many of these are left to the exact figures by design (a full subsidy, an IRR past 1000 %, savings that
    // turn negative), but enough are answered for the comparison to mean something.
    expect(compared(anyRequest, 6000).answered).toBeGreaterThan(1000);
  }, 60_000);

  it('answers nearly every request an owner would make (property, fixed seed)', () => {
    expect(compared(typicalRequest, 2000).answered).toBeGreaterThan(2000 * 0.99);
  }, 60_000);

  it('is the exact answer for requests built to land on rounding ties (property, fixed seed)', () => {
    // At 100 % a year each year's saving is worth half the year before's, so NPVs end in 5s past the paisa; at
    // 6, 12, 18 or 24 % a year a month's interest is an exact 0.5 % to 2 % of the principal, so a moratorium
    // year's debt service does too. Half of these sit exactly on a tie; the estimate must leave those alone.
    const onTies = fc.record({
      capexInr: rupees(1_000).filter((capex) => Number(capex) > 0),
      annualEnergySavingsInr: rupees(1_000),
      lifetimeYears: fc.integer({ min: 1, max: 3 }),
      discountRatePct: fc.constant('100'),
      loan: fc.record({
        principalInr: rupees(1_000).filter((principal) => Number(principal) > 0),
        annualRatePct: fc.constantFrom('6', '12', '18', '24'),
        tenureMonths: fc.constant(36),
        moratoriumMonths: fc.constant(24),
        interestSubventionPct: fc.constantFrom('0', '3', '6'),
        subventionMonths: fc.constantFrom(0, 6, 12),
      }),
    });
    const { answered } = compared(onTies, 2000);
    // Both happen: ties are left to the exact figures, the rest are answered.
    expect(answered).toBeGreaterThan(200);
    expect(answered).toBeLessThan(1800);
  }, 60_000);

  it('leaves a figure that sits on a rounding tie to the exact figures, which round it half-even', () => {
    // At 100 % a year, 150.01 a year from now is worth 75.005 today: the NPV is −24.995 exactly, a tie.
    const request = {
      capexInr: '100',
      annualEnergySavingsInr: '150.01',
      lifetimeYears: 1,
      discountRatePct: '100',
    };
    const input = economicsInputFrom(economicsRequestSchema.parse(request));
    const estimate = estimateEconomics(input);
    expect(estimate).not.toBeNull();
    expect(estimatedResponseBody(estimate!, meta)).toBeNull();
    expect(economicsResponse(request, meta).body).toMatchObject({ npvInr: '-25.00', irrPct: '50.010000' });
  });

  it('answers savings that shrink below the fixed point’s 60 decimals with the true IRR, as the kernel does', () => {
    // 0.01 × 0.03⁴⁰ ≈ 10⁻⁶³, and at an IRR near −96 % discounting multiplies the last savings by about 10⁵⁴. The
    // root is −95.5915494930 % (checked at 200 digits: NPV changes sign between −95.5915495 and −95.5915494).
    const request = {
      capexInr: '0.71',
      annualEnergySavingsInr: '0.01',
      lifetimeYears: 41,
      discountRatePct: '0',
      savingsEscalationPct: '-97',
    };
    const { estimated, exact } = bothBodies(request);
    expect(exact.irrPct).toBe('-95.591549');
    expect(estimated).toEqual(exact);
  });

  it('leaves amounts below a millionth of a rupee to the exact figures, whose 60 decimals are absolute', () => {
    // Found by review: a loan of 10⁻³⁸ rupee at 99.99 % has DSCRs the kernel cannot hold to six decimals.
    const request = {
      capexInr: '1000',
      annualEnergySavingsInr: '0',
      annualOmCostInr: '0.00000000000000000000000000000000043233',
      lifetimeYears: 30,
      discountRatePct: '10',
      loan: {
        principalInr: '0.00000000000000000000000000000000000001',
        annualRatePct: '99.99',
        tenureMonths: 355,
      },
    };
    expect(estimateEconomics(economicsInputFrom(economicsRequestSchema.parse(request)))).toBeNull();
    expect(economicsResponse(request, meta).status).toBe(200);
  });

  it('leaves a saving that might be exactly zero to the exact figures', () => {
    const request = {
      capexInr: '100000',
      annualEnergySavingsInr: '60000.10',
      annualOmCostInr: '60000.10',
      lifetimeYears: 10,
      discountRatePct: '12',
    };
    expect(estimateEconomics(economicsInputFrom(economicsRequestSchema.parse(request)))).toBeNull();
    expect(economicsResponse(request, meta).body).toMatchObject({
      netAnnualSavingsInr: '0.00',
      simplePaybackYears: null,
      irrPct: null,
    });
  });
});
