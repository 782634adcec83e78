import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundedString } from '../money.js';
import { netPresentValue } from './cash-flows.js';
import { internalRateOfReturn, type IrrOutcome } from './irr.js';

const d = (value: string | number) => new Decimal(value);
const ds = (...values: (string | number)[]) => values.map(d);
const rateOf = (outcome: IrrOutcome): Decimal => {
  if (outcome.kind !== 'unique') throw new Error(`expected a unique IRR, got ${outcome.kind}`);
  return outcome.rate;
};

describe('internalRateOfReturn', () => {
  it('−100, 50, 50, 50 → 23.38 %', () => {
    expect(roundedString(rateOf(internalRateOfReturn(ds(-100, 50, 50, 50))).times(100), 2)).toBe('23.38');
  });
  it('−100, 110 → exactly 10 % (to the bisection tolerance)', () => {
    expect(
      rateOf(internalRateOfReturn(ds(-100, 110)))
        .minus('0.1')
        .abs()
        .lessThan('1e-30'),
    ).toBe(true);
  });
  it('keeps the digits of flows far below the fixed point’s 60 decimals, which discounting near −99 % magnifies', () => {
    // 0.01 shrinking 97 % a year for 41 years (the last ≈ 10⁻⁶³): the root, checked at 200 digits, is
    // −95.5915494930 %; cut off at 60 decimals the flows gave −95.591550.
    const flows = [d('-0.71'), ...Array.from({ length: 41 }, (_, t) => d('0.01').times(d('0.03').pow(t)))];
    expect(roundedString(rateOf(internalRateOfReturn(flows)).times(100), 10)).toBe('-95.5915494930');
    // Scaling every flow by one number leaves the IRR alone, however tiny they all are.
    const tiny = internalRateOfReturn(ds('-1e-50', '1.1e-50'));
    expect(roundedString(rateOf(tiny), 12)).toBe('0.100000000000');
  });
  it('−100, 121 over two years → 10 %: −100 + 0 + 121/1.21 = 0', () => {
    expect(roundedString(rateOf(internalRateOfReturn(ds(-100, 0, 121))), 12)).toBe('0.100000000000');
  });
  it('polishes past what a double can hold: −1, 1 + 1e−25 has IRR 1e−25 (a double sees −1, 1)', () => {
    expect(
      rateOf(internalRateOfReturn(ds(-1, '1.0000000000000000000000001')))
        .minus('1e-25')
        .abs()
        .lessThan('1e-30'),
    ).toBe(true);
  });
  it('falls back to bracketing when the flows do not fit a double: −1e400, 1.1e400 → 10 %', () => {
    expect(
      rateOf(internalRateOfReturn(ds('-1e400', '1.1e400')))
        .minus('0.1')
        .abs()
        .lessThan('1e-30'),
    ).toBe(true);
  });
  it('finds a negative IRR: −100, 50, 40 → about −6.6 %', () => {
    const rate = rateOf(internalRateOfReturn(ds(-100, 50, 40)));
    expect(rate.isNegative()).toBe(true);
    expect(
      netPresentValue(rate, ds(-100, 50, 40))
        .abs()
        .lessThan('1e-25'),
    ).toBe(true);
  });
  it('is none when the flows never change sign', () => {
    expect(internalRateOfReturn(ds(-100, -5, -5)).kind).toBe('none');
    expect(internalRateOfReturn(ds(0, 0)).kind).toBe('none');
    expect(internalRateOfReturn(ds(100, 5)).kind).toBe('none');
  });
  it('is none when the only root is beyond 1000 %: −1, 12 has IRR 1100 %', () => {
    expect(internalRateOfReturn(ds(-1, 12)).kind).toBe('none');
  });
  it('is none when the only root is below −99 %: −1000, 1 has IRR −99.9 %', () => {
    expect(internalRateOfReturn(ds(-1000, 1)).kind).toBe('none');
  });
  it('reports two roots as ambiguous, never one of them: −100, 230, −132 has IRRs 10 % and 20 %', () => {
    const outcome = internalRateOfReturn(ds(-100, 230, -132));
    expect(outcome.kind).toBe('ambiguous');
    if (outcome.kind !== 'ambiguous') return;
    expect(outcome.ratesFound.map((r) => roundedString(r, 10))).toEqual(['0.1000000000', '0.2000000000']);
  });
  it('is ambiguous with nothing found when two sign changes give no root: −100, 100, −100', () => {
    expect(internalRateOfReturn(ds(-100, 100, -100))).toEqual({ kind: 'ambiguous', ratesFound: [] });
  });
  it('with two sign changes but one root in range (other beyond 1000 %) it is unique', () => {
    // NPV = −1 + 21.5x − 30x² with x = 1/(1+r) has roots x = 2/3 and 1/20, i.e. r = 50 % and 1900 %.
    const flows = ds(-1, '21.5', -30);
    const outcome = internalRateOfReturn(flows);
    expect(roundedString(rateOf(outcome), 10)).toBe('0.5000000000');
  });

  it('finds the root where NPV is lopsided across the range: 48 years of savings shrinking 3.68 % a year', () => {
    // NPV is about 10¹⁰¹ at −99 % and −7·10⁶ at 1000 %, and the floating-point estimate is far off: the bracketing
    // search has to bisect to get there within its steps.
    const flows = [d('-6915425.06')];
    let gross = d('687077.31');
    for (let t = 1; t <= 48; t++) {
      flows.push(gross.minus('3668.58'));
      gross = gross.times('0.9632');
    }
    const rate = rateOf(internalRateOfReturn(flows));
    expect(roundedString(rate.times(100), 6)).toBe('6.078574');
    expect(netPresentValue(rate, flows).abs().lessThan('1e-20')).toBe(true);
  });

  it('NPV at the IRR is zero for level projects (property, fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.integer({ min: -10_000_000, max: 500_000_000 }),
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.integer({ min: -500, max: 2000 }),
        fc.integer({ min: 1, max: 50 }),
        (capex, saving, om, escalationBp, years) => {
          const growth = new Decimal(escalationBp).dividedBy(10_000).plus(1);
          const flows = [new Decimal(-capex)];
          for (let t = 1; t <= years; t++)
            flows.push(
              growth
                .pow(t - 1)
                .times(saving)
                .minus(om),
            );
          const outcome = internalRateOfReturn(flows);
          if (outcome.kind === 'unique') {
            const scale = flows.reduce((total, f) => total.plus(f.abs()), new Decimal(0));
            expect(netPresentValue(outcome.rate, flows).abs().lessThanOrEqualTo(scale.times('1e-20'))).toBe(
              true,
            );
            expect(outcome.rate.greaterThan('-0.99') && outcome.rate.lessThan(10)).toBe(true);
          } else if (outcome.kind === 'ambiguous') {
            for (const rate of outcome.ratesFound)
              expect(netPresentValue(rate, flows).abs().lessThan('1e-10')).toBe(true);
          }
        },
      ),
      { seed: 20261125, numRuns: 200 },
    );
  });
});
