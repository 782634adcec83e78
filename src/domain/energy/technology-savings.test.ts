import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  batalaCupolaFoundry,
  cupolaToInductionFurnace,
  dividedBlastCupola,
  energyParameters,
} from '../../../test/fixtures/energy/energy-parameters.js';
import { assessTechnology, type TechnologyAssessment } from './technology-savings.js';

const asOf = '2026-11-22';
const d = (value: string | number) => new Decimal(value);
const request = { use: batalaCupolaFoundry, sector: 'foundry' as const, asOf };

describe('divided-blast-cupola for the Batala foundry (hand-worked)', () => {
  it('saves 35 % of 180 t coke: 63 t, ₹22,05,000, 190.0962 tCO2 a year', () => {
    const result = assessTechnology(energyParameters, dividedBlastCupola, request);
    const coke = result.streams[0];
    expect(coke?.savedAmount.toString()).toBe('63');
    expect(result.annualSavingInr?.toString()).toBe('2205000');
    expect(result.annualCo2AvoidedTonnes?.toString()).toBe('190.0962'); // 63 × 3.0174
  });

  it('has no capex or O&M default (only ranges): asks for both, showing ₹10–25 lakh', () => {
    const result = assessTechnology(energyParameters, dividedBlastCupola, request);
    expect(result.status).toBe('needs-input');
    expect(result.economics).toBeNull();
    expect(result.capexEstimate).toMatchObject({ low: d(1000000), high: d(2500000) });
    expect(result.needsInput.map((needs) => needs.key)).toEqual(['capexInr', 'annualOmInr']);
  });

  it('O&M range follows the quotation: 2–4 % of ₹20 lakh is ₹40,000–80,000', () => {
    const result = assessTechnology(energyParameters, dividedBlastCupola, {
      ...request,
      overrides: { capexInr: d(2000000) },
    });
    expect(result.needsInput).toEqual([
      expect.objectContaining({ key: 'annualOmInr', low: d(40000), high: d(80000) }),
    ]);
  });

  it("an audit's yearly saving replaces the model's ₹22,05,000 in the economics and is marked as the user's", () => {
    const result = assessTechnology(energyParameters, dividedBlastCupola, {
      ...request,
      overrides: { capexInr: d(2000000), annualOmInr: d(60000), annualSavingInr: d(1500000) },
    });
    expect(result.annualSavingInr?.toString()).toBe('1500000');
    // S = 15,00,000 − 60,000 = 14,40,000; the coke saved and its CO₂ stay the model's.
    expect(result.economics?.netAnnualSavingsInr.toString()).toBe('1440000');
    expect(result.streams[0]?.savedInr?.toString()).toBe('2205000');
    expect(result.annualCo2AvoidedTonnes?.toString()).toBe('190.0962');
    expect(result.figures.find((f) => f.key === 'annualSavingInr')?.provenance.kind).toBe('user');
  });

  it('with a ₹20 lakh quotation, ₹60,000 O&M and a ₹15 lakh loan at 10 % for 36 months', () => {
    const result = assessTechnology(energyParameters, dividedBlastCupola, {
      ...request,
      overrides: { capexInr: d(2000000), annualOmInr: d(60000) },
      loan: {
        principalInr: d(1500000),
        annualRatePct: d(10),
        tenureMonths: 36,
        moratoriumMonths: 0,
        interestSubventionPct: d(0),
        subventionMonths: 0,
      },
    });
    expect(result.status).toBe('complete');
    const economics = result.economics;
    // S = 22,05,000 − 60,000 = 21,45,000; payback = 20,00,000 ÷ 21,45,000
    expect(economics?.netAnnualSavingsInr.toString()).toBe('2145000');
    expect(economics?.simplePaybackYears?.toDecimalPlaces(4).toString()).toBe('0.9324');
    // NPV = −20,00,000 + 21,45,000 × (1 − 1.12^−15) ÷ 0.12, lifetime 15 years (default), 12 % (default)
    expect(economics?.npvInr.toDecimalPlaces(2).toString()).toBe('12609304.33');
    // EMI = P·i·(1+i)^n / ((1+i)^n − 1), i = 10 %/12, n = 36
    expect(economics?.loan?.emiInr.toDecimalPlaces(2).toString()).toBe('48400.78');
    // Year-1 DSCR = 21,45,000 ÷ (12 × EMI)
    expect(economics?.loan?.years[0]?.dscr?.toDecimalPlaces(4).toString()).toBe('3.6931');
    expect(result.capex?.provenance).toEqual({ kind: 'user' });
    expect(result.lifetime?.provenance).toMatchObject({ kind: 'default', confidence: 'unconfirmed' });
  });

  it("uses the user's saving percent and marks it as theirs", () => {
    const result = assessTechnology(energyParameters, dividedBlastCupola, {
      ...request,
      overrides: { savingPct: d(25) },
    });
    expect(result.streams[0]?.savedAmount.toString()).toBe('45');
    expect(result.figures.find((figure) => figure.key === 'savingPct')?.provenance).toEqual({ kind: 'user' });
  });

  it('asks for the coke use when the enterprise reported none', () => {
    const result = assessTechnology(energyParameters, dividedBlastCupola, {
      ...request,
      use: { ...batalaCupolaFoundry, amounts: { electricity: d(120000) } },
    });
    expect(result.needsInput.map((needs) => needs.key)).toContain('cokeAmount');
  });
});

describe('cupola-to-induction-furnace for the Batala foundry (hand-worked)', () => {
  const result = assessTechnology(energyParameters, cupolaToInductionFurnace, request);

  it('all 180 t coke saved; 1,200 t melted (180 t ÷ 150 kg/t) needs 7,20,000 kWh', () => {
    expect(result.moltenMetalTonnes?.toString()).toBe('1200');
    expect(result.streams.map((s) => [s.stream, s.savedAmount.toString()])).toEqual([
      ['coke', '180'],
      ['electricity', '-720000'],
    ]);
    // ₹63,00,000 coke − ₹54,00,000 electricity
    expect(result.annualSavingInr?.toString()).toBe('900000');
    // 543.132 t from coke − 523.44 t from the grid (7,20,000 kWh × 0.727 kg): roughly CO2-neutral
    expect(result.annualCo2AvoidedTonnes?.toString()).toBe('19.692');
  });

  it('asks for capex, O&M and lifetime, each with its range', () => {
    expect(result.needsInput).toEqual([
      expect.objectContaining({ key: 'capexInr', low: d(3500000), high: d(5500000) }),
      // ₹150–400 per t molten × 1,200 t
      expect.objectContaining({ key: 'annualOmInr', low: d(180000), high: d(480000) }),
      expect.objectContaining({ key: 'lifetimeYears', low: d(15), high: d(20) }),
    ]);
  });

  it('scales the capex range to 2 t/h from the 1 t/h size by the six-tenths rule (n = 0.6–0.7)', () => {
    const scaled = assessTechnology(energyParameters, cupolaToInductionFurnace, {
      ...request,
      overrides: { capacity: d(2) },
    });
    expect(scaled.capexEstimate?.scaledFromSize).toBe(true);
    // ₹70 lakh × 2^0.6 and ₹100 lakh × 2^0.7
    expect(scaled.capexEstimate?.low?.toDecimalPlaces(0).toString()).toBe('10610016');
    expect(scaled.capexEstimate?.high?.toDecimalPlaces(0).toString()).toBe('16245048');
  });
});

describe('properties (fixed seed)', () => {
  const decimals = (result: TechnologyAssessment): Decimal[] => [
    ...result.streams.flatMap((s) =>
      [s.savedAmount, s.savedInr, s.co2AvoidedTonnes, s.energySavedGj].filter(
        (v): v is Decimal => v !== null,
      ),
    ),
    ...[result.annualSavingInr, result.annualCo2AvoidedTonnes, result.economics?.npvInr].filter(
      (v): v is Decimal => v !== null && v !== undefined,
    ),
    ...(result.economics?.cashFlows.map((flow) => flow.cumulativeInr) ?? []),
  ];
  const amount = (max: number) => fc.integer({ min: 0, max }).map((n) => d(n));

  it('a saving never exceeds the baseline of its stream, and nothing is NaN or infinite', () => {
    fc.assert(
      fc.property(
        amount(5_000_000),
        amount(5_000),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.constantFrom(dividedBlastCupola, cupolaToInductionFurnace),
        (kwh, coke, production, savingPct, capex, technology) => {
          const result = assessTechnology(energyParameters, technology, {
            use: { state: 'PB', productionTonnes: d(production), amounts: { electricity: kwh, coke } },
            sector: 'foundry',
            asOf,
            overrides: {
              savingPct: d(savingPct),
              capexInr: d(capex),
              annualOmInr: d(0),
              lifetimeYears: d(15),
            },
          });
          for (const s of result.streams) {
            if (s.savedAmount.greaterThan(0))
              expect(s.savedAmount.lessThanOrEqualTo(s.baselineAmount)).toBe(true);
          }
          for (const value of decimals(result)) expect(value.isFinite()).toBe(true);
        },
      ),
      { seed: 20261122, numRuns: 200 },
    );
  });
});
