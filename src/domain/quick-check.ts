import { Decimal } from 'decimal.js';
import type { Cluster, EndUse, Parameters, Technology } from './catalogue-types.js';
import { classify, normsOn, type Classification } from './classification.js';
import { valueOn, type IsoDate, type DatedSeries } from './dated.js';
import type { OwnershipGroup } from './enterprise-facts.js';
import type { ProjectTerms } from './scheme-benefits.js';
import { clusterFacts, matchSchemes, type SchemeMatch } from './scheme-matching.js';
import type { Scheme } from './scheme-types.js';
import type { MsmeNorms } from './catalogue-types.js';
import { energyContext } from './energy/energy-baseline.js';
import { streamRates, type BaselineStream } from './energy/energy-streams.js';
import {
  assessTechnology,
  type TechnologyAssessment,
  type TechnologyRequest,
} from './energy/technology-savings.js';
import './money.js';

// The quick check (no account, under a minute): from a handful of answers, the MSME category, the best few
// upgrades for the sector and the energy use they rest on. The energy bill is read as the main furnace's fuel
// — coke for a cupola, electricity for an induction furnace — and the result says so: it is a first look,
// and the profile's own figures replace it.

export const FURNACES = ['cupola', 'induction'] as const;
export type Furnace = (typeof FURNACES)[number];

export interface QuickCheckAnswers {
  ownership?: readonly OwnershipGroup[] | undefined;
  cluster?: Cluster | undefined;
  investmentInr?: Decimal | undefined;
  turnoverInr?: Decimal | undefined;
  furnace?: Furnace | undefined;
  monthlyEnergyBillInr?: Decimal | undefined;
  monthlyProductionTonnes?: Decimal | undefined;
}

export interface EstimatedUse {
  stream: BaselineStream;
  /** A year's amount in the stream's unit: t of coke or kWh. */
  amount: Decimal;
  priceInrPerUnit: Decimal;
  productionTonnes: Decimal;
}

/** A first-look upgrade: savings and payback as ranges wherever the sources give a range, never a guess. */
export interface Upgrade {
  technologyId: string;
  annualSavingInr: { low: Decimal; high: Decimal };
  annualCo2AvoidedTonnes: { low: Decimal; high: Decimal } | null;
  capexInr: { low: Decimal; high: Decimal } | null;
  /** Cheapest capex over the highest saving, to dearest over the lowest; null without a capex figure. */
  paybackYears: { low: Decimal; high: Decimal } | null;
}

export interface QuickCheckResult {
  classification: Classification | null;
  estimatedUse: EstimatedUse | null;
  upgrades: Upgrade[];
  /** Schemes for the best upgrade, financed the usual way (see `typicalProject`); empty until it is known. */
  schemes: SchemeMatch[];
}

const MONTHS = new Decimal(12);
const FURNACE_STREAM: Record<Furnace, BaselineStream> = { cupola: 'coke', induction: 'electricity' };
const FURNACE_END_USE: Record<Furnace, EndUse> = { cupola: 'cupola', induction: 'induction-furnace' };

export interface QuickCheckCatalogue {
  parameters: Parameters & { msmeNorms: DatedSeries<MsmeNorms> };
  technologies: readonly Technology[];
  schemes: readonly Scheme[];
}

/** The year's main-fuel use implied by the bill and the default price in force, or null while answers are missing. */
export function estimateUse(
  answers: QuickCheckAnswers,
  parameters: Parameters,
  asOf: IsoDate,
): EstimatedUse | null {
  const { cluster, furnace, monthlyEnergyBillInr, monthlyProductionTonnes } = answers;
  if (
    !cluster ||
    !furnace ||
    !monthlyEnergyBillInr?.greaterThan(0) ||
    !monthlyProductionTonnes?.greaterThan(0)
  ) {
    return null;
  }
  const stream = FURNACE_STREAM[furnace];
  const productionTonnes = monthlyProductionTonnes.times(MONTHS);
  const ctx = energyContext(parameters, { state: cluster.state }, asOf, {});
  const price = streamRates(stream, ctx).priceInrPerUnit;
  if (!price?.greaterThan(0)) return null;
  return {
    stream,
    amount: monthlyEnergyBillInr.times(MONTHS).dividedBy(price),
    priceInrPerUnit: price,
    productionTonnes,
  };
}

export function quickCheck(
  answers: QuickCheckAnswers,
  catalogue: QuickCheckCatalogue,
  asOf: IsoDate,
): QuickCheckResult {
  const norms = normsOn(catalogue.parameters.msmeNorms, asOf);
  const classification =
    norms && answers.investmentInr && answers.turnoverInr
      ? classify(
          {
            investment: answers.investmentInr,
            turnover: answers.turnoverInr,
            exportTurnover: new Decimal(0),
          },
          norms,
        )
      : null;
  const estimatedUse = estimateUse(answers, catalogue.parameters, asOf);
  const { cluster, furnace } = answers;
  if (!estimatedUse || !cluster || !furnace)
    return { classification, estimatedUse, upgrades: [], schemes: [] };

  const request = {
    use: {
      state: cluster.state,
      productionTonnes: estimatedUse.productionTonnes,
      amounts: { [estimatedUse.stream]: estimatedUse.amount },
    },
    sector: cluster.sector,
    asOf,
  };
  const upgrades = catalogue.technologies
    .filter((technology) => technology.applicability.sectors.includes(request.sector))
    .map((technology) => firstLook(catalogue.parameters, technology, request, estimatedUse, furnace))
    .filter((upgrade): upgrade is Upgrade => upgrade !== null)
    .sort((a, b) => b.annualSavingInr.high.comparedTo(a.annualSavingInr.high))
    .slice(0, 3);
  const best = upgrades[0];
  const project = best && typicalProject(best, catalogue.parameters, asOf);
  const schemes =
    project && classification
      ? matchSchemes(
          catalogue.schemes,
          {
            ...clusterFacts(cluster),
            activity: 'manufacturing',
            category: classification.category,
            investmentInr: answers.investmentInr,
            turnoverInr: answers.turnoverInr,
            ...(answers.ownership ? { ownership: answers.ownership } : {}),
            technologyId: best.technologyId,
            capexInr: project.capexInr,
            loanInr: project.loanInr,
          },
          project,
          asOf,
        )
      : [];
  return { classification, estimatedUse, upgrades, schemes };
}

/**
 * How the best upgrade would usually be financed, for a first look at the schemes: its lower capex estimate, a
 * loan of all but the banks' minimum promoter contribution, five years at the catalogue's cost of debt.
 */
function typicalProject(upgrade: Upgrade, parameters: Parameters, asOf: IsoDate): ProjectTerms | null {
  const margin = valueOn(parameters.bankNorms.promoterContributionMinPct, asOf)?.default;
  const rate = valueOn(parameters.finance.costOfDebtPct, asOf)?.default;
  if (!upgrade.capexInr || !margin || !rate) return null;
  const capexInr = upgrade.capexInr.low;
  return {
    capexInr,
    loanInr: capexInr.times(new Decimal(100).minus(margin)).dividedBy(100),
    annualRatePct: rate,
    tenureMonths: 60,
    moratoriumMonths: 0,
  };
}

/**
 * One technology on the quick check's answers. Where the model asks only for the share of the main fuel the
 * measure acts on and a saving percentage the sources give as a range, the bill is taken as that fuel's whole
 * use (as the page says) and both ends of the range are shown.
 */
function firstLook(
  parameters: Parameters,
  technology: Technology,
  request: TechnologyRequest,
  use: EstimatedUse,
  furnace: Furnace,
): Upgrade | null {
  const plain = assessTechnology(parameters, technology, request);
  const cases = [plain];
  if (plain.annualSavingInr === null) {
    const savingPct = plain.needsInput.find((needs) => needs.key === 'savingPct');
    const others = plain.needsInput.filter((needs) => !ANSWERABLE.has(needs.key));
    if (!savingPct?.low || !savingPct.high || others.length > 0) return null;
    const needsEndUse = plain.needsInput.some((needs) => needs.key === 'endUseAmount');
    // The bill stands for the main furnace's fuel only: a measure on another end use (a blower, compressed
    // air) cannot be sized from it.
    if (needsEndUse && !technology.streams.some((ref) => ref.endUse === FURNACE_END_USE[furnace]))
      return null;
    const endUse = needsEndUse ? { endUseAmount: use.amount } : {};
    cases.splice(
      0,
      1,
      ...[savingPct.low, savingPct.high].map((pct) =>
        assessTechnology(parameters, technology, { ...request, overrides: { ...endUse, savingPct: pct } }),
      ),
    );
  }
  const savings = cases.map((c) => c.annualSavingInr);
  if (savings.some((saving) => !saving?.greaterThan(0)) || cases.some((c) => c.exceedsBaseline.length > 0))
    return null;
  const [low, high] = [Decimal.min(...(savings as Decimal[])), Decimal.max(...(savings as Decimal[]))];
  const co2 = cases.map((c) => c.annualCo2AvoidedTonnes);
  const first = cases[0] as TechnologyAssessment;
  const capexLow = first.capex?.value ?? first.capexEstimate?.low ?? null;
  const capexHigh = first.capex?.value ?? first.capexEstimate?.high ?? null;
  const capexInr = capexLow && capexHigh ? { low: capexLow, high: capexHigh } : null;
  return {
    technologyId: technology.id,
    annualSavingInr: { low, high },
    annualCo2AvoidedTonnes: co2.every((value): value is Decimal => value !== null)
      ? { low: Decimal.min(...co2), high: Decimal.max(...co2) }
      : null,
    capexInr,
    paybackYears: capexInr && { low: capexInr.low.dividedBy(high), high: capexInr.high.dividedBy(low) },
  };
}

/** Figures the quick check can stand in for: the rest (a capacity, a power factor) need the calculator. */
const ANSWERABLE = new Set(['endUseAmount', 'savingPct', 'capexInr', 'annualOmInr', 'lifetimeYears']);
