import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { clusterAggregates, percentile } from './cluster-aggregates.js';

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
