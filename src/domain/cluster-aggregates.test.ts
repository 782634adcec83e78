import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { clusterAggregates, clusterPotential, percentile } from './cluster-aggregates.js';

const d = (values: number[]) => values.map((value) => new Decimal(value));

describe('cluster aggregates', () => {
  it('take percentiles by linear interpolation between closest ranks (Excel PERCENTILE.INC)', () => {
    const sorted = d([500, 600, 700, 800, 900, 1000]);
    expect([10, 25, 50, 75, 90].map((p) => percentile(sorted, p).toString())).toEqual([
      '550',
      '625',
      '750',
      '875',
      '950',
    ]);
    expect(percentile(d([7]), 90).toString()).toBe('7');
  });

  it('count a missing document against every unit, and skip energy ratios without production', () => {
    const unit = (documents: string[], productionTonnes: number | null) => ({
      investmentInr: null,
      turnoverInr: null,
      productionTonnes: productionTonnes === null ? null : new Decimal(productionTonnes),
      electricityKwh: new Decimal(1000),
      cokeTonnes: null,
      documents: new Set(documents),
    });
    const result = clusterAggregates(
      [unit(['energy-audit-report'], 2), unit([], 0), unit([], null)],
      ['udyam-certificate', 'energy-audit-report'],
      undefined,
    );
    expect(result.missingDocuments.map((gap) => [gap.documentId, gap.units, gap.percent.toFixed(2)])).toEqual(
      [
        ['udyam-certificate', 3, '100.00'],
        ['energy-audit-report', 2, '66.67'],
      ],
    );
    expect(result.sec.electricityKwhPerTonne).toEqual({ units: 1, percentiles: null });
    expect(result.byCategory.unknown).toBe(3);
  });
});

describe('cluster potential', () => {
  const dec = (value: number | string) => new Decimal(value);
  const tech = (
    technologyId: string,
    capex: [number, number] | null,
    streams: [string, number | null, number | null][],
  ) => ({
    technologyId,
    capexLowInr: capex ? dec(capex[0]) : null,
    capexHighInr: capex ? dec(capex[1]) : null,
    streams: streams.map(([stream, gj, co2]) => ({
      stream,
      energySavedGj: gj === null ? null : dec(gj),
      co2AvoidedTonnes: co2 === null ? null : dec(co2),
    })),
  });

  it("sums capex and loan by technology, takes each unit's best net measure, and counts scheme reach", () => {
    // Unit 1: VFD (₹2–4 lakh) saves 100 GJ electricity, 20 t CO2; recuperator (no capex) saves 300 GJ coke, 30 t
    //         → best net: the recuperator (300 GJ).
    // Unit 2: VFD (₹3–5 lakh) saves 150 GJ electricity, 25 t CO2; a switch (₹10 lakh) saves 400 GJ coke and adds
    //         200 GJ electricity, 15 t CO2 net → net 200 GJ, more than the VFD's 150 GJ: the switch.
    // Promoter share 20 % → loan = 80 % of capex: VFD ₹5–9 lakh capex → ₹4–7.2 lakh loan.
    // Coke: 300 + 400 = 700 GJ = 16.7192 toe (2 units); electricity −200 GJ = −4.7769 toe (1 unit);
    // CO2 30 + 15 = 45 t.
    const result = clusterPotential(
      [
        {
          technologies: [
            tech('vfd', [200000, 400000], [['electricity', 100, 20]]),
            tech('recuperator', null, [['coke', 300, 30]]),
          ],
          schemes: [
            { schemeId: 'a', eligible: true, amountInr: dec(50000) },
            { schemeId: 'b', eligible: false, amountInr: dec(10) },
          ],
        },
        {
          technologies: [
            tech('vfd', [300000, 500000], [['electricity', 150, 25]]),
            tech(
              'switch',
              [1000000, 1000000],
              [
                ['coke', 400, 40],
                ['electricity', -200, -25],
              ],
            ),
          ],
          schemes: [
            { schemeId: 'a', eligible: null, amountInr: null },
            { schemeId: 'b', eligible: null, amountInr: dec(7000) },
          ],
        },
      ],
      dec(20),
    );
    expect(
      result.technologies.map((t) => [
        t.technologyId,
        t.units,
        t.capexLowInr.toString(),
        t.capexHighInr.toString(),
        t.loanLowInr.toString(),
        t.loanHighInr.toString(),
      ]),
    ).toEqual([
      ['vfd', 2, '500000', '900000', '400000', '720000'],
      ['switch', 1, '1000000', '1000000', '800000', '800000'],
    ]);
    expect(result.streams.map((s) => [s.stream, s.units, s.energyGj.toString(), s.toe.toFixed(4)])).toEqual([
      ['coke', 2, '700', '16.7192'],
      ['electricity', 1, '-200', '-4.7769'],
    ]);
    expect([result.co2Tonnes.toString(), result.co2Units]).toEqual(['45', 2]);
    expect(
      result.schemes.map((s) => [
        s.schemeId,
        s.eligible,
        s.mayApply,
        s.amountInr.toString(),
        s.unitsWithAmount,
      ]),
    ).toEqual([
      ['a', 1, 1, '50000', 1],
      ['b', 0, 1, '7000', 1],
    ]);
  });
});
