import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../helpers/catalogue-fixture.js';
import { quickCheck } from '../../src/domain/quick-check.js';

const batala = catalogue.clusterById('batala-foundry');

describe('quick check', () => {
  it('classifies by investment and turnover under the norms in force', () => {
    const result = quickCheck(
      { investmentInr: new Decimal('8000000'), turnoverInr: new Decimal('30000000') },
      catalogue,
      '2026-11-22',
    );
    expect(result.classification?.category).toBe('micro');
    expect(result.upgrades).toEqual([]);
  });

  it("reads a cupola foundry's bill as coke and ranks the divided-blast cupola first", () => {
    // ₹5,00,000 a month = ₹60,00,000 a year ÷ ₹35,000/t (default coke price) = 171.43 t of coke.
    const result = quickCheck(
      {
        cluster: batala,
        furnace: 'cupola',
        monthlyEnergyBillInr: new Decimal('500000'),
        monthlyProductionTonnes: new Decimal('100'),
      },
      catalogue,
      '2026-11-22',
    );
    expect(result.estimatedUse?.stream).toBe('coke');
    expect(result.estimatedUse?.amount.toDecimalPlaces(2).toString()).toBe('171.43');
    const [first] = result.upgrades;
    expect(first?.technologyId).toBe('divided-blast-cupola');
    // 35 % of ₹60 lakh of coke = ₹21 lakh a year; capex ₹10–25 lakh → payback 0.48–1.19 years.
    expect(first?.annualSavingInr.low.toString()).toBe('2100000');
    expect(first?.paybackYears?.low.toDecimalPlaces(2).toString()).toBe('0.48');
    expect(first?.paybackYears?.high.toDecimalPlaces(2).toString()).toBe('1.19');
  });

  it('shows a saving range where the sources give one, and never sizes another end use from the furnace bill', () => {
    const result = quickCheck(
      {
        cluster: catalogue.clusterById('jaipur-foundry'),
        furnace: 'induction',
        monthlyEnergyBillInr: new Decimal('800000'),
        monthlyProductionTonnes: new Decimal('150'),
      },
      catalogue,
      '2026-11-22',
    );
    const ids = result.upgrades.map((upgrade) => upgrade.technologyId);
    expect(ids).toContain('efficient-induction-furnace');
    expect(ids).not.toContain('cupola-blower-vfd');
    expect(ids).not.toContain('compressed-air-leak-programme');
    for (const upgrade of result.upgrades) {
      expect(upgrade.annualSavingInr.low.lessThanOrEqualTo(upgrade.annualSavingInr.high)).toBe(true);
    }
  });

  it('waits for the answers it needs rather than guessing', () => {
    const result = quickCheck(
      { cluster: batala, furnace: 'cupola', monthlyEnergyBillInr: new Decimal('500000') },
      catalogue,
      '2026-11-22',
    );
    expect(result.estimatedUse).toBeNull();
    expect(result.upgrades).toEqual([]);
  });
});
