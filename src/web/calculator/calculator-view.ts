import { Decimal } from 'decimal.js';
import type { Cluster, Technology } from '../../domain/catalogue-types.js';
import type { EnergyBaseline } from '../../domain/energy/energy-baseline.js';
import { STREAMS } from '../../domain/energy/energy-streams.js';
import type { Figure, NeedsInput } from '../../domain/energy/sourced-figure.js';
import type { TechnologyAssessment } from '../../domain/energy/technology-savings.js';
import { formatIndianNumber, formatInr, formatLakhCrore } from '../../domain/indian-number.js';
import type { Lang } from '../i18n.js';
import { cashFlowChart, type CashFlowChart } from './cash-flow-chart.js';
import { FIELD_KINDS } from './calculator-form.js';

// Everything the calculator templates show, already formatted: views do no arithmetic (architecture.md).

export interface FigureRow {
  key: string;
  /** The form field that overrides this figure, when there is one. */
  field: string | null;
  value: string;
  unit: string;
  source: 'default' | 'user' | 'assumed';
  reference: string | null;
  confidence: string | null;
  from: string | null;
}

export interface NeedsRow {
  key: string;
  field: string | null;
  unit: string;
  range: string | null;
  reference: string | null;
  confidence: string | null;
}

/** Amount keys the model asks for (`cokeAmount`) are the enterprise's own fields (`cokeTonnes`). */
const AMOUNT_FIELDS: Record<string, string> = {
  electricityAmount: 'electricityKwh',
  cokeAmount: 'cokeTonnes',
  naturalGasAmount: 'naturalGasScm',
  lpgAmount: 'lpgKg',
  dieselAmount: 'dieselLitres',
  furnaceOilAmount: 'furnaceOilKilolitres',
  newSandAmount: 'newSandTonnes',
};

export function fieldFor(key: string): string | null {
  if (key in AMOUNT_FIELDS) return AMOUNT_FIELDS[key] ?? null;
  return key in FIELD_KINDS ? key : null;
}

/** Up to `places` decimals, trailing zeros dropped: 0.727, 7.5, 35,000. */
function plain(value: Decimal, places = 4): string {
  const rounded = value.toDecimalPlaces(places);
  return formatIndianNumber(rounded, rounded.decimalPlaces());
}

export function figureRow(figure: Figure): FigureRow {
  const provenance = figure.provenance;
  return {
    key: figure.key,
    field: fieldFor(figure.key),
    value: plain(figure.value),
    unit: figure.unit,
    source: provenance.kind,
    reference: provenance.kind === 'default' ? provenance.reference : null,
    confidence: provenance.kind === 'default' ? provenance.confidence : null,
    from: provenance.kind === 'default' ? provenance.from : null,
  };
}

export function needsRow(needs: NeedsInput): NeedsRow {
  const bounds = [needs.low, needs.high].filter((bound): bound is Decimal => bound !== null);
  return {
    key: needs.key,
    field: fieldFor(needs.key),
    unit: needs.unit,
    range: bounds.length === 0 ? null : bounds.map((bound) => plain(bound)).join(' – '),
    reference: needs.reference,
    confidence: needs.confidence,
  };
}

const orDash = <T>(value: T | null | undefined, format: (value: T) => string) =>
  value === null || value === undefined ? null : format(value);

export function calculatorResult(
  assessment: TechnologyAssessment & { baseline: EnergyBaseline },
  technology: Technology,
  lang: Lang,
) {
  const money = (inr: Decimal) => formatLakhCrore(inr, lang);
  const tonnes = (t: Decimal) => formatIndianNumber(t, 1);
  const years = (y: Decimal) => formatIndianNumber(y, 1);
  const ratio = (r: Decimal) => formatIndianNumber(r, 2);
  const { baseline, economics } = assessment;
  const loan = economics?.loan ?? null;
  const chart: CashFlowChart | null = economics ? cashFlowChart(economics.cashFlows, money) : null;
  return {
    technologyName: technology.name[lang],
    technologyConfidence: technology.confidence,
    status: assessment.status,
    pollutionEffect: technology.pollutionEffect,
    baseline: {
      totalCost: orDash(baseline.totalCostInr, money),
      totalCo2: orDash(baseline.totalCo2Tonnes, tonnes),
      totalEnergyGj: orDash(baseline.totalEnergyGj, (gj) => formatIndianNumber(gj, 0)),
      secGjPerTonne: orDash(baseline.specificEnergyGjPerTonne, (gj) => formatIndianNumber(gj, 2)),
      loadFactorPct: orDash(baseline.loadFactorPct, (pct) => formatIndianNumber(pct, 1)),
      streams: baseline.streams.map((stream) => ({
        stream: stream.stream,
        amount: plain(stream.amount, 2),
        unit: stream.unit,
        perTonne: orDash(stream.perTonneProduct, (value) => plain(value, 1)),
        cost: orDash(stream.costInr, money),
        co2: orDash(stream.co2Tonnes, tonnes),
      })),
    },
    streams: assessment.streams.map((stream) => ({
      stream: stream.stream,
      unit: STREAMS[stream.stream].unit,
      saved: plain(stream.savedAmount, 2),
      added: stream.savedAmount.isNegative(),
      savedInr: orDash(stream.savedInr, money),
      co2: orDash(stream.co2AvoidedTonnes, tonnes),
    })),
    annualSaving: orDash(assessment.annualSavingInr, money),
    annualSavingNegative: assessment.annualSavingInr?.isNegative() ?? false,
    co2Avoided: orDash(assessment.annualCo2AvoidedTonnes, tonnes),
    co2Negative: assessment.annualCo2AvoidedTonnes?.isNegative() ?? false,
    moltenMetalTonnes: orDash(assessment.moltenMetalTonnes, (t) => formatIndianNumber(t, 0)),
    generationCappedAtUse: assessment.generationCappedAtUse,
    capexEstimate: assessment.capexEstimate && {
      low: orDash(assessment.capexEstimate.low, money),
      high: orDash(assessment.capexEstimate.high, money),
      scaled: assessment.capexEstimate.scaledFromSize,
    },
    figures: assessment.figures.map(figureRow),
    needsInput: assessment.needsInput.map(needsRow),
    exceedsBaseline: assessment.exceedsBaseline.map((key) => ({ key, field: fieldFor(key) })),
    economics: economics && {
      netCapex: money(economics.netCapexInr),
      netAnnualSavings: money(economics.netAnnualSavingsInr),
      simplePayback: orDash(economics.simplePaybackYears, years),
      discountedPayback: orDash(economics.discountedPaybackYears, years),
      npv: money(economics.npvInr),
      irr: orDash(economics.irrPct, (pct) => formatIndianNumber(pct, 1)),
      irrKind: economics.irr.kind,
      levelisedCostPerKwh: orDash(economics.levelisedCostInrPerKwh, (inr) => formatInr(inr, { paise: true })),
      costPerTonneCo2: orDash(economics.costPerTonneCo2Inr, (inr) => formatInr(inr)),
      cashFlows: economics.cashFlows.map((flow) => ({
        year: flow.year,
        cashFlow: money(flow.cashFlowInr),
        cumulative: money(flow.cumulativeInr),
        discounted: money(flow.discountedInr),
      })),
      chart,
      loan: loan && {
        emi: formatInr(loan.emiInr, { paise: true }),
        moratoriumInterest: formatInr(loan.moratoriumInterestInr, { paise: true }),
        totalInterest: money(loan.totalInterestInr),
        totalSubvention: money(loan.totalSubventionInr),
        minDscr: orDash(loan.minDscr, ratio),
        avgDscr: orDash(loan.avgDscr, ratio),
        minDscrBelowOne: loan.minDscr?.lessThan(1) ?? false,
        years: loan.years.map((year) => ({
          year: year.year,
          months: year.months,
          debtService: money(year.debtServiceInr),
          saving: money(year.netSavingInr),
          dscr: orDash(year.dscr, ratio),
        })),
      },
    },
  };
}

export type CalculatorResult = ReturnType<typeof calculatorResult>;

export function clusterOptions(clusters: readonly Cluster[], lang: Lang) {
  return clusters.map((cluster) => ({ value: cluster.id, label: cluster.name[lang] }));
}

export function technologyOptions(technologies: readonly Technology[], lang: Lang) {
  return technologies.map((technology) => ({ value: technology.id, label: technology.name[lang] }));
}
