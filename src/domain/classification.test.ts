import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { MsmeNorms } from './catalogue-types.js';
import { classify, normsOn, type NormsInForce } from './classification.js';
import type { DatedSeries } from './dated.js';

const crore = (n: string) => new Decimal(n).times(10_000_000);
const limits = (investmentCrore: string, turnoverCrore: string) => ({
  investmentInr: crore(investmentCrore),
  turnoverInr: crore(turnoverCrore),
});

// Limits as in schemes.md § MSME classification; the real data file is checked in test/data.
const series: DatedSeries<MsmeNorms> = {
  unit: 'INR',
  values: [
    {
      from: '2020-07-01',
      value: {
        id: 'msme-norms-2020',
        notification: 'S.O. 1702(E)',
        micro: limits('1', '5'),
        small: limits('10', '50'),
        medium: limits('50', '250'),
      },
      reference: 'test',
      confidence: 'secondary',
    },
    {
      from: '2025-04-01',
      value: {
        id: 'msme-norms-2025',
        notification: 'S.O. 1364(E)',
        micro: limits('2.5', '10'),
        small: limits('25', '100'),
        medium: limits('125', '500'),
      },
      reference: 'test',
      confidence: 'secondary',
    },
  ],
};

function norms(asOf: string): NormsInForce {
  const found = normsOn(series, asOf);
  if (found === undefined) throw new Error(`no norms on ${asOf}`);
  return found;
}

const rupee = new Decimal(1);

describe('normsOn', () => {
  it.each([
    ['2020-06-30', undefined],
    ['2020-07-01', 'msme-norms-2020'],
    ['2025-03-31', 'msme-norms-2020'],
    ['2025-04-01', 'msme-norms-2025'],
    ['2026-11-22', 'msme-norms-2025'],
  ])('on %s gives %s', (asOf, id) => {
    expect(normsOn(series, asOf)?.value.id).toBe(id);
  });

  it('reads the series from a catalogue', () => {
    expect(normsOn({ parameters: { msmeNorms: series } }, '2025-06-01')?.from).toBe('2025-04-01');
  });
});

describe('classify', () => {
  it.each([
    // asOf, investment, turnover, exports, category
    ['2025-06-01', crore('2.5'), crore('10'), new Decimal(0), 'micro'], // exactly at both micro limits
    ['2025-06-01', crore('2.5').plus(rupee), crore('10'), new Decimal(0), 'small'], // one rupee over on investment
    ['2025-06-01', crore('2.5'), crore('10').plus(rupee), new Decimal(0), 'small'], // one rupee over on turnover
    ['2025-06-01', crore('25'), crore('100'), new Decimal(0), 'small'],
    ['2025-06-01', crore('25'), crore('100').plus(rupee), new Decimal(0), 'medium'],
    ['2025-06-01', crore('125'), crore('500'), new Decimal(0), 'medium'],
    ['2025-06-01', crore('125').plus(rupee), crore('1'), new Decimal(0), 'not-msme'],
    ['2025-06-01', crore('1'), crore('500').plus(rupee), new Decimal(0), 'not-msme'],
    ['2025-06-01', new Decimal(0), new Decimal(0), new Decimal(0), 'micro'],
    // The same enterprise under the 2020 norms the day before the revision.
    ['2025-03-31', crore('2.5'), crore('10'), new Decimal(0), 'small'],
    ['2025-03-31', crore('1'), crore('5'), new Decimal(0), 'micro'],
    ['2025-03-31', crore('1').plus(rupee), crore('5'), new Decimal(0), 'small'],
    ['2025-03-31', crore('50'), crore('250'), new Decimal(0), 'medium'],
    ['2025-03-31', crore('50'), crore('250').plus(rupee), new Decimal(0), 'not-msme'],
    // Exports are excluded: ₹30 crore total with ₹25 crore exported counts as ₹5 crore.
    ['2025-03-31', crore('0.8'), crore('30'), crore('25'), 'micro'],
    ['2025-03-31', crore('0.8'), crore('30'), crore('25').minus(rupee), 'small'],
    ['2025-06-01', crore('8'), crore('600'), crore('150'), 'medium'],
  ] as const)(
    'on %s, investment %s and turnover %s less exports %s → %s',
    (asOf, investment, turnover, exports, category) => {
      expect(classify({ investment, turnover, exportTurnover: exports }, norms(asOf)).category).toBe(
        category,
      );
    },
  );

  it('reports the counted turnover, the norms used and the limits that pushed it up', () => {
    const result = classify(
      { investment: crore('3'), turnover: crore('8'), exportTurnover: crore('1') },
      norms('2025-06-01'),
    );
    expect(result.category).toBe('small');
    expect(result.countedTurnover.equals(crore('7'))).toBe(true);
    expect(result.norms.from).toBe('2025-04-01');
    expect(result.norms.value.id).toBe('msme-norms-2025');
    expect(result.exceeded).toEqual(['investment']);
  });

  it('names both limits when both are exceeded, and none for micro', () => {
    const over = classify(
      { investment: crore('200'), turnover: crore('900'), exportTurnover: new Decimal(0) },
      norms('2025-06-01'),
    );
    expect(over).toMatchObject({ category: 'not-msme', exceeded: ['investment', 'turnover'] });
    const micro = classify(
      { investment: crore('1'), turnover: crore('1'), exportTurnover: new Decimal(0) },
      norms('2025-06-01'),
    );
    expect(micro.exceeded).toEqual([]);
  });

  it('rejects negative amounts and exports above turnover', () => {
    const n = norms('2025-06-01');
    expect(() =>
      classify({ investment: new Decimal(-1), turnover: crore('1'), exportTurnover: new Decimal(0) }, n),
    ).toThrow(RangeError);
    expect(() =>
      classify({ investment: crore('1'), turnover: crore('1'), exportTurnover: crore('2') }, n),
    ).toThrow(/export turnover/);
  });
});
