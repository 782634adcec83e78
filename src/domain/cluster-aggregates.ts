import { Decimal } from 'decimal.js';
import { classify, type NormsInForce } from './classification.js';
import type { DocumentId } from './enterprise-profile.js';
import type { MsmeCategory } from './enterprise-facts.js';
import './money.js';

// The cluster picture an association reports to the programme's partners: counts, shares and distributions only,
// never a unit's name or its own figures.

export interface ClusterUnitFigures {
  investmentInr: Decimal | null;
  /** Latest fiscal year's. */
  turnoverInr: Decimal | null;
  productionTonnes: Decimal | null;
  electricityKwh: Decimal | null;
  cokeTonnes: Decimal | null;
  documents: ReadonlySet<string>;
}

export const PERCENTILES = [10, 25, 50, 75, 90] as const;

/**
 * Fewer units than this and a distribution would show one unit's own figures (the minimum or maximum is that
 * unit), so the percentiles are withheld.
 */
export const MIN_UNITS_FOR_DISTRIBUTION = 5;

export interface Distribution {
  units: number;
  /** Percentile → value; null when there are fewer than MIN_UNITS_FOR_DISTRIBUTION units with the figures. */
  percentiles: { percentile: number; value: Decimal }[] | null;
}

export interface ClusterAggregates {
  units: number;
  byCategory: Record<MsmeCategory | 'unknown', number>;
  /** Each required document with how many units lack it, most often missing first. */
  missingDocuments: { documentId: DocumentId; units: number; percent: Decimal }[];
  /** Specific energy consumption: electricity per tonne of castings (kWh/t) and coke per tonne (kg/t). */
  sec: { electricityKwhPerTonne: Distribution; cokeKgPerTonne: Distribution };
}

/**
 * The `p`th percentile by linear interpolation between closest ranks (Hyndman & Fan type 7, as Excel's
 * PERCENTILE.INC): rank h = (n − 1)·p/100, value = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋). `sorted` ascending, non-empty.
 */
export function percentile(sorted: readonly Decimal[], p: number): Decimal {
  const h = new Decimal(sorted.length - 1).times(p).dividedBy(100);
  const low = h.floor().toNumber();
  const lower = sorted[low];
  if (lower === undefined) throw new RangeError('percentile of an empty list');
  const upper = sorted[Math.min(low + 1, sorted.length - 1)] ?? lower;
  return lower.plus(h.minus(low).times(upper.minus(lower)));
}

function distribution(values: Decimal[]): Distribution {
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  return {
    units: sorted.length,
    percentiles:
      sorted.length < MIN_UNITS_FOR_DISTRIBUTION
        ? null
        : PERCENTILES.map((p) => ({ percentile: p, value: percentile(sorted, p) })),
  };
}

export function clusterAggregates(
  units: readonly ClusterUnitFigures[],
  requiredDocuments: readonly DocumentId[],
  norms: NormsInForce | undefined,
): ClusterAggregates {
  const byCategory: ClusterAggregates['byCategory'] = {
    micro: 0,
    small: 0,
    medium: 0,
    'not-msme': 0,
    unknown: 0,
  };
  const missing = new Map<DocumentId, number>(requiredDocuments.map((id) => [id, 0]));
  const electricity: Decimal[] = [];
  const coke: Decimal[] = [];
  for (const unit of units) {
    const category =
      norms && unit.investmentInr && unit.turnoverInr
        ? classify(
            { investment: unit.investmentInr, turnover: unit.turnoverInr, exportTurnover: new Decimal(0) },
            norms,
          ).category
        : 'unknown';
    byCategory[category] += 1;
    for (const id of requiredDocuments)
      if (!unit.documents.has(id)) missing.set(id, (missing.get(id) ?? 0) + 1);
    const tonnes = unit.productionTonnes;
    if (tonnes && tonnes.greaterThan(0)) {
      if (unit.electricityKwh) electricity.push(unit.electricityKwh.dividedBy(tonnes));
      // Coke is recorded in tonnes; benchmarks speak of kg per tonne of good castings.
      if (unit.cokeTonnes) coke.push(unit.cokeTonnes.times(1000).dividedBy(tonnes));
    }
  }
  const missingDocuments = [...missing.entries()]
    .map(([documentId, count]) => ({
      documentId,
      units: count,
      percent: units.length === 0 ? new Decimal(0) : new Decimal(count).times(100).dividedBy(units.length),
    }))
    .sort(
      (a, b) =>
        b.units - a.units ||
        requiredDocuments.indexOf(a.documentId) - requiredDocuments.indexOf(b.documentId),
    );
  return {
    units: units.length,
    byCategory,
    missingDocuments,
    sec: { electricityKwhPerTonne: distribution(electricity), cokeKgPerTonne: distribution(coke) },
  };
}
