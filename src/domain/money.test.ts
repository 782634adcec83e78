import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fixedHalfEven,
  fromPaise,
  moneyString,
  percentString,
  percentToFraction,
  ratioString,
  roundedString,
  roundToPaise,
  toPaise,
  yearsString,
} from './money.js';

const d = (value: string | number) => new Decimal(value);

describe('output rounding', () => {
  it.each([
    ['1440000', '1440000.00'],
    ['0.125', '0.12'],
    ['0.135', '0.14'],
    ['2.5', '2.50'],
    ['-0.001', '0.00'],
    ['-0.005', '0.00'],
    ['-0.015', '-0.02'],
    ['-1234.5', '-1234.50'],
    ['1e25', '10000000000000000000000000.00'],
    ['1e-25', '0.00'],
  ])('money %s → %s (half-even, never exponent, never -0.00)', (input, expected) => {
    expect(moneyString(d(input))).toBe(expected);
  });
  it('years to 4, percent and ratios to 6 decimals', () => {
    expect(yearsString(d('3.125'))).toBe('3.1250');
    expect(yearsString(d('2.00005'))).toBe('2.0000');
    expect(percentString(d('23.3752151'))).toBe('23.375215');
    expect(ratioString(d(2).dividedBy(3))).toBe('0.666667');
    expect(ratioString(d('-0.0000001'))).toBe('0.000000');
  });
  it('whole numbers with 0 places', () => {
    expect(roundedString(d('2.5'), 0)).toBe('2');
    expect(roundedString(d('3.5'), 0)).toBe('4');
  });
  it('fixedHalfEven writes what toFixed writes, half-even, with the point moved if asked (property, fixed seed)', () => {
    const anyDecimal = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^[0-9]{1,40}$/),
        fc.integer({ min: -45, max: 30 }),
        fc.constantFrom(0, 2, 4, 6),
        fc.constantFrom(0, -5, -7),
      )
      .map(([negative, digits, exponent, places, powerOfTen]) => ({
        value: d(`${negative ? '-' : ''}${digits}e${exponent}`),
        places,
        powerOfTen,
      }));
    fc.assert(
      fc.property(anyDecimal, ({ value, places, powerOfTen }) => {
        expect(fixedHalfEven(value, places, powerOfTen)).toBe(
          value.times(d(10).pow(powerOfTen)).toFixed(places, Decimal.ROUND_HALF_EVEN),
        );
      }),
      { seed: 20261126, numRuns: 5000 },
    );
    for (const tie of ['0.005', '0.015', '-0.025', '999.995', '0.5', '1.5', '2.5', '-0', '0']) {
      expect(fixedHalfEven(d(tie), 2)).toBe(d(tie).toFixed(2, Decimal.ROUND_HALF_EVEN));
      expect(fixedHalfEven(d(tie), 0)).toBe(d(tie).toFixed(0, Decimal.ROUND_HALF_EVEN));
    }
  });
  it('refuses NaN and Infinity', () => {
    expect(() => moneyString(d(NaN))).toThrow(RangeError);
    expect(() => moneyString(d(Infinity))).toThrow(RangeError);
  });
  it('uses 40 significant digits for arithmetic', () => {
    expect(d(1).dividedBy(3).toString()).toBe(`0.${'3'.repeat(40)}`);
  });
});

describe('paise', () => {
  it('stores rupees as integer paise and reads them back', () => {
    expect(toPaise(d('1250.50'))).toBe(125050);
    expect(toPaise(d('-3'))).toBe(-300);
    expect(fromPaise(125050).toString()).toBe('1250.5');
    expect(fromPaise(125050n).toString()).toBe('1250.5');
  });
  it('refuses fractions of a paisa instead of rounding silently', () => {
    expect(() => toPaise(d('0.005'))).toThrow(RangeError);
    expect(() => fromPaise(1.5)).toThrow(RangeError);
    expect(() => fromPaise(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });
  it('rounds to paise half-even when asked', () => {
    expect(roundToPaise(d('0.125')).toString()).toBe('0.12');
    expect(roundToPaise(d('0.135')).toString()).toBe('0.14');
  });
  it('round-trips every whole-paise amount up to ₹10,000 crore (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (paise) => {
        expect(toPaise(fromPaise(paise))).toBe(paise);
      }),
      { seed: 20261125, numRuns: 500 },
    );
  });
});

it('percentToFraction divides by 100', () => {
  expect(percentToFraction(d('10.5')).toString()).toBe('0.105');
});
