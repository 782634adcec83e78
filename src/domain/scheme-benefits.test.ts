import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { DatedSeries } from './dated.js';
import { benefitSummary, valueScheme } from './scheme-benefits.js';
import type { Scheme, SchemeKind, SchemeTerm } from './scheme-types.js';

const ref = 'https://example.gov.in/scheme';
const text = (en: string) => ({ en, hi: en });

function term(
  id: string,
  kind: SchemeTerm['kind'],
  basis: SchemeTerm['basis'],
  unit: string,
  value: string | null,
): SchemeTerm {
  const series: DatedSeries<Decimal> = {
    unit,
    values: [
      {
        from: '2025-04-01',
        value: value === null ? null : new Decimal(value),
        reference: ref,
        confidence: value === null ? 'unconfirmed' : 'official',
      },
    ],
  };
  return { id, kind, basis, label: text(id), shape: 'value', series };
}

function scheme(kinds: SchemeKind[], terms: SchemeTerm[]): Scheme {
  return {
    id: 'test-scheme',
    name: text('Test scheme'),
    administrator: text('BEE'),
    kinds,
    level: ['unit'],
    validity: { validFrom: '2025-04-01', validUntil: null, reference: ref, confidence: 'official' },
    eligibility: { kind: 'all', conditions: [] },
    coverage: { categories: ['energy-efficiency'] },
    terms,
    stacking: [],
    documents: [],
    toConfirm: [],
    references: [{ url: ref, title: 'Test', confidence: 'official' }],
  };
}

const project = {
  capexInr: new Decimal('2000000'),
  loanInr: new Decimal('1500000'),
  annualRatePct: new Decimal('10'),
  tenureMonths: 60,
  moratoriumMonths: 6,
};
const subvention = term('subvention', 'rate', 'loan', 'percent-per-year', '5');
const period = term('subvention-period', 'duration', undefined, 'months', '36');

describe('valueScheme, interest subvention', () => {
  it('gives the subvention without a caveat when no cap is open', () => {
    const benefit = valueScheme(
      scheme(['interest-subvention'], [subvention, period]),
      {},
      project,
      '2026-01-01',
    );
    // 5 % a year on the opening balance for 36 months, ₹15 lakh at 10 % over 60 months with 6 interest-only.
    expect(benefit.amountInr?.toFixed(2)).toBe('181628.26');
    expect(benefit.toConfirm).toBe(false);
  });

  it('says a limit is to be confirmed when a cap on the subvention exists but is unconfirmed (ADEETIE)', () => {
    const cap = term('subvention-cap-per-unit', 'cap', 'subsidy', 'inr', null);
    const benefit = valueScheme(
      scheme(['interest-subvention'], [subvention, period, cap]),
      {},
      project,
      '2026-01-01',
    );
    expect(benefit.amountInr?.toFixed(2)).toBe('181628.26');
    expect(benefit.toConfirm).toBe(true);
    expect(benefitSummary(benefit, text('BEE')).en).toContain('a limit is still to be confirmed with BEE');
  });

  it("leaves an unconfirmed cap on a capital subsidy to the subsidy, not to the same scheme's subvention", () => {
    const share = term('capital-subsidy', 'rate', 'project-cost', 'percent', '10');
    const cap = term('capital-subsidy-cap', 'cap', 'subsidy', 'inr', null);
    const benefit = valueScheme(
      scheme(['capital-subsidy', 'interest-subvention'], [share, cap, subvention, period]),
      {},
      project,
      '2026-01-01',
    );
    expect(benefit.kind).toBe('subsidy');
    expect(benefit.toConfirm).toBe(true);
    expect(benefit.extras.map((extra) => [extra.kind, extra.toConfirm])).toEqual([
      ['interest-saving', false],
    ]);
  });
});
