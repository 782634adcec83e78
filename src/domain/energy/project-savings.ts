import { Decimal } from 'decimal.js';
import type { Parameters, Technology } from '../catalogue-types.js';
import { computeEconomics, type EconomicsResult } from '../economics.js';
import { netSavingsByYear } from '../finance/cash-flows.js';
import { percentToFraction } from '../money.js';
import type { EnergyBaseline } from './energy-baseline.js';
import { sumKnown, type BaselineStream, type Overrides } from './energy-streams.js';
import type { Figure } from './sourced-figure.js';
import {
  assessTechnology,
  savingsGrowthPct,
  type AssessmentStatus,
  type StreamSaving,
  type TechnologyAssessment,
  type TechnologyRequest,
} from './technology-savings.js';

// A project of one or more measures (a divided-blast cupola and sand reclamation; an induction furnace and
// rooftop solar), financed as one. Measures are applied in the owner's order, each on the energy use the ones
// before it left, so two measures on one stream never claim the same saving and a stream's savings never exceed
// its baseline. The project's costs, savings and CO₂ add up; its life is the shortest measure's (the loan is
// repaid from savings that last), and each measure's saving grows at its own rate within that life. One measure
// is assessed exactly as on its own. Decision 0008.

export interface Measure {
  technology: Technology;
  /** The owner's figures for this measure (quotation, running cost), and any the model asked for. */
  overrides: Overrides;
}

export interface ProjectRequest extends Omit<TechnologyRequest, 'overrides'> {
  /** The yearly saving an energy audit found for the whole project; replaces the modelled sum. */
  auditedSavingInr?: Decimal | undefined;
}

export type Assessed = TechnologyAssessment & { baseline: EnergyBaseline };

export interface MeasureAssessment {
  technology: Technology;
  /** The measure on the use left by the ones before it, without the loan (the project has one loan). */
  assessment: Assessed;
}

export interface ProjectAssessment {
  measures: MeasureAssessment[];
  /** The project as a whole, in the shape of one technology's assessment (the first measure's id). */
  project: Assessed;
}

const ZERO = new Decimal(0);
const KWH_IN_GJ = new Decimal('0.0036');

/** The use left after a measure: saved amounts taken off each stream (added loads put on), never below zero. */
function useAfter(use: TechnologyRequest['use'], saved: readonly StreamSaving[]): TechnologyRequest['use'] {
  const amounts: Partial<Record<BaselineStream, Decimal>> = { ...use.amounts };
  for (const stream of saved) {
    const left = (amounts[stream.stream] ?? ZERO).minus(stream.savedAmount);
    amounts[stream.stream] = Decimal.max(left, ZERO);
  }
  return { ...use, amounts };
}

/** The measures' savings added up per stream, in the order streams first appear. */
function streamTotals(use: TechnologyRequest['use'], measures: readonly Assessed[]): StreamSaving[] {
  const totals = new Map<BaselineStream, StreamSaving>();
  for (const stream of measures.flatMap((measure) => measure.streams)) {
    const total = totals.get(stream.stream);
    if (!total) {
      totals.set(stream.stream, { ...stream, baselineAmount: use.amounts[stream.stream] ?? ZERO });
      continue;
    }
    const add = (a: Decimal | null, b: Decimal | null) => (a === null || b === null ? null : a.plus(b));
    totals.set(stream.stream, {
      ...total,
      savedAmount: total.savedAmount.plus(stream.savedAmount),
      savedInr: add(total.savedInr, stream.savedInr),
      co2AvoidedTonnes: add(total.co2AvoidedTonnes, stream.co2AvoidedTonnes),
      energySavedGj: add(total.energySavedGj, stream.energySavedGj),
    });
  }
  return [...totals.values()];
}

/** A project figure from the measures' own: their sum, the owner's only when every part is. */
function summedFigure(parts: readonly (Figure | null)[], key: string, note: string): Figure | null {
  const total = sumKnown(parts.map((part) => part?.value ?? null));
  if (total === null) return null;
  const allUsers = parts.every((part) => part?.provenance.kind === 'user');
  return {
    key,
    value: total,
    unit: parts[0]?.unit ?? 'INR',
    provenance: allUsers ? { kind: 'user' } : { kind: 'assumed', note },
  };
}

const STATUS_ORDER: AssessmentStatus[] = ['not-applicable', 'not-modelled', 'needs-input', 'complete'];

/** One entry per key, first met first: the figures (and figures asked for) of all measures. */
function uniqueByKey<T extends { key: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.key) && seen.add(item.key));
}

/** A measure's figure of `key`, or undefined. */
const figureValue = (assessment: Assessed, key: string) =>
  assessment.figures.find((figure) => figure.key === key)?.value;

/** Savings, costs and economics of the measures in turn, and of the project they make together. */
export function assessProject(
  parameters: Parameters,
  measures: readonly Measure[],
  request: ProjectRequest,
): ProjectAssessment {
  const [first, ...rest] = measures;
  if (!first) throw new RangeError('a project needs at least one measure');
  const { auditedSavingInr, ...technologyRequest } = request;
  if (rest.length === 0) {
    const project = assessTechnology(parameters, first.technology, {
      ...technologyRequest,
      overrides: {
        ...first.overrides,
        ...(auditedSavingInr === undefined ? {} : { annualSavingInr: auditedSavingInr }),
      },
    });
    return { measures: [{ technology: first.technology, assessment: project }], project };
  }

  let use = request.use;
  const assessed: MeasureAssessment[] = [];
  for (const measure of measures) {
    const assessment = assessTechnology(parameters, measure.technology, {
      use,
      sector: request.sector,
      asOf: request.asOf,
      overrides: measure.overrides,
    });
    assessed.push({ technology: measure.technology, assessment });
    use = useAfter(use, assessment.streams);
  }
  const parts = assessed.map((measure) => measure.assessment);
  const [firstPart] = parts as [Assessed, ...Assessed[]];

  const modelledSavingInr = sumKnown(parts.map((part) => part.annualSavingInr));
  const annualSavingInr = auditedSavingInr ?? modelledSavingInr;
  const annualCo2AvoidedTonnes = sumKnown(parts.map((part) => part.annualCo2AvoidedTonnes));
  const annualEnergySavedGj = sumKnown(parts.map((part) => part.annualEnergySavedGj));
  const capex = summedFigure(
    parts.map((part) => part.capex),
    'capexInr',
    'The sum of the measures’ costs.',
  );
  const annualOm = summedFigure(
    parts.map((part) => part.annualOm),
    'annualOmInr',
    'The sum of the measures’ running costs.',
  );
  const lifetimes = parts.map((part) => part.lifetime);
  const lifetime = lifetimes.every((figure) => figure !== null)
    ? lifetimes.reduce((shortest, figure) => (figure.value.lessThan(shortest.value) ? figure : shortest))
    : null;
  const status = STATUS_ORDER.find((kind) => parts.some((part) => part.status === kind)) ?? 'complete';
  const discountRatePct = figureValue(firstPart, 'discountRatePct');

  // As for one technology, an audited saving stands in for savings the model could not estimate; costs, lives and
  // a plausible use are still needed from every measure.
  let economics: EconomicsResult | null = null;
  if (
    (status === 'complete' || status === 'needs-input') &&
    parts.every((part) => part.exceedsBaseline.length === 0) &&
    annualSavingInr !== null &&
    capex !== null &&
    annualOm !== null &&
    lifetime !== null &&
    discountRatePct !== undefined
  ) {
    const lifetimeYears = lifetime.value.toNumber();
    // Each measure's net saving grows at its own rate (a panel's output degrades, a furnace's does not); an
    // audited project saving replaces the modelled ones in proportion, keeping their growth, or, where the model
    // has no saving to scale, stands level.
    const seriesOf = (saving: Decimal, om: Decimal, growthPct: Decimal) =>
      netSavingsByYear(
        Decimal.max(saving, ZERO),
        om.plus(Decimal.max(saving.negated(), ZERO)),
        percentToFraction(growthPct),
        lifetimeYears,
      );
    const scale =
      auditedSavingInr === undefined
        ? new Decimal(1)
        : modelledSavingInr && !modelledSavingInr.isZero()
          ? auditedSavingInr.dividedBy(modelledSavingInr)
          : null;
    const byYear = scale
      ? parts
          .map((part) =>
            seriesOf(
              (part.annualSavingInr ?? ZERO).times(scale),
              part.annualOm?.value ?? ZERO,
              savingsGrowthPct(
                figureValue(part, 'escalationPct') ?? ZERO,
                figureValue(part, 'degradationPct') ?? ZERO,
              ),
            ),
          )
          .reduce((sum, series) => sum.map((value, year) => value.plus(series[year] ?? ZERO)))
      : seriesOf(annualSavingInr, annualOm.value, ZERO);
    economics = computeEconomics({
      capexInr: capex.value,
      subsidyInr: ZERO,
      annualEnergySavingsInr: Decimal.max(annualSavingInr, ZERO),
      annualOmCostInr: annualOm.value.plus(Decimal.max(annualSavingInr.negated(), ZERO)),
      lifetimeYears,
      discountRatePct,
      savingsEscalationPct: ZERO,
      netSavingsByYearInr: byYear,
      loan: request.loan,
      annualEnergySavedKwh: annualEnergySavedGj?.greaterThan(0)
        ? annualEnergySavedGj.dividedBy(KWH_IN_GJ)
        : undefined,
      annualCo2AvoidedTonnes: annualCo2AvoidedTonnes ?? undefined,
    });
  }

  const estimates = parts.map((part) => part.capexEstimate);
  const project: Assessed = {
    technologyId: first.technology.id,
    status: economics !== null ? 'complete' : status === 'complete' ? 'needs-input' : status,
    streams: streamTotals(request.use, parts),
    annualSavingInr,
    annualCo2AvoidedTonnes,
    annualEnergySavedGj,
    moltenMetalTonnes: firstPart.moltenMetalTonnes,
    generationCappedAtUse: parts.some((part) => part.generationCappedAtUse),
    capexEstimate: estimates.every((estimate) => estimate !== null)
      ? {
          low: sumKnown(estimates.map((estimate) => estimate.low)),
          high: sumKnown(estimates.map((estimate) => estimate.high)),
          unit: 'INR',
          scaledFromSize: estimates.some((estimate) => estimate.scaledFromSize),
        }
      : null,
    capex,
    annualOm,
    lifetime,
    economics,
    figures: uniqueByKey(parts.flatMap((part) => part.figures)),
    needsInput: uniqueByKey(parts.flatMap((part) => part.needsInput)),
    exceedsBaseline: [...new Set(parts.flatMap((part) => part.exceedsBaseline))],
    baseline: firstPart.baseline,
  };
  return { measures: assessed, project };
}
