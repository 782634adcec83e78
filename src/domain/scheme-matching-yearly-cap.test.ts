import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { financingPackages, matchSchemes } from './scheme-matching.js';
import type { Scheme } from './scheme-types.js';
import { testScheme, testTerm } from '../../test/builders/scheme-terms.js';

const term = testTerm;

// Punjab IBDP 2022's interest subsidy: 5 % a year for 5 years, at most ₹5 lakh a year.
const punjabLike = (withCap: boolean): Scheme =>
  testScheme(
    ['interest-subvention'],
    [
      term('interest-subsidy', 'rate', 'loan', 'percent-per-year', '5'),
      term('interest-subsidy-period', 'duration', undefined, 'years', '5'),
      ...(withCap
        ? [term('interest-subsidy-annual-cap', 'cap', 'annual-interest', 'inr-per-year', '500000')]
        : []),
    ],
    { id: 'punjab-like', name: 'Punjab-like interest subsidy', administrator: 'Punjab' },
  );

const project = {
  capexInr: new Decimal('20000000'),
  loanInr: new Decimal('15000000'),
  annualRatePct: new Decimal('10'),
  tenureMonths: 60,
  moratoriumMonths: 6,
};

const withScheme = (scheme: Scheme) => {
  const matches = matchSchemes([scheme], {}, project, '2026-01-01');
  const found = financingPackages(matches, project, new Decimal('6000000')).find(
    (p) => p.schemeIds.length === 1,
  );
  if (found === undefined) throw new Error('no package with the scheme');
  return found;
};

describe('financingPackages, a subvention capped by the year', () => {
  // ₹1.5 crore at 10 % over 60 months with 6 interest-only: interest ₹44,38,649.98. Worked month by month in
  // Python's decimal (40 digits): the subsidy is ₹22,19,324.99 uncapped, ₹18,66,731.898… with years 1 and 2 capped
  // at ₹5 lakh, leaving ₹25,71,918.0847… of interest → ₹25,71,918.08; net cost ₹2 crore + that = ₹2,25,71,918.08.
  it('charges the interest left after the capped subsidy of each loan year', () => {
    const capped = withScheme(punjabLike(true));
    expect(capped.totalInterestAfterSubventionInr.toFixed(2)).toBe('2571918.08');
    expect(capped.netCostInr.toFixed(2)).toBe('22571918.08');
  });

  it('without the cap, the whole subsidy comes off (₹44,38,649.98 − ₹22,19,324.99)', () => {
    const uncapped = withScheme(punjabLike(false));
    expect(uncapped.totalInterestAfterSubventionInr.toFixed(2)).toBe('2219324.99');
  });
});
