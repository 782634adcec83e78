import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moneyString, roundedString } from '../money.js';
import {
  capitalRecoveryFactor,
  discountedPaybackFrom,
  discountedPaybackYears,
  discountedSavings,
  netPresentValue,
  netSavingsByYear,
  netSavingsFixed,
  projectCashFlows,
  simplePaybackYears,
} from './cash-flows.js';
import { fixedToDecimal } from './fixed-point.js';

const d = (value: string | number) => new Decimal(value);
const ds = (...values: (string | number)[]) => values.map(d);
const strings = (values: readonly Decimal[]) => values.map((v) => v.toString());

describe('netSavingsByYear', () => {
  it('escalates the energy saving and subtracts O&M: 1000 growing 10 %, O&M 100', () => {
    expect(strings(netSavingsByYear(d(1000), d(100), d('0.1'), 3))).toEqual(['900', '1000', '1110']);
  });
  it('gives the api-v1 example first-year saving 15,00,000 − 60,000', () => {
    expect(netSavingsByYear(d(1500000), d(60000), d('0.03'), 15)[0]?.toString()).toBe('1440000');
  });
  it('may go negative when O&M exceeds the saving', () => {
    expect(strings(netSavingsByYear(d(100), d(150), d(0), 2))).toEqual(['-50', '-50']);
  });
  it('agrees with netSavingsFixed to 30 significant digits over 50 years (property, fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000_000 }),
        fc.integer({ min: 0, max: 100_000_000_000 }),
        fc.integer({ min: -9_999, max: 10_000 }),
        (savingPaise, omPaise, escalationBp) => {
          const args = [
            d(savingPaise).dividedBy(100),
            d(omPaise).dividedBy(100),
            d(escalationBp).dividedBy(10_000),
            50,
          ] as const;
          const fixed = netSavingsFixed(...args).map(fixedToDecimal);
          for (const [t, saving] of netSavingsByYear(...args).entries()) {
            const scale = Decimal.max(1, saving.abs(), args[1]);
            expect(
              saving
                .minus(fixed[t] ?? d(0))
                .abs()
                .lessThanOrEqualTo(scale.times('1e-30')),
            ).toBe(true);
          }
        },
      ),
      { seed: 20261126, numRuns: 200 },
    );
  });
});

describe('netPresentValue', () => {
  it('NPV of −100, 50, 50, 50 at 10 % is 24.34 (hand: −100 + 45.4545 + 41.3223 + 37.5657)', () => {
    expect(moneyString(netPresentValue(d('0.1'), ds(-100, 50, 50, 50)))).toBe('24.34');
  });
  it('at 0 % is the plain sum', () => {
    expect(netPresentValue(d(0), ds(-100, 50, 50, 50)).toString()).toBe('50');
  });
  it('is exact where the arithmetic is: −121 + 0 + 121 at 10 % = −121 + 121/1.21 = −21', () => {
    expect(netPresentValue(d('0.1'), ds(-121, 0, 121)).toString()).toBe('-21');
  });
  it('refuses a rate of −100 % or less instead of dividing by zero', () => {
    expect(() => netPresentValue(d(-1), ds(-1, 2))).toThrow(RangeError);
  });
});

describe('simplePaybackYears', () => {
  it.each([
    ['4500000', '1440000', '3.125'],
    ['300', '100', '3'],
    ['0', '100', '0'],
    ['0', '-5', '0'],
  ])('netCapex %s, S_1 %s → %s', (capex, s1, expected) => {
    expect(simplePaybackYears(d(capex), d(s1))?.toString()).toBe(expected);
  });
  it.each([
    ['300', '0'],
    ['300', '-10'],
  ])('never pays back: netCapex %s, S_1 %s → null', (capex, s1) => {
    expect(simplePaybackYears(d(capex), d(s1))).toBeNull();
  });
  it('is null with no years at all', () => {
    expect(simplePaybackYears(d(300), undefined)).toBeNull();
  });
});

describe('discountedPaybackYears', () => {
  it('capex 100, savings 50 × 3 at 10 %: 2 + (16/1.21)/(50/1.331) = 2.352 exactly', () => {
    expect(discountedPaybackYears(d(100), ds(50, 50, 50), d('0.1'))?.toString()).toBe('2.352');
  });
  it('at 0 % equals simple payback for level savings', () => {
    expect(discountedPaybackYears(d(300), ds(100, 100, 100, 100), d(0))?.toString()).toBe('3');
  });
  it('pays back exactly at a year end: C_t = 0 counts as paid back', () => {
    expect(discountedPaybackYears(d(200), ds(100, 100, 100), d(0))?.toString()).toBe('2');
  });
  it('pays back at the end of the last year when the project earns exactly the discount rate: 1,000 → 1,070 at 7 %', () => {
    // C_1 = −1000 + 1070/1.07 is exactly 0, though 1/1.07 is no finite decimal: decided without discounting.
    expect(discountedPaybackYears(d(1000), ds(1070), d('0.07'))?.toString()).toBe('1');
    expect(discountedPaybackYears(d(100), ds(10, 110), d('0.1'))?.toString()).toBe('2');
  });
  it('is null when not paid back within the lifetime', () => {
    expect(discountedPaybackYears(d(300), ds(50, 50), d(0))).toBeNull();
    expect(discountedPaybackYears(d(100), ds(-5, -5, -5), d('0.1'))).toBeNull();
  });
  it('is the same from discounted savings worked out beforehand', () => {
    expect(discountedPaybackFrom(d(100), discountedSavings(d('0.1'), ds(50, 50, 50)))?.toString()).toBe(
      '2.352',
    );
    expect(discountedPaybackFrom(d(300), ds(50, 50))).toBeNull();
    expect(discountedPaybackFrom(d(0), [])?.toString()).toBe('0');
  });
  it('is 0 when there is nothing to pay back', () => {
    expect(discountedPaybackYears(d(0), ds(-5), d('0.1'))?.toString()).toBe('0');
  });
  it('recovers after early negative years: capex 100, savings −10, 60, 60 at 0 % → 2 + 50/60', () => {
    expect(roundedString(discountedPaybackYears(d(100), ds(-10, 60, 60), d(0)) ?? d(-1), 10)).toBe(
      '2.8333333333',
    );
  });

  it('agrees with the cumulative discounted cash flow (property, fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: -200_000, max: 3_000_000 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 3000 }),
        (capex, savings, rateBasisPoints) => {
          const rate = d(rateBasisPoints).dividedBy(10_000);
          const flows = savings.map(d);
          const payback = discountedPaybackYears(d(capex), flows, rate);
          const cumulative: Decimal[] = [];
          let running = d(-capex);
          for (const present of discountedSavings(rate, flows))
            cumulative.push((running = running.plus(present)));
          const firstPaid = cumulative.findIndex((c) => c.greaterThanOrEqualTo(0));
          if (capex === 0) expect(payback?.toString()).toBe('0');
          else if (firstPaid === -1) expect(payback).toBeNull();
          else {
            // Paid back during year firstPaid + 1: within (firstPaid, firstPaid + 1].
            expect(payback?.greaterThan(firstPaid)).toBe(true);
            expect(payback?.lessThanOrEqualTo(firstPaid + 1)).toBe(true);
          }
        },
      ),
      { seed: 20261125, numRuns: 300 },
    );
  });
});

describe('projectCashFlows', () => {
  it('puts the outlay at year 0', () => {
    expect(strings(projectCashFlows(d(100), ds(50, 60)))).toEqual(['-100', '50', '60']);
  });
});

describe('capitalRecoveryFactor', () => {
  it('is 1/N at 0 %', () => {
    expect(capitalRecoveryFactor(d(0), 4).toString()).toBe('0.25');
  });
  it('10 % over 2 years: 0.1 × 1.21 / 0.21 = 0.576190…', () => {
    expect(roundedString(capitalRecoveryFactor(d('0.1'), 2), 6)).toBe('0.576190');
  });
  it('pays back exactly: the PV of N payments of CRF at r is 1', () => {
    const crf = capitalRecoveryFactor(d('0.12'), 15);
    const pv = netPresentValue(d('0.12'), [d(0), ...Array.from({ length: 15 }, () => crf)]);
    expect(pv.minus(1).abs().lessThan('1e-35')).toBe(true);
  });
});
