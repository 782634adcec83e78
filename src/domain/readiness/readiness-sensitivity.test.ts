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

describe('readiness sensitivity of savings given year by year (several measures, or a frozen application)', () => {
  // Solar losing 10 % a year next to a furnace saving 3 % more each year: no one growth rate gives this series.
  const series = Array.from({ length: 15 }, (_, t) =>
    d('500000')
      .times(d('0.9').pow(t))
      .plus(d('400000').times(d('1.03').pow(t)))
      .minus(40000),
  );
  const mixed: EconomicsInput = { ...project, netSavingsByYearInr: series };
  const table = readinessSensitivity(mixed, settings);
  const row = (id: string) => table.cases.find((c) => c.id === id)!;

  it('covers the loan with the series as given, not one rebuilt from its first years', () => {
    expect(row('base').minDscr!.equals(projectCover(mixed).loan!.minDscr!)).toBe(true);
    // The least DSCR falls in a later year, where the solar part has shrunk: lower than at 3 % growth throughout.
    expect(row('base').minDscr!.lessThan(readinessSensitivity(project, settings).cases[0]!.minDscr!)).toBe(
      true,
    );
  });

  it('lowers the energy savings of every year, not the O&M', () => {
    const lower = projectCover({
      ...mixed,
      netSavingsByYearInr: series.map((net) => net.plus(40000).times('0.9').minus(40000)),
    });
    expect(row('savings-lower').minDscr!.equals(lower.loan!.minDscr!)).toBe(true);
  });

  it('has no break-even when a loan year saves no energy, and counts the series’ years as the life', () => {
    const idle = series.map((net, index) => (index === 2 ? d('-40000') : net));
    expect(breakEvenSaving({ ...mixed, netSavingsByYearInr: idle }).reason?.en).toBe(
      "in year 3 of the loan the project saves no energy, so no saving covers that year's instalments",
    );
    const short = breakEvenSaving({ ...mixed, netSavingsByYearInr: series.slice(0, 3) });
    expect(short.reason?.en).toBe("the loan runs beyond the equipment's 3-year life, when it saves nothing");
  });

  it('still gives the saving needed when the first year saves nothing to scale (one growth rate then)', () => {
    const nothing = { ...mixed, annualEnergySavingsInr: d('0'), savingsEscalationPct: d('0') };
    const { annualEnergySavingsInr, reason } = breakEvenSaving({
      ...nothing,
      netSavingsByYearInr: series.map(() => d('-40000')),
    });
    expect(reason).toBeNull();
    expect(
      annualEnergySavingsInr!.equals(
        breakEvenSaving({ ...nothing, netSavingsByYearInr: undefined }).annualEnergySavingsInr!,
      ),
    ).toBe(true);
  });

  it('solves the break-even saving on the series: at it the least DSCR is exactly 1.0', () => {
    const { annualEnergySavingsInr } = breakEvenSaving(mixed);
    const factor = annualEnergySavingsInr!.dividedBy(mixed.annualEnergySavingsInr);
    const atBreakEven = projectCover({
      ...mixed,
      netSavingsByYearInr: series.map((net) => net.plus(40000).times(factor).minus(40000)),
    });
    expect(atBreakEven.loan!.minDscr!.minus(1).abs().lessThan('1e-30')).toBe(true);
  });
});
