import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIndianNumber, formatInr, formatLakhCrore, parseIndianAmount } from './indian-number.js';

const d = (value: string | number) => new Decimal(value);
const read = (text: string) => {
  const result = parseIndianAmount(text);
  return Decimal.isDecimal(result) ? result.toString() : result;
};

describe('parseIndianAmount', () => {
  it.each([
    ['12,50,000', '1250000'],
    ['1250000', '1250000'],
    ['12.5 lakh', '1250000'],
    ['12.5 lakhs', '1250000'],
    ['12.5 L', '1250000'],
    ['12.5lakh', '1250000'],
    ['12.5 LAKH', '1250000'],
    ['3 lac', '300000'],
    ['1.2 crore', '12000000'],
    ['1.2 cr', '12000000'],
    ['2 crores', '20000000'],
    ['₹ 4,00,000', '400000'],
    ['₹4,00,000.50', '400000.5'],
    ['Rs. 4,00,000', '400000'],
    ['Rs 4,00,000/-', '400000'],
    ['rs.400', '400'],
    ['INR 400000', '400000'],
    ['  7  ', '7'],
    ['1,234,567', '1234567'],
    ['12,34,56,789', '123456789'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['-5', '-5'],
    ['-₹5', '-5'],
    ['₹ −5', '-5'],
    ['-0', '0'],
    ['25 thousand', '25000'],
    ['12.5 लाख', '1250000'],
    ['1.2 करोड़', '12000000'],
    ['1.2 करो\u095C', '12000000'], // ड़ as the single code point
    ['1.2 करोड', '12000000'], // without the nukta
    ['1.2 क़रोड़', '12000000'], // क़ typed for क
    ['१२ लाख', '1200000'], // Devanagari digits
    ['25 हज़ार', '25000'],
  ])('reads %j as %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not-a-number'],
    ['₹', 'not-a-number'],
    ['--5', 'not-a-number'],
    ['1e5', 'not-a-number'],
    ['12 50 000', 'not-a-number'],
    ['12 lakh 50 thousand', 'not-a-number'],
    ['1.2.3', 'too-many-decimal-points'],
    ['1..2', 'too-many-decimal-points'],
    ['12,5', 'misplaced-comma'], // a European decimal comma, never 125
    ['12,5 lakh', 'misplaced-comma'],
    ['1,2,3', 'misplaced-comma'],
    [',500', 'misplaced-comma'],
    ['500,', 'misplaced-comma'],
    ['1,,000', 'misplaced-comma'],
    ['1,000.5,0', 'misplaced-comma'],
    ['5 million', 'unknown-unit'],
    ['12 lakhz', 'unknown-unit'],
    ['1'.repeat(61), 'not-a-number'],
  ])('refuses %j: %s', (text, error) => {
    expect(read(text)).toEqual({ error });
  });

  it('reads back what formatInr writes (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (paise) => {
        const value = d(paise.toString()).dividedBy(100);
        expect(read(formatInr(value, { paise: true }))).toBe(value.toString());
        expect(read(formatIndianNumber(value, 2))).toBe(value.toString());
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });
});

describe('formatInr', () => {
  it.each([
    ['1234567', false, '₹12,34,567'],
    ['1234567.5', false, '₹12,34,568'],
    ['1234566.5', false, '₹12,34,566'], // half-even
    ['1234567.5', true, '₹12,34,567.50'],
    ['999', false, '₹999'],
    ['100000', false, '₹1,00,000'],
    ['0', true, '₹0.00'],
    ['-0.001', true, '₹0.00'],
    ['-1234567', false, '-₹12,34,567'],
    ['1e11', false, '₹1,00,00,00,00,000'], // ₹10,000 crore
  ])('%s (paise %s) → %s', (value, paise, expected) => {
    expect(formatInr(d(value), { paise })).toBe(expected);
  });

  it('groups exactly as Intl.NumberFormat("en-IN") does when fed the digits as a string (property, fixed seed)', () => {
    const intl = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (whole) => {
        // Node's Intl formats a numeric string exactly (no float); grouping must agree digit for digit.
        expect(formatIndianNumber(d(whole.toString()))).toBe(intl.format(whole.toString() as `${number}`));
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });
});

describe('formatIndianNumber', () => {
  it('rounds half-even and groups the Indian way', () => {
    expect(formatIndianNumber(d('1234567.891'), 2)).toBe('12,34,567.89');
    expect(formatIndianNumber(d('1234567.5'))).toBe('12,34,568');
    expect(formatIndianNumber(d('0.125'), 2)).toBe('0.12');
    expect(formatIndianNumber(d('-98765.4321'), 3)).toBe('-98,765.432');
    expect(formatIndianNumber(d('1e-30'), 2)).toBe('0.00');
  });
});

describe('formatLakhCrore', () => {
  it.each([
    ['1234567', 'en', '₹12.35 lakh'],
    ['1234567', 'hi', '₹12.35 लाख'],
    ['12000000', 'en', '₹1.20 crore'],
    ['12000000', 'hi', '₹1.20 करोड़'],
    ['100000', 'en', '₹1.00 lakh'],
    ['45000', 'en', '₹45,000'],
    ['99999', 'en', '₹99,999'],
    ['9999999', 'en', '₹1.00 crore'], // would be 100.00 lakh
    ['9949999', 'en', '₹99.50 lakh'],
    ['100000000000', 'en', '₹10,000.00 crore'],
    ['-1234567', 'en', '-₹12.35 lakh'],
    ['-45000', 'hi', '-₹45,000'],
  ] as const)('%s in %s → %s', (value, lang, expected) => {
    expect(formatLakhCrore(d(value), lang)).toBe(expected);
  });
});
