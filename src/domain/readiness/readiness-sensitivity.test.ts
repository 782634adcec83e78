import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { EconomicsInput } from '../economics.js';
import { projectCover } from './project-cover.js';
import { breakEvenSaving, delayedSavings, readinessSensitivity } from './readiness-sensitivity.js';

const d = (value: string) => new Decimal(value);
const project: EconomicsInput = {
  capexInr: d('2000000'),
  subsidyInr: d('0'),
  annualEnergySavingsInr: d('900000'),
  annualOmCostInr: d('40000'),
  lifetimeYears: 15,
  discountRatePct: d('12'),
  savingsEscalationPct: d('3'),
  loan: {
    principalInr: d('1500000'),
    annualRatePct: d('10.5'),
    tenureMonths: 60,
    moratoriumMonths: 6,
    interestSubventionPct: d('0'),
    subventionMonths: 0,
  },
};
const settings = {
  savingsLowerPct: [d('10'), d('20')],
  tariffChangePct: d('10'),
  interestUpPoints: d('2'),
  commissioningDelayMonths: 6,
};

describe('readiness sensitivity', () => {
  const table = readinessSensitivity(project, settings);
  const row = (label: string) => table.cases.find((c) => c.label.en === label)!;

  it('lists the cases a bank officer asks for, worse ones with lower cover', () => {
    expect(table.cases.map((c) => c.label.en)).toEqual([
      'As entered',
      'Savings 10 % lower',
      'Savings 20 % lower',
      'Tariff 10 % higher',
      'Tariff 10 % lower',
      'Interest rate 2 points higher',
      'Commissioning 6 months late',
    ]);
    const base = row('As entered');
    expect(row('Savings 20 % lower').minDscr!.lessThan(row('Savings 10 % lower').minDscr!)).toBe(true);
    expect(row('Savings 10 % lower').minDscr!.lessThan(base.minDscr!)).toBe(true);
    expect(row('Interest rate 2 points higher').year1Dscr!.lessThan(base.year1Dscr!)).toBe(true);
    // Payback = 20,00,000 / (9,00,000 × 0.9 − 40,000) = 20,00,000 / 7,70,000.
    expect(row('Savings 10 % lower').simplePaybackYears!.toString()).toBe(
      d('2000000').dividedBy(770000).toString(),
    );
  });

  it('moves the savings with the tariff, and says so', () => {
    expect(row('Tariff 10 % lower').minDscr!.equals(row('Savings 10 % lower').minDscr!)).toBe(true);
    expect(table.tariffNote.en).toContain('energy-cost savings');
  });

  it("delays the savings, not the loan: year 1 gets half of the first year's saving", () => {
    const savings = projectCover(project).savingsByYear;
    const shifted = delayedSavings(savings, 5, 6);
    expect(shifted[0]!.equals(savings[0]!.dividedBy(2))).toBe(true);
    expect(shifted[1]!.equals(savings[0]!.plus(savings[1]!).dividedBy(2))).toBe(true);
    const late = row('Commissioning 6 months late');
    expect(late.simplePaybackYears!.equals(row('As entered').simplePaybackYears!.plus('0.5'))).toBe(true);
    expect(late.year1Dscr!.lessThan(row('As entered').year1Dscr!)).toBe(true);
  });

  it('solves the break-even saving: at it the least DSCR is exactly 1.0', () => {
    const { annualEnergySavingsInr, headroomPct } = breakEvenSaving(project);
    const atBreakEven = projectCover({ ...project, annualEnergySavingsInr: annualEnergySavingsInr! });
    expect(atBreakEven.loan!.minDscr!.minus(1).abs().lessThan('1e-30')).toBe(true);
    expect(headroomPct!.greaterThan(0)).toBe(true);
    const below = projectCover({ ...project, annualEnergySavingsInr: annualEnergySavingsInr!.minus(1) });
    expect(below.loan!.minDscr!.lessThan(1)).toBe(true);
  });

  it('has no break-even without a loan, or when the loan outlives the equipment', () => {
    expect(breakEvenSaving({ ...project, loan: undefined }).reason?.en).toBe('there is no loan to cover');
    expect(breakEvenSaving({ ...project, lifetimeYears: 3 }).reason?.en).toContain('beyond');
  });
});
