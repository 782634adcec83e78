import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { benefitSummary, valueScheme, type GuaranteeOf } from './scheme-benefits.js';
import type { SchemeKind, SchemeTerm } from './scheme-types.js';
import { testScheme, testTerm } from '../../test/builders/scheme-terms.js';

const text = (en: string) => ({ en, hi: en });
const term = testTerm;
const scheme = (kinds: SchemeKind[], terms: SchemeTerm[], id = 'test-scheme') =>
  testScheme(kinds, terms, { id, name: 'Test scheme', administrator: 'BEE', category: 'energy-efficiency' });

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

// Guarantee fees and their reimbursement, at a 0 % rate so that the outstanding falls by hand-checkable steps: with
// no moratorium, a loan of P over 12n months is outstanding at P·(n − y + 1)/n at the start of loan year y.
const atZero = (loanInr: string, tenureMonths: number, moratoriumMonths = 0) => ({
  capexInr: new Decimal(loanInr).times(2),
  loanInr: new Decimal(loanInr),
  annualRatePct: new Decimal('0'),
  tenureMonths,
  moratoriumMonths,
});
const cover = (pct: string) => term('guarantee-cover', 'rate', 'loan', 'percent', pct);
const fee = (pct: string | null, years?: { from: number; to: number | null }) => ({
  ...term(
    `annual-guarantee-fee${years ? `-from-${years.from}` : ''}`,
    'rate',
    'guaranteed-amount',
    'percent-per-year',
    pct,
  ),
  ...(years ? { years } : {}),
});
const money = (values: readonly Decimal[] | undefined) => values?.map((value) => value.toFixed(2));

describe('valueScheme, guarantee fee year by year on the outstanding', () => {
  it("charges year 1's fee on the cover of the loan and each later year's on the cover of what is outstanding", () => {
    // ₹12 lakh over 36 months: outstanding ₹12, 8 and 4 lakh at the start of years 1–3; 75 % cover, 1 % a year.
    const benefit = valueScheme(
      scheme(['guarantee'], [cover('75'), fee('1')]),
      {},
      atZero('1200000', 36),
      '2026-01-01',
    );
    expect(benefit.amountInr?.toFixed(2)).toBe('900000.00');
    expect(money(benefit.feesByYearInr)).toEqual(['9000.00', '6000.00', '3000.00']);
    expect(benefit.feesInr.toFixed(2)).toBe('18000.00');
  });

  it('charges the full cover again in a year the moratorium leaves the loan unpaid', () => {
    // 12 interest-only months, then 36 instalments: ₹12, 12, 8 and 4 lakh outstanding.
    const benefit = valueScheme(
      scheme(['guarantee'], [cover('75'), fee('1')]),
      {},
      atZero('1200000', 48, 12),
      '2026-01-01',
    );
    expect(money(benefit.feesByYearInr)).toEqual(['9000.00', '9000.00', '6000.00', '3000.00']);
    expect(benefit.feesInr.toFixed(2)).toBe('27000.00');
  });

  it('takes the concession off every year', () => {
    const concession = term('fee-concession', 'rate', 'annual-guarantee-fee', 'percent', '10');
    const benefit = valueScheme(
      scheme(['guarantee'], [cover('75'), fee('1'), concession]),
      {},
      atZero('1200000', 36),
      '2026-01-01',
    );
    expect(money(benefit.feesByYearInr)).toEqual(['8100.00', '5400.00', '2700.00']);
    expect(benefit.feesInr.toFixed(2)).toBe('16200.00');
  });

  it('charges each rate in the loan years it names and nothing in a year none names (MCGS: nil in the sanction year)', () => {
    // ₹12 lakh over 60 months: ₹12, 9.6, 7.2, 4.8, 2.4 lakh outstanding; 60 % cover; 1.5 % in years 2–4, 1 % after.
    const benefit = valueScheme(
      scheme(['guarantee'], [cover('60'), fee('1.5', { from: 2, to: 4 }), fee('1', { from: 5, to: null })]),
      {},
      atZero('1200000', 60),
      '2026-01-01',
    );
    expect(money(benefit.feesByYearInr)).toEqual(['0.00', '8640.00', '6480.00', '4320.00', '1440.00']);
    expect(benefit.feesInr.toFixed(2)).toBe('20880.00');
  });

  it('leaves the yearly fees unknown when a fee is unconfirmed', () => {
    const benefit = valueScheme(
      scheme(['guarantee'], [cover('75'), fee(null)]),
      {},
      atZero('1200000', 36),
      '2026-01-01',
    );
    expect(benefit.feesByYearInr).toBeUndefined();
    expect(benefit.toConfirm).toBe(true);
  });
});

describe('valueScheme, guarantee fee reimbursement', () => {
  const guaranteeScheme = scheme(['guarantee'], [cover('75'), fee('2')], 'test-guarantee');
  const reimbursement = (value: string | null, cap: string | null = '200000') =>
    scheme(
      ['fee-reimbursement'],
      [
        {
          ...term('guarantee-fee-reimbursement', 'rate', 'annual-guarantee-fee', 'percent', value),
          ofScheme: 'test-guarantee',
          years: { from: 1, to: 5 },
        },
        {
          ...term('guarantee-fee-reimbursement-cap', 'cap', 'annual-guarantee-fee', 'inr-per-year', cap),
          ofScheme: 'test-guarantee',
        },
      ],
      'test-policy',
    );
  // ₹2.1 crore over 84 months: ₹2.1, 1.8, 1.5, 1.2, 0.9, 0.6, 0.3 crore outstanding; 2 % of 75 % is 1.5 % of it.
  const project = atZero('21000000', 84);
  const guaranteeOf: GuaranteeOf = (schemeId) => {
    if (schemeId !== 'test-guarantee') return undefined;
    const benefit = valueScheme(guaranteeScheme, {}, project, '2026-01-01');
    return { scheme: guaranteeScheme, guarantee: benefit };
  };

  it("pays back each year's fee up to the yearly cap, in the years it runs", () => {
    expect(money(guaranteeOf('test-guarantee')?.guarantee?.feesByYearInr)).toEqual([
      '315000.00',
      '270000.00',
      '225000.00',
      '180000.00',
      '135000.00',
      '90000.00',
      '45000.00',
    ]);
    const benefit = valueScheme(reimbursement('100'), {}, project, '2026-01-01', guaranteeOf);
    expect(benefit.kind).toBe('fee-reimbursement');
    expect(money(benefit.reimbursement?.byYearInr)).toEqual([
      '200000.00',
      '200000.00',
      '200000.00',
      '180000.00',
      '135000.00',
      '0.00',
      '0.00',
    ]);
    expect(benefit.amountInr?.toFixed(2)).toBe('915000.00');
    expect(benefit.toConfirm).toBe(false);
    expect(benefitSummary(benefit, text('Punjab')).en).toBe(
      'The guarantee fee of Test scheme paid back for 5 years of the loan: ₹9.15 lakh.',
    );
  });

  it('says a limit is to be confirmed when the yearly cap is unconfirmed, and pays back the fees uncapped', () => {
    const benefit = valueScheme(reimbursement('100', null), {}, project, '2026-01-01', guaranteeOf);
    expect(benefit.amountInr?.toFixed(2)).toBe('1125000.00');
    expect(benefit.toConfirm).toBe(true);
  });

  it('is to be confirmed, never a number, when the fee it pays back is not known', () => {
    const unknownFee: GuaranteeOf = () => ({
      scheme: guaranteeScheme,
      guarantee: valueScheme(scheme(['guarantee'], [cover('75'), fee(null)]), {}, project, '2026-01-01'),
    });
    for (const lookup of [undefined, () => undefined, unknownFee]) {
      const benefit = valueScheme(reimbursement('100'), {}, project, '2026-01-01', lookup);
      expect(benefit.kind).toBe('fee-reimbursement');
      expect(benefit.amountInr).toBeNull();
      expect(benefit.toConfirm).toBe(true);
      expect(benefitSummary(benefit, text('Punjab')).en).toBe('Value to be confirmed with Punjab.');
    }
  });

  it('is to be confirmed when its own rate is unconfirmed', () => {
    const benefit = valueScheme(reimbursement(null), {}, project, '2026-01-01', guaranteeOf);
    expect(benefit.amountInr).toBeNull();
    expect(benefit.toConfirm).toBe(true);
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
