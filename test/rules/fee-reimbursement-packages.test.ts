// Financing packages with the real catalogue where a state policy pays back a guarantee's fee: Punjab IBDP 2022's
// CGTMSE fee reimbursement (schemes.md § punjab-ibdp-2022), with the figures of the cases in
// test/rules/cases/schemes/punjab-ibdp-2022.yaml and cgtmse.yaml. The ₹2 lakh yearly cap cannot bind with the
// catalogue's CGTMSE figures; src/domain/scheme-matching.test.ts shows it binding.
import path from 'node:path';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load-catalogue.js';
import type { EnterpriseFacts } from '../../src/domain/enterprise-facts.js';
import { batalaFoundryFacts } from '../builders/batala-facts.js';
import type { ProjectTerms } from '../../src/domain/scheme-benefits.js';
import { financingPackages, matchSchemes, type FinancingPackage } from '../../src/domain/scheme-matching.js';

const money = (value: Decimal) => value.toFixed(2);
const withIds = (packages: FinancingPackage[], ...ids: string[]) =>
  packages.find((p) => [...p.schemeIds].sort().join('+') === [...ids].sort().join('+'));

describe('financingPackages, Punjab IBDP 2022 paying back the CGTMSE fee', () => {
  const catalogue = loadCatalogue(path.resolve(import.meta.dirname, '../../data'));
  const batala = (extra: Partial<EnterpriseFacts>): EnterpriseFacts =>
    batalaFoundryFacts({ projectType: 'expansion', ...extra });
  const terms = (tenureMonths: number, moratoriumMonths: number): ProjectTerms => ({
    capexInr: new Decimal('2000000'),
    loanInr: new Decimal('1500000'),
    annualRatePct: new Decimal('10'),
    tenureMonths,
    moratoriumMonths,
  });
  const packagesFor = (facts: EnterpriseFacts, project: ProjectTerms) =>
    financingPackages(matchSchemes(catalogue.schemes, facts, project, '2026-11-22'), project, null);

  it('pays back the first 5 years of the CGTMSE fee of a 7-year loan (the cases in punjab-ibdp-2022.yaml)', () => {
    // CGTMSE fees ₹29,630.06 (75 % cover, 0.55 %), years 1–5 paid back: ₹25,842.12; years 6–7 left: ₹3,787.94.
    const packages = packagesFor(batala({}), terms(84, 12));
    const both = withIds(packages, 'cgtmse', 'punjab-ibdp-2022');
    expect(money(both!.feeReimbursementInr)).toBe('25842.12');
    expect(money(both!.guaranteeFeesInr)).toBe('3787.94');
    // The policy, whose only valued support here is the reimbursement, never stands without CGTMSE.
    expect(
      packages.every((p) => p.schemeIds.includes('punjab-ibdp-2022') === p.schemeIds.includes('cgtmse')),
    ).toBe(true);
  });

  it("claims a women-owned unit's fee reimbursement with its interest subsidy", () => {
    // CGTMSE fees ₹21,377.35 (85 % cover, 0.55 % less 10 %), all within 5 years and under ₹2 lakh a year.
    const packages = packagesFor(batala({ ownership: ['women'] }), terms(60, 6));
    const both = withIds(packages, 'cgtmse', 'punjab-ibdp-2022');
    expect(money(both!.guaranteeFeesInr)).toBe('0.00');
    expect(money(both!.feeReimbursementInr)).toBe('21377.35');
    const alone = withIds(packages, 'cgtmse');
    expect(money(alone!.guaranteeFeesInr)).toBe('21377.35');
    expect(money(alone!.feeReimbursementInr)).toBe('0.00');
    expect(both!.netCostInr.lessThan(alone!.netCostInr)).toBe(true);
  });
});
