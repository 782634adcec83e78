import { Decimal } from 'decimal.js';
import { categoryIfKnown, type NormsInForce } from './classification.js';
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
  /** Other fuels, for the saving potential; absent where not loaded. */
  otherFuels?: {
    naturalGasScm: Decimal | null;
    lpgKg: Decimal | null;
    dieselLitres: Decimal | null;
    furnaceOilKl: Decimal | null;
  };
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
    const category = categoryIfKnown(unit, norms) ?? 'unknown';
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

// ---------- Investment, energy saving and scheme reach ----------

/** 1 tonne of oil equivalent = 41.868 GJ (IEA). */
export const GJ_PER_TOE = new Decimal('41.868');

/** One technology assessed for one unit: its capex range and what it saves a year, stream by stream. */
export interface UnitTechnologyFigures {
  technologyId: string;
  capexLowInr: Decimal | null;
  capexHighInr: Decimal | null;
  streams: readonly { stream: string; energySavedGj: Decimal | null; co2AvoidedTonnes: Decimal | null }[];
}

/** One open scheme for one unit: eligible (true), may apply (null: a fact is unknown) or not (false). */
export interface UnitSchemeReach {
  schemeId: string;
  eligible: boolean | null;
  amountInr: Decimal | null;
}

export interface UnitPotential {
  technologies: readonly UnitTechnologyFigures[];
  schemes: readonly UnitSchemeReach[];
}

export interface TechnologyDemand {
  technologyId: string;
  units: number;
  capexLowInr: Decimal;
  capexHighInr: Decimal;
  /** Capex less the promoter's minimum contribution: what the units would borrow. */
  loanLowInr: Decimal;
  loanHighInr: Decimal;
}

export interface StreamPotential {
  stream: string;
  units: number;
  energyGj: Decimal;
  toe: Decimal;
}

export interface SchemeReach {
  schemeId: string;
  eligible: number;
  mayApply: number;
  /** Sum over the units it could serve (eligible or may apply) whose rupee value is known. */
  amountInr: Decimal;
  unitsWithAmount: number;
}

export interface ClusterPotential {
  technologies: TechnologyDemand[];
  /**
   * Each stream's change under each unit's best single measure (the one saving the most energy net, as measures
   * do not stack): negative where the measure adds use of the stream.
   */
  streams: StreamPotential[];
  /** CO2 avoided a year by the same measures. */
  co2Tonnes: Decimal;
  co2Units: number;
  schemes: SchemeReach[];
}

const ZERO = new Decimal(0);

/**
 * Investment and loan demand by technology (every unit for which the technology applies and has a capex
 * estimate), the saving potential by stream and in CO2 (for each unit, the one measure that saves the most
 * energy net of what it adds, since measures do not add up), and how many units each scheme could serve.
 */
export function clusterPotential(
  units: readonly UnitPotential[],
  promoterSharePct: Decimal,
): ClusterPotential {
  const loanShare = new Decimal(100).minus(promoterSharePct).dividedBy(100);
  const demand = new Map<string, TechnologyDemand>();
  const streams = new Map<string, StreamPotential>();
  const schemes = new Map<string, SchemeReach>();
  let co2Tonnes = ZERO;
  let co2Units = 0;
  for (const unit of units) {
    let best: { gj: Decimal; technology: UnitTechnologyFigures } | null = null;
    for (const technology of unit.technologies) {
      if (technology.capexLowInr && technology.capexHighInr) {
        const row = demand.get(technology.technologyId) ?? {
          technologyId: technology.technologyId,
          units: 0,
          capexLowInr: ZERO,
          capexHighInr: ZERO,
          loanLowInr: ZERO,
          loanHighInr: ZERO,
        };
        row.units += 1;
        row.capexLowInr = row.capexLowInr.plus(technology.capexLowInr);
        row.capexHighInr = row.capexHighInr.plus(technology.capexHighInr);
        row.loanLowInr = row.capexLowInr.times(loanShare);
        row.loanHighInr = row.capexHighInr.times(loanShare);
        demand.set(technology.technologyId, row);
      }
      // Net energy saved, every stream counted (a fuel switch adds electricity as it removes coke).
      const gj = technology.streams.reduce((sum, saving) => sum.plus(saving.energySavedGj ?? ZERO), ZERO);
      if (gj.greaterThan(best?.gj ?? ZERO)) best = { gj, technology };
    }
    if (best) {
      let co2 = ZERO;
      for (const saving of best.technology.streams) {
        co2 = co2.plus(saving.co2AvoidedTonnes ?? ZERO);
        const gj = saving.energySavedGj;
        if (!gj || gj.isZero()) continue;
        const row = streams.get(saving.stream) ?? {
          stream: saving.stream,
          units: 0,
          energyGj: ZERO,
          toe: ZERO,
        };
        row.units += 1;
        row.energyGj = row.energyGj.plus(gj);
        row.toe = row.energyGj.dividedBy(GJ_PER_TOE);
        streams.set(saving.stream, row);
      }
      co2Tonnes = co2Tonnes.plus(co2);
      co2Units += 1;
    }
    for (const reach of unit.schemes) {
      if (reach.eligible === false) continue;
      const row = schemes.get(reach.schemeId) ?? {
        schemeId: reach.schemeId,
        eligible: 0,
        mayApply: 0,
        amountInr: ZERO,
        unitsWithAmount: 0,
      };
      if (reach.eligible) row.eligible += 1;
      else row.mayApply += 1;
      if (reach.amountInr) {
        row.amountInr = row.amountInr.plus(reach.amountInr);
        row.unitsWithAmount += 1;
      }
      schemes.set(reach.schemeId, row);
    }
  }
  return {
    technologies: [...demand.values()].sort(
      (a, b) => b.units - a.units || a.technologyId.localeCompare(b.technologyId),
    ),
    streams: [...streams.values()].sort((a, b) => b.energyGj.comparedTo(a.energyGj)),
    co2Tonnes,
    co2Units,
    schemes: [...schemes.values()].sort(
      (a, b) => b.eligible + b.mayApply - (a.eligible + a.mayApply) || a.schemeId.localeCompare(b.schemeId),
    ),
  };
}
