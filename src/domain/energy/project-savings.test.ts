import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  batalaCupolaFoundry,
  cupolaToInductionFurnace,
  dividedBlastCupola,
  energyParameters,
  series,
} from '../../../test/fixtures/energy/energy-parameters.js';
import type { Technology } from '../catalogue-types.js';
import { assessProject } from './project-savings.js';
import { assessTechnology } from './technology-savings.js';

const asOf = '2026-11-22';
const d = (value: string | number) => new Decimal(value);
const request = { use: batalaCupolaFoundry, sector: 'foundry' as const, asOf };

// A second measure on the same coke: better charge practice saving 10 % of what the cupola burns, ten years' life.
const chargePractice: Technology = {
  ...dividedBlastCupola,
  id: 'charge-practice',
  savingModel: {
    kind: 'percent-of-stream',
    stream: { stream: 'coke', endUse: 'cupola' },
    percent: series('percent of charge coke', { low: null, high: null, default: d(10) }, 'secondary'),
    baselinePerTonneProduct: series('kg coke per t molten', { low: d(125), high: d(200), default: d(150) }),
  },
  lifeYears: series('years', { low: null, high: null, default: d(10) }),
};

const dbc = { technology: dividedBlastCupola, overrides: { capexInr: d(2000000), annualOmInr: d(60000) } };
const charge = { technology: chargePractice, overrides: { capexInr: d(500000), annualOmInr: d(10000) } };
const loan = {
  principalInr: d(2000000),
  annualRatePct: d(10),
  tenureMonths: 36,
  moratoriumMonths: 0,
  interestSubventionPct: d(0),
  subventionMonths: 0,
};

describe('a project of one measure', () => {
  it('is exactly that technology assessed on its own, with the audited saving and the loan', () => {
    const alone = assessTechnology(energyParameters, dividedBlastCupola, {
      ...request,
      overrides: { ...dbc.overrides, annualSavingInr: d(1500000) },
      loan,
    });
    const result = assessProject(energyParameters, [dbc], {
      ...request,
      loan,
      auditedSavingInr: d(1500000),
    });
    expect(result.project).toEqual(alone);
    expect(result.measures).toEqual([{ technology: dividedBlastCupola, assessment: alone }]);
  });
});

describe('a divided-blast cupola, then better charge practice, on 180 t of coke (hand-worked)', () => {
  const { measures, project } = assessProject(energyParameters, [dbc, charge], { ...request, loan });

  it('applies the second measure to the coke the first left: 63 t, then 10 % of 117 t = 11.7 t', () => {
    expect(measures.map((m) => m.assessment.streams[0]?.savedAmount.toString())).toEqual(['63', '11.7']);
    expect(project.streams).toHaveLength(1);
    expect(project.streams[0]).toMatchObject({
      stream: 'coke',
      baselineAmount: d(180),
      savedAmount: d('74.7'),
    });
  });

  it('adds the savings (₹22,05,000 + 11.7 t × ₹35,000 = ₹26,14,500), the costs and the CO₂', () => {
    expect(project.annualSavingInr?.toString()).toBe('2614500');
    expect(project.capex?.value.toString()).toBe('2500000');
    expect(project.capex?.provenance.kind).toBe('user');
    expect(project.annualOm?.value.toString()).toBe('70000');
    expect(project.annualCo2AvoidedTonnes?.toString()).toBe(d('74.7').times('3.0174').toString());
  });

  it("lasts as long as the shorter-lived measure (10 years, not the cupola's 15)", () => {
    expect(project.lifetime?.value.toString()).toBe('10');
    expect(project.economics?.cashFlows).toHaveLength(11);
  });

  it('pays back in ₹25,00,000 ÷ (₹26,14,500 − ₹70,000) years, with the one loan on the project', () => {
    const economics = project.economics;
    expect(economics?.netAnnualSavingsInr.toString()).toBe('2544500');
    expect(economics?.simplePaybackYears?.toString()).toBe(d(2500000).dividedBy(2544500).toString());
    expect(economics?.loan?.emiInr.toFixed(2)).toBe('64534.37'); // 20,00,000 × r ÷ (1 − (1 + r)^−36), r = 10 % ÷ 12;
    expect(project.status).toBe('complete');
  });

  it('saves the same coke in the other order, split differently between the measures', () => {
    const reversed = assessProject(energyParameters, [charge, dbc], request);
    expect(reversed.measures.map((m) => m.assessment.streams[0]?.savedAmount.toString())).toEqual([
      '18',
      '56.7',
    ]);
    expect(reversed.project.streams[0]?.savedAmount.toString()).toBe('74.7');
  });

  it('grows each saving at its own rate: the cupola at 5 % a year, the charge practice level', () => {
    const growing = assessProject(
      energyParameters,
      [{ ...dbc, overrides: { ...dbc.overrides, escalationPct: d(5) } }, charge],
      request,
    );
    // Year 2: 22,05,000 × 1.05 − 60,000 + 4,09,500 − 10,000.
    expect(growing.project.economics?.cashFlows[2]?.cashFlowInr.toString()).toBe('2654750');
  });

  it("scales the measures' savings to an audited project saving, keeping the costs", () => {
    const audited = assessProject(energyParameters, [dbc, charge], {
      ...request,
      auditedSavingInr: d(2000000),
    });
    expect(audited.project.annualSavingInr?.toString()).toBe('2000000');
    expect(audited.project.economics?.netAnnualSavingsInr.toString()).toBe('1930000');
    // The coke saved and its CO₂ stay the model's.
    expect(audited.project.streams[0]?.savedAmount.toString()).toBe('74.7');
  });
});

describe('an audited project saving where the model cannot estimate a measure', () => {
  it('stands level in the economics, the measure still listed as needing its figure', () => {
    const unknownShare: Technology = {
      ...chargePractice,
      savingModel: {
        kind: 'percent-of-stream',
        stream: { stream: 'coke', endUse: 'cupola' },
        percent: series('percent of charge coke', { low: d(5), high: d(15), default: null }),
        baselinePerTonneProduct: series('kg coke per t molten', {
          low: d(125),
          high: d(200),
          default: d(150),
        }),
      },
    };
    const { measures, project } = assessProject(
      energyParameters,
      [dbc, { ...charge, technology: unknownShare }],
      { ...request, auditedSavingInr: d(3000000) },
    );
    expect(measures[1]?.assessment.annualSavingInr).toBeNull();
    expect(project.needsInput.map((n) => n.key)).toEqual(['savingPct']);
    expect(project.status).toBe('complete');
    // 30,00,000 − (60,000 + 10,000), the same each year.
    expect(project.economics?.cashFlows.slice(1).map((f) => f.cashFlowInr.toString())).toEqual(
      Array(10).fill('2930000'),
    );
  });
});

describe('measures that leave nothing for the next', () => {
  it('a cupola upgrade after the switch to induction has no coke left to save: asked for, no economics', () => {
    const induction = {
      technology: cupolaToInductionFurnace,
      overrides: { capexInr: d(7000000), annualOmInr: d(300000), lifetimeYears: d(15) },
    };
    const { measures, project } = assessProject(energyParameters, [induction, dbc], request);
    expect(measures[0]?.assessment.streams.find((s) => s.stream === 'coke')?.savedAmount.toString()).toBe(
      '180',
    );
    expect(measures[1]?.assessment.needsInput.map((n) => n.key)).toContain('cokeAmount');
    expect(project.status).toBe('needs-input');
    expect(project.economics).toBeNull();
    const coke = project.streams.find((s) => s.stream === 'coke');
    expect(coke?.savedAmount.lessThanOrEqualTo(coke.baselineAmount)).toBe(true);
  });

  it('a cost the catalogue gives only as a range stays asked for, and the project has no economics', () => {
    const { project } = assessProject(
      energyParameters,
      [dbc, { technology: chargePractice, overrides: {} }],
      request,
    );
    expect(project.needsInput.map((n) => n.key)).toEqual(['capexInr', 'annualOmInr']);
    expect(project.capex).toBeNull();
    expect(project.economics).toBeNull();
  });
});
