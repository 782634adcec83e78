import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_ONE, fixedFrom, fixedToDecimal, fixedToNumber, over, times } from './fixed-point.js';

const d = (value: Decimal.Value) => new Decimal(value);

describe('fixed point', () => {
  it.each(['0', '1', '-1', '4500000', '-0.99', '0.105', '1e-30', '-1.0000000000000000000000001', '1.1e400'])(
    'holds %s exactly',
    (value) => {
      expect(fixedToDecimal(fixedFrom(d(value))).equals(value)).toBe(true);
    },
  );

  it.each([
    [0.345, '0.345'],
    [-1.5e-7, '-0.00000015'],
    [1.5e21, '1500000000000000000000'],
    [0.1, '0.1'],
  ])('reads the double %s as its shortest decimal', (value, decimal) => {
    expect(fixedFrom(value)).toBe(fixedFrom(d(decimal)));
  });

  it('cuts off toward zero past the 60th decimal', () => {
    expect(fixedFrom(d('1e-61'))).toBe(0n);
    expect(fixedFrom(d('-2.5e-60'))).toBe(-2n);
  });

  it('gives results to 40 significant digits, half-even, like decimal.js', () => {
    expect(fixedToDecimal(over(FIXED_ONE, fixedFrom(d(3)))).toString()).toBe(d(1).dividedBy(3).toString());
    expect(fixedToDecimal(over(FIXED_ONE * 2n, fixedFrom(d(3)))).toString()).toBe(
      d(2).dividedBy(3).toString(),
    );
  });

  it('multiplies and divides to within 10⁻⁶⁰', () => {
    const x = over(FIXED_ONE, fixedFrom(d('1.12')));
    const exact = d(1).dividedBy('1.12');
    expect(fixedToDecimal(x).minus(exact).abs().lessThan('1e-39')).toBe(true);
    expect(times(x, fixedFrom(d('1.12')))).toBe(FIXED_ONE - 1n);
    expect(fixedToNumber(fixedFrom(d('0.345')))).toBeCloseTo(0.345, 15);
  });
});

describe('fixedToDecimal', () => {
  it('rounds as decimal.js rounds to 40 significant digits, ties included (property, fixed seed)', () => {
    const digitStrings = fc.stringMatching(/^[1-9][0-9]{0,79}$/);
    fc.assert(
      fc.property(
        fc.boolean(),
        digitStrings,
        fc.constantFrom('', '5', '50', '500000000000000000000'),
        (negative, digits, tail) => {
          const value = BigInt(`${negative ? '-' : ''}${digits}${tail}`);
          expect(fixedToDecimal(value).toString()).toBe(
            new Decimal(`${value}e-60`).toSignificantDigits(40, Decimal.ROUND_HALF_EVEN).toString(),
          );
        },
      ),
      { seed: 20261126, numRuns: 2000 },
    );
  });

  it.each(['9'.repeat(41), `-${'9'.repeat(45)}`, `${'9'.repeat(39)}85`, `-1${'9'.repeat(39)}5`, '25'])(
    'carries a rounding up through nines: %s',
    (digits) => {
      expect(fixedToDecimal(BigInt(digits)).toString()).toBe(
        new Decimal(`${digits}e-60`).toSignificantDigits(40, Decimal.ROUND_HALF_EVEN).toString(),
      );
    },
  );
});
