// Shares of the energy audit's and the ZED certification's cost, and the caveats of open questions, with the real
// catalogue: how the benefit says them (English and Hindi, confidence), what a package does with them. The rupee
// figures are those of the cases in test/rules/cases/schemes/zed-certification.yaml, haryana-energy-conservation.yaml
// and sidbi-4e.yaml, where the arithmetic is written out.
import path from 'node:path';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load-catalogue.js';
import type { EnterpriseFacts } from '../../src/domain/enterprise-facts.js';
import { benefitSummary, type ProjectTerms } from '../../src/domain/scheme-benefits.js';
import { financingPackages, matchSchemes, type FinancingPackage } from '../../src/domain/scheme-matching.js';
import { batalaFoundryFacts } from '../builders/batala-facts.js';

const catalogue = loadCatalogue(path.resolve(import.meta.dirname, '../../data'));
const LATIN = /[A-Za-z]/;

const batala = batalaFoundryFacts;
const panipat = (extra: Partial<EnterpriseFacts> = {}): EnterpriseFacts =>
  batala({ state: 'HR', district: 'Panipat', sector: 'textile', clusterId: undefined, ...extra });

const project: ProjectTerms = {
  capexInr: new Decimal('2000000'),
  loanInr: new Decimal('1500000'),
  annualRatePct: new Decimal('10'),
  tenureMonths: 60,
  moratoriumMonths: 6,
};

const matchOf = (facts: EnterpriseFacts, asOf: string, id: string) => {
  const found = matchSchemes(catalogue.schemes, facts, project, asOf).find((m) => m.scheme.id === id);
  if (found === undefined) throw new Error(`no scheme ${id}`);
  return found;
};
const summaryOf = (facts: EnterpriseFacts, asOf: string, id: string) => {
  const { benefit, scheme } = matchOf(facts, asOf, id);
  return benefitSummary(benefit, scheme.administrator);
};
const packagesOf = (facts: EnterpriseFacts, asOf: string) =>
  financingPackages(matchSchemes(catalogue.schemes, facts, project, asOf), project, null);
const key = (p: FinancingPackage, without: string) =>
  p.schemeIds
    .filter((id) => id !== without)
    .sort()
    .join('+');

describe('ZED certification subsidy', () => {
  it('says what to enter when neither the level nor the cost is given', () => {
    const { benefit } = matchOf(batala(), '2025-06-01', 'zed-certification');
    expect(benefit.amountInr).toBeNull();
    expect(benefit.needs).toBe('certification-cost');
    const summary = summaryOf(batala(), '2025-06-01', 'zed-certification');
    expect(summary.en).toBe(
      '80 % of the ZED certification cost: enter the ZED level sought or its certification cost to value this.',
    );
    expect(summary.hi).not.toMatch(LATIN);
  });

  it("values the level's reported cost, says it is reported and gives the figure the weakest confidence", () => {
    const facts = batala({ zedTargetLevel: 'gold' });
    const { benefit } = matchOf(facts, '2025-06-01', 'zed-certification');
    expect(benefit.amountInr?.toFixed(2)).toBe('74000.00');
    expect(benefit.confidence).toBe('secondary');
    const summary = summaryOf(facts, '2025-06-01', 'zed-certification');
    expect(summary.en).toBe(
      'The ₹10,000 joining reward and 80 % of the rest of the ₹90,000 ZED Gold certification cost: ₹74,000. ' +
        'The Gold cost is as reported; confirm it with Ministry of MSME (with QCI).',
    );
    expect(summary.hi).toContain('₹74,000');
    expect(summary.hi).not.toMatch(LATIN);
  });

  it('values a quoted cost on official terms alone', () => {
    const facts = batala({ zedLevel: 'bronze', certificationCostInr: new Decimal('50000') });
    const { benefit } = matchOf(facts, '2025-06-01', 'zed-certification');
    // Already certified: no reward; 80 % × ₹50,000 = ₹40,000.
    expect(benefit.amountInr?.toFixed(2)).toBe('40000.00');
    expect(benefit.confidence).toBe('official');
    expect(summaryOf(facts, '2025-06-01', 'zed-certification').en).toBe(
      '80 % of the ₹50,000 ZED certification cost: ₹40,000.',
    );
  });

  it("tells a women-owned unit that the portal's free certification is not taken, in both languages", () => {
    const facts = batala({ zedTargetLevel: 'gold', ownership: ['women'] });
    const summary = summaryOf(facts, '2025-06-01', 'zed-certification');
    expect(summary.en).toContain('₹82,000');
    expect(summary.en).toContain('to be confirmed with the Ministry of MSME (with QCI)');
    expect(summary.hi).toContain('इसकी पुष्टि एमएसएमई मंत्रालय (क्यूसीआई के साथ) से करनी है');
    expect(summary.hi).not.toMatch(LATIN);
    // An SC-owned unit gets the same top-up, without the women-owned question.
    const sc = matchOf(
      batala({ zedTargetLevel: 'gold', ownership: ['sc'] }),
      '2025-06-01',
      'zed-certification',
    );
    expect(sc.benefit.amountInr?.toFixed(2)).toBe('82000.00');
    expect(sc.benefit.caveats).toEqual([]);
  });

  it('enters every package it stacks with while open, lowering the net cost by the subsidy exactly', () => {
    const without = packagesOf(batala(), '2025-06-01');
    const withZed = packagesOf(batala({ zedTargetLevel: 'gold' }), '2025-06-01');
    expect(withZed).toHaveLength(without.length);
    for (const p of withZed) {
      expect(p.schemeIds).toContain('zed-certification');
      expect(p.auditAndCertificationSupportInr.toFixed(2)).toBe('74000.00');
      const before = without.find((q) => key(q, '') === key(p, 'zed-certification'));
      expect(p.netCostInr.toFixed(2)).toBe(before?.netCostInr.minus(74000).toFixed(2));
      expect(p.explanation.en).toContain("less ₹74,000 paid of the energy audit's or certification's cost");
    }
  });

  it('stays out of packages once closed, though still valued', () => {
    const facts = batala({ zedTargetLevel: 'gold' });
    expect(matchOf(facts, '2026-11-22', 'zed-certification').benefit.amountInr?.toFixed(2)).toBe('74000.00');
    for (const p of packagesOf(facts, '2026-11-22')) {
      expect(p.schemeIds).not.toContain('zed-certification');
      expect(p.auditAndCertificationSupportInr.toFixed(2)).toBe('0.00');
    }
  });
});

describe('energy-audit shares of state schemes', () => {
  it('asks for the audit cost beside the equipment subsidy (Haryana)', () => {
    const summary = summaryOf(panipat(), '2024-06-01', 'haryana-energy-conservation');
    expect(summary.en).toBe(
      'A capital subsidy of ₹4.00 lakh. ' +
        '75 % of the energy-audit cost paid back, at most ₹2.00 lakh: enter the energy-audit cost to value this.',
    );
    expect(summary.hi).not.toMatch(LATIN);
  });

  it('values it on the cost given, and the package counts it (Haryana: ₹1.2 lakh audit, ₹90,000 back)', () => {
    const facts = panipat({ energyAuditCostInr: new Decimal('120000') });
    expect(summaryOf(facts, '2024-06-01', 'haryana-energy-conservation').en).toBe(
      'A capital subsidy of ₹4.00 lakh. 75 % of the ₹1.20 lakh energy-audit cost paid back, at most ₹2.00 lakh: ₹90,000.',
    );
    const without = packagesOf(panipat(), '2024-06-01');
    const withAudit = packagesOf(facts, '2024-06-01');
    const haryana = withAudit.filter((p) => p.schemeIds.includes('haryana-energy-conservation'));
    expect(haryana.length).toBeGreaterThan(0);
    for (const p of haryana) {
      expect(p.auditAndCertificationSupportInr.toFixed(2)).toBe('90000.00');
      const before = without.find((q) => key(q, '') === key(p, ''));
      expect(p.netCostInr.toFixed(2)).toBe(before?.netCostInr.minus(90000).toFixed(2));
    }
  });

  it("says which reading of Banglashree's ₹2 lakh cap the audit share takes", () => {
    const facts = batala({
      state: 'WB',
      district: 'Howrah',
      clusterId: 'howrah-foundry',
      productionStartDate: '2021-05-01',
      energyAuditCostInr: new Decimal('150000'),
    });
    const summary = summaryOf(facts, '2024-06-01', 'wb-banglashree-energy-efficiency');
    expect(summary.en).toContain(
      '50 % of the ₹1.50 lakh energy-audit cost paid back, at most ₹2.00 lakh: ₹75,000.',
    );
    expect(summary.en).toContain('this figure limits each share to ₹2 lakh on its own');
    expect(summary.hi).toContain('₹75,000');
  });
});

describe('SIDBI 4E: the current rate is to be confirmed', () => {
  it('says so with the figure and in every package on the 4E loan line, in English and Hindi', () => {
    const summary = summaryOf(batala(), '2026-11-22', 'sidbi-4e');
    expect(summary.en).toMatch(/^2 % a year off the interest for 60 months: ₹[\d,.]+ (lakh )?saved\. /);
    expect(summary.en).toContain(
      "SIDBI's current rate is to be confirmed with SIDBI: this figure is from the 2017 terms",
    );
    expect(summary.hi).toContain('सिडबी की वर्तमान ब्याज दर की पुष्टि सिडबी से करनी है');
    expect(summary.hi).toContain('2017 की शर्तों');
    const packages = packagesOf(batala(), '2026-11-22');
    const onFourE = packages.filter((p) => p.schemeIds.includes('sidbi-4e'));
    expect(onFourE.length).toBeGreaterThan(0);
    for (const p of onFourE) {
      expect(p.explanation.en).toContain("SIDBI's current rate is to be confirmed with SIDBI");
      expect(p.explanation.hi).toContain('सिडबी की वर्तमान ब्याज दर की पुष्टि सिडबी से करनी है');
    }
    for (const p of packages.filter((q) => !q.schemeIds.includes('sidbi-4e')))
      expect(p.explanation.en).not.toContain('current rate is to be confirmed');
  });
});
