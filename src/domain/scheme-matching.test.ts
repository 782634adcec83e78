import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { ProjectTerms } from './scheme-benefits.js';
import { financingPackages, matchSchemes, type FinancingPackage } from './scheme-matching.js';
import type { SchemeKind, SchemeTerm } from './scheme-types.js';
import { testScheme, testTerm } from '../../test/builders/scheme-terms.js';

const term = testTerm;
const scheme = (id: string, kinds: SchemeKind[], terms: SchemeTerm[]) => testScheme(kinds, terms, { id });

const money = (value: Decimal) => value.toFixed(2);
const withIds = (packages: FinancingPackage[], ...ids: string[]) =>
  packages.find((p) => [...p.schemeIds].sort().join('+') === [...ids].sort().join('+'));

describe('financingPackages, guarantee fees paid back', () => {
  // A guarantee covering 75 % at 2 % a year, and a policy paying back its fee in loan years 1–5, at most ₹2 lakh a
  // year. ₹2 crore at 10 % over 84 months, 12 interest-only. Worked independently (Python decimal, 40 digits,
  // month by month): outstanding at the start of years 1–7 ₹2,00,00,000.00 (twice), ₹1,74,38,507.83,
  // ₹1,46,08,793.95, ₹1,14,82,772.06, ₹80,29,414.82, ₹42,14,445.96; fees ₹3,00,000.00, ₹3,00,000.00, ₹2,61,577.62,
  // ₹2,19,131.91, ₹1,72,241.58, ₹1,20,441.22, ₹63,216.69 = ₹14,36,609.02; paid back ₹2,00,000.00 in each of years
  // 1–4 (the cap binds), ₹1,72,241.58 in year 5, nothing after: ₹9,72,241.58; left to pay ₹4,64,367.44.
  const guarantee = scheme(
    'test-guarantee',
    ['guarantee'],
    [
      term('guarantee-cover', 'rate', 'loan', 'percent', '75'),
      term('annual-guarantee-fee', 'rate', 'guaranteed-amount', 'percent-per-year', '2'),
    ],
  );
  const policy = scheme(
    'test-policy',
    ['fee-reimbursement'],
    [
      term('guarantee-fee-reimbursement', 'rate', 'annual-guarantee-fee', 'percent', '100', {
        ofScheme: 'test-guarantee',
        years: { from: 1, to: 5 },
      }),
      term('guarantee-fee-reimbursement-cap', 'cap', 'annual-guarantee-fee', 'inr-per-year', '200000', {
        ofScheme: 'test-guarantee',
      }),
    ],
  );
  const project: ProjectTerms = {
    capexInr: new Decimal('25000000'),
    loanInr: new Decimal('20000000'),
    annualRatePct: new Decimal('10'),
    tenureMonths: 84,
    moratoriumMonths: 12,
  };
  const matches = matchSchemes([guarantee, policy], {}, project, '2026-01-01');
  const packages = financingPackages(matches, project, null);

  it("values the policy on the guarantee's fee for the same loan, capped at ₹2 lakh a year", () => {
    const [guaranteeMatch, policyMatch] = matches;
    expect(money(guaranteeMatch!.benefit.feesInr)).toBe('1436609.02');
    expect(policyMatch!.benefit.kind).toBe('fee-reimbursement');
    expect(policyMatch!.benefit.reimbursement?.byYearInr.map(money)).toEqual([
      '200000.00',
      '200000.00',
      '200000.00',
      '200000.00',
      '172241.58',
      '0.00',
      '0.00',
    ]);
    expect(money(policyMatch!.benefit.amountInr!)).toBe('972241.58');
  });

  it('takes the reimbursement off the fees the package pays, and off its net cost', () => {
    const both = withIds(packages, 'test-guarantee', 'test-policy');
    expect(both).toBeDefined();
    expect(money(both!.guaranteeFeesInr)).toBe('464367.44');
    expect(money(both!.feeReimbursementInr)).toBe('972241.58');
    expect(
      money(both!.netCostInr.minus(both!.netProjectCostInr).minus(both!.totalInterestAfterSubventionInr)),
    ).toBe('464367.44');
    expect(both!.explanation.en).toContain('of them paid back');
  });

  it('brings the policy into every package with the guarantee it pays back, and into no other', () => {
    expect(packages.map((p) => [...p.schemeIds].sort().join('+')).sort()).toEqual([
      '',
      'test-guarantee+test-policy',
    ]);
    expect(money(withIds(packages)!.feeReimbursementInr)).toBe('0.00');
  });

  it('leaves the reimbursement to be confirmed when the guarantee is not among the schemes matched', () => {
    const [alone] = matchSchemes([policy], {}, project, '2026-01-01');
    expect(alone!.benefit.amountInr).toBeNull();
    expect(alone!.benefit.toConfirm).toBe(true);
  });
});
