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

describe('valueScheme, caps that name the rate they limit', () => {
  // Haryana's Energy Conservation Scheme: 75 % of the audit up to ₹2 lakh, 20 % of the equipment up to ₹20 lakh.
  const auditShare = term('energy-audit-share', 'rate', 'audit-cost', 'percent', '75');
  const auditCap = { ...term('energy-audit-cap', 'cap', 'subsidy', 'inr', '200000'), limits: auditShare.id };
  const equipmentShare = term('equipment-share', 'rate', 'equipment-cost', 'percent', '20');
  const equipmentCap = {
    ...term('equipment-cap', 'cap', 'subsidy', 'inr', '2000000'),
    limits: equipmentShare.id,
  };
  const equipment = (capexInr: string) => ({ ...project, capexInr: new Decimal(capexInr) });
  const haryana = scheme(['capital-subsidy'], [auditShare, auditCap, equipmentShare, equipmentCap]);

  it('caps the equipment subsidy with its own cap only: ₹50 lakh of equipment gives 20 % = ₹10 lakh', () => {
    const benefit = valueScheme(haryana, {}, equipment('5000000'), '2026-01-01');
    expect(benefit.amountInr?.toFixed(2)).toBe('1000000.00');
    expect(benefit.termIds).toEqual(['equipment-share', 'equipment-cap']);
    expect(benefit.toConfirm).toBe(false);
  });

  it('still caps it at its own ₹20 lakh: ₹1.2 crore of equipment gives ₹20 lakh, not ₹24 lakh', () => {
    const benefit = valueScheme(haryana, {}, equipment('12000000'), '2026-01-01');
    expect(benefit.amountInr?.toFixed(2)).toBe('2000000.00');
  });

  it('a cap that names no rate limits whichever rate is used', () => {
    const anyCap = term('subsidy-cap', 'cap', 'subsidy', 'inr', '200000');
    const benefit = valueScheme(
      scheme(['capital-subsidy'], [equipmentShare, anyCap]),
      {},
      equipment('5000000'),
      '2026-01-01',
    );
    expect(benefit.amountInr?.toFixed(2)).toBe('200000.00');
  });

  it('an unconfirmed cap on another rate does not put the figure in doubt; one on this rate does', () => {
    const unconfirmedAuditCap = {
      ...term('energy-audit-cap', 'cap', 'subsidy', 'inr', null),
      limits: auditShare.id,
    };
    const other = valueScheme(
      scheme(['capital-subsidy'], [auditShare, unconfirmedAuditCap, equipmentShare]),
      {},
      equipment('5000000'),
      '2026-01-01',
    );
    expect(other.toConfirm).toBe(false);
    const own = valueScheme(
      scheme(['capital-subsidy'], [equipmentShare, { ...unconfirmedAuditCap, limits: equipmentShare.id }]),
      {},
      equipment('5000000'),
      '2026-01-01',
    );
    expect(own.amountInr?.toFixed(2)).toBe('1000000.00');
    expect(own.toConfirm).toBe(true);
  });
});

describe('valueScheme, a yearly cap on the interest subvention', () => {
  // Punjab IBDP 2022: 5 % a year for 60 months, at most ₹5 lakh a year. ₹1.5 crore at 10 % over 60 months with 6
  // interest-only: ₹22,19,324.99 uncapped, ₹18,66,731.90 with years 1 and 2 capped (worked in Python's decimal,
  // month by month; see test/rules/cases/schemes/punjab-ibdp-2022.yaml).
  const rate = term('interest-subsidy', 'rate', 'loan', 'percent-per-year', '5');
  const fiveYears = term('interest-subsidy-period', 'duration', undefined, 'years', '5');
  const yearlyCap = term('interest-subsidy-annual-cap', 'cap', 'annual-interest', 'inr-per-year', '500000');
  const large = { ...project, capexInr: new Decimal('20000000'), loanInr: new Decimal('15000000') };

  it('caps each loan year at ₹5 lakh and says so', () => {
    const benefit = valueScheme(
      scheme(['interest-subvention'], [rate, fiveYears, yearlyCap]),
      {},
      large,
      '2026-01-01',
    );
    expect(benefit.amountInr?.toFixed(2)).toBe('1866731.90');
    expect(benefit.subvention?.capPerYearInr?.toString()).toBe('500000');
    expect(benefit.termIds).toContain('interest-subsidy-annual-cap');
    expect(benefit.toConfirm).toBe(false);
    expect(benefitSummary(benefit, text('Punjab')).en).toContain('for 60 months, at most ₹5.00 lakh a year');
  });

  it('without the cap, the whole ₹22,19,324.99', () => {
    const benefit = valueScheme(scheme(['interest-subvention'], [rate, fiveYears]), {}, large, '2026-01-01');
    expect(benefit.amountInr?.toFixed(2)).toBe('2219324.99');
    expect(benefit.subvention?.capPerYearInr).toBeNull();
  });
});
