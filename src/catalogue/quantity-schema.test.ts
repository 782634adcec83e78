import { describe, expect, it } from 'vitest';
import { quantitySchema } from './quantity-schema.js';

function issuesOf(input: unknown): string[] {
  const result = quantitySchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('quantitySchema', () => {
  it('reads a quoted point value as low = default = high', () => {
    const quantity = quantitySchema.parse('0.727');
    expect([quantity.low?.toString(), quantity.default?.toString(), quantity.high?.toString()]).toEqual([
      '0.727',
      '0.727',
      '0.727',
    ]);
  });

  it('keeps a range without a default as having no point value', () => {
    const quantity = quantitySchema.parse({ low: '45', high: '60' });
    expect(quantity.default).toBeNull();
    expect([quantity.low?.toString(), quantity.high?.toString()]).toEqual(['45', '60']);
  });

  it('keeps a default inside its range', () => {
    expect(quantitySchema.parse({ default: '150', low: '125', high: '200' }).default?.toString()).toBe('150');
  });

  it.each([
    [0.727, /write the number in quotes \("0.727"\)/],
    ['12,5', /a decimal number in quotes/],
    [{ low: '60', high: '45' }, /low 60 is above high 45/],
    [{ default: '250', low: '125', high: '200' }, /default 250 lies outside low–high/],
    [{ low: '1', high: '2', typical: '1.5' }, /typical/],
    [{ low: '1' }, /.+/],
  ])('refuses %j', (input, message) => {
    const issues = issuesOf(input);
    expect(
      issues.some((issue) => message.test(issue)),
      issues.join('; '),
    ).toBe(true);
  });
});
