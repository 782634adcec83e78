import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../money.js';
import {
  certainText,
  difference,
  exactly,
  exp,
  expm1,
  fromDecimal,
  log1p,
  product,
  quotient,
  sum,
  type Bounded,
} from './bounded.js';

const d = (value: Decimal.Value) => new Decimal(value);

/** The exact value is within the bound of the double (Decimal at 40 digits is exact far past a double's ulp). */
function expectWithin(estimate: Bounded | null, exact: Decimal) {
  expect(estimate).not.toBeNull();
  const { value, error } = estimate as Bounded;
  expect(exact.minus(value).abs().lessThanOrEqualTo(error)).toBe(true);
}

const decimalText = fc
  .tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 6 }))
  .map(([digits, places]) => d(digits).dividedBy(d(10).pow(places)));

describe('bounded arithmetic: the exact result is within the bound', () => {
  it('of decimals read as doubles, and their sums, differences, products and quotients (property, fixed seed)', () => {
    fc.assert(
      fc.property(decimalText, decimalText, decimalText, (a, b, c) => {
        const [x, y, z] = [fromDecimal(a), fromDecimal(b), fromDecimal(c)];
        expectWithin(x, a);
        expectWithin(sum(product(x, y), z), a.times(b).plus(c));
        expectWithin(difference(product(x, z), product(y, y)), a.times(c).minus(b.times(b)));
        if (!b.isZero()) {
          const ratio = quotient(sum(x, z), y);
          if (ratio) expectWithin(ratio, a.plus(c).dividedBy(b));
        }
      }),
      { seed: 20261126, numRuns: 2000 },
    );
  });

  it('of a saving compounded year after year, as the estimate grows and discounts it (property, fixed seed)', () => {
    fc.assert(
      fc.property(decimalText, fc.integer({ min: -9_999, max: 9_999 }), (saving, bp) => {
        const growth = d(bp).dividedBy(10_000).plus(1);
        const factor = sum(exactly(1), fromDecimal(d(bp).dividedBy(10_000)));
        let estimate = fromDecimal(saving);
        let exact = saving;
        for (let year = 1; year <= 50; year++) {
          estimate = product(estimate, factor);
          exact = exact.times(growth);
          expectWithin(estimate, exact);
        }
      }),
      { seed: 20261126, numRuns: 500 },
    );
  });

  it('of ln(1 + a), eᵃ − 1 and eᵃ over a loan’s range of rates and months (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 360 }), (bp, months) => {
        // A monthly rate from 0.000083 % to 8.3 % (annual 0.001 % to 100 %), read from its decimal.
        const rate = d(bp).dividedBy(1_200_000_000).times(100);
        const logGrowth = log1p(fromDecimal(rate)) as Bounded;
        expectWithin(logGrowth, rate.plus(1).ln());
        const power = product(exactly(months), logGrowth);
        expectWithin(expm1(power), rate.plus(1).pow(months).minus(1));
        expectWithin(exp(power), rate.plus(1).pow(months));
      }),
      { seed: 20261126, numRuns: 1000 },
    );
  });

  it('refuses to divide by what might be 0, and to take the log of what might be ≤ −1', () => {
    expect(quotient(exactly(1), { value: 1e-20, error: 1e-20 })).toBeNull();
    expect(log1p({ value: -1 + 1e-12, error: 1e-11 })).toBeNull();
  });
});

describe('certainText: the digits the bound decides, or null', () => {
  it('writes a value far from a rounding boundary as the exact value rounds', () => {
    expect(certainText({ value: 0.1251, error: 1e-10 }, 2)).toBe('0.13');
    expect(certainText(exactly(1440000), 2)).toBe('1440000.00');
    expect(certainText({ value: 3.125, error: 1e-12 }, 4)).toBe('3.1250');
  });

  it('is null when the interval holds a tie, even one the double hits exactly', () => {
    expect(certainText(exactly(0.125), 2)).toBeNull();
    expect(certainText({ value: -0.995, error: 1e-18 }, 2)).toBeNull();
    expect(certainText({ value: 2.5049, error: 0.001 }, 2)).toBeNull();
  });

  it('never writes "-0.00", as the exact answer does not', () => {
    expect(certainText({ value: -0.001, error: 1e-9 }, 2)).toBe('0.00');
    expect(certainText({ value: -1e-9, error: 1e-8 }, 6)).toBe('0.000000');
    expect(certainText({ value: -1e-9, error: 1e-6 }, 6)).toBeNull();
  });

  it('is null past what a double writes to the paisa, and for a bound that is no bound', () => {
    expect(certainText(exactly(2e15), 2)).toBeNull();
    expect(certainText({ value: 1, error: Number.POSITIVE_INFINITY }, 2)).toBeNull();
    expect(certainText({ value: Number.NaN, error: 0 }, 2)).toBeNull();
  });
});
