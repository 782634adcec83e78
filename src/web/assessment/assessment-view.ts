import type { Decimal } from 'decimal.js';
import { formatIndianNumber, formatInr, formatLakhCrore } from '../../domain/indian-number.js';
import { benefitSummary } from '../../domain/scheme-benefits.js';
import type { SavingsBasis } from '../../domain/readiness/assess-readiness.js';
import type { SchemeMatch } from '../../domain/scheme-matching.js';
import {
  packageKey,
  type AssessmentReport,
  type SecMeasure,
  type UpgradeSource,
} from '../../services/assessment-service.js';
import { calculatorResult, type CalculatorResult } from '../calculator/calculator-view.js';
import type { Lang } from '../i18n.js';
import { readinessView, type ReadinessView } from '../readiness/readiness-view.js';

// The assessment report, formatted for the view: views do no arithmetic.

export interface BenchmarkView {
  measure: SecMeasure;
  value: string | null;
  peers: number;
  /** "72": the share of the cluster's units using more per tonne; null when withheld or not known. */
  betterThan: string | null;
  goodPractice: { value: string; unit: string; reference: string } | null;
  /** Whether the enterprise's figure is above good practice, and by how much per cent. */
  aboveGoodPracticePct: string | null;
}

export interface SchemeView {
  id: string;
  name: string;
  /** 'eligible' | 'not-eligible' | 'unknown' | 'not-open' */
  standing: 'eligible' | 'not-eligible' | 'unknown' | 'not-open';
  summary: string;
  /** Why it applies (criteria met) or why not / what is unknown. */
  reasons: string[];
}

export interface PackageView {
  rank: number;
  /** The scheme ids '+'-joined: what "choose this package" sends. */
  key: string;
  /** The owner's saved choice. */
  chosen: boolean;
  schemes: string[];
  emi: string;
  netCost: string;
  netProjectCost: string;
  loan: string;
  ownContribution: string;
  rate: string;
  payback: string | null;
  minDscr: string | null;
  explanation: string;
}

export interface ImprovementAction {
  key: string;
  values: Record<string, string>;
  link: string | null;
}

export interface AssessmentView {
  enterpriseId: number;
  name: string;
  clusterName: string | null;
  asOf: string;
  rulesVersion: string;
  readiness: ReadinessView | null;
  benchmarks: BenchmarkView[];
  minPeers: number;
  upgrade: {
    name: string;
    measures: MeasureView[];
    source: UpgradeSource;
    ackNumber: string | null;
    quotationNeeded: boolean;
    savingsBasis: SavingsBasis;
    capex: string;
    loan: string;
    tenureMonths: number;
    moratoriumMonths: number;
    rate: string;
    result: CalculatorResult;
  } | null;
  /** The sector's technologies for the plan: what each replaces and what it saves on the profile's figures. */
  options: {
    id: string;
    name: string;
    replaces: string;
    sizeBand: string | null;
    annualSaving: string | null;
    status: string;
    needs: string[];
    chosen: boolean;
  }[];
  planNeedsCapex: boolean;
  /** The owner's saved plan: what it is, when saved, the package chosen (scheme names; [] the plain loan). */
  savedPlan: {
    technologyName: string;
    savedAt: string;
    shown: boolean;
    packageSchemes: string[] | null;
  } | null;
  packages: PackageView[];
  schemes: SchemeView[];
  actions: ImprovementAction[];
}

/** A measure of a project of several, as the report lists it. */
export interface MeasureView {
  name: string;
  capex: string;
  quotationNeeded: boolean;
  saving: string | null;
  co2: string | null;
  lifetime: string | null;
}

const oneDecimal = (value: Decimal) => formatIndianNumber(value.toDecimalPlaces(1), 1);
const whole = (value: Decimal) => formatIndianNumber(value.toDecimalPlaces(0), 0);

function schemeView({ scheme, evaluation, benefit }: SchemeMatch, lang: Lang): SchemeView {
  const open = evaluation.status.status === 'open';
  const standing: SchemeView['standing'] = !open
    ? 'not-open'
    : evaluation.eligible === true
      ? 'eligible'
      : evaluation.eligible === false
        ? 'not-eligible'
        : 'unknown';
  const reasons =
    standing === 'not-open'
      ? [evaluation.status.note?.[lang] ?? ''].filter(Boolean)
      : standing === 'eligible'
        ? evaluation.criteria.filter((c) => c.result === 'passed').map((c) => c.text[lang])
        : standing === 'not-eligible'
          ? [
              ...evaluation.criteria.filter((c) => c.result === 'failed').map((c) => c.text[lang]),
              ...evaluation.toMakeItYes.map((suggestion) => suggestion.text[lang]),
            ]
          : evaluation.criteria.filter((c) => c.result === 'unknown').map((c) => c.text[lang]);
  return {
    id: scheme.id,
    name: scheme.name[lang],
    standing,
    summary: benefitSummary(benefit, scheme.administrator)[lang],
    reasons,
  };
}

const STANDING_ORDER: Record<SchemeView['standing'], number> = {
  eligible: 0,
  unknown: 1,
  'not-eligible': 2,
  'not-open': 3,
};

export function assessmentView(
  report: AssessmentReport,
  lang: Lang,
  minPeers: number,
  schemeName: (id: string) => string,
): AssessmentView {
  const money = (value: Decimal) => formatLakhCrore(value, lang);
  const { upgrade } = report;
  const benchmarks: BenchmarkView[] = report.benchmarks.map((b) => ({
    measure: b.measure,
    value: b.value && whole(b.value),
    peers: b.peers,
    betterThan: b.betterThanPct && whole(b.betterThanPct),
    goodPractice: b.goodPractice && {
      value: whole(b.goodPractice.value),
      unit: b.goodPractice.unit,
      reference: b.goodPractice.reference,
    },
    aboveGoodPracticePct:
      b.value && b.goodPractice && b.value.greaterThan(b.goodPractice.value)
        ? whole(b.value.minus(b.goodPractice.value).times(100).dividedBy(b.goodPractice.value))
        : null,
  }));

  const actions: ImprovementAction[] = [];
  const id = report.profile.id;
  if (!report.profile.energy?.productionTonnes)
    actions.push({
      key: 'assessment.actions.addEnergy',
      values: {},
      link: `/enterprises/${id}/profile/energy`,
    });
  for (const b of benchmarks) {
    if (b.aboveGoodPracticePct && b.value && b.goodPractice)
      actions.push({
        key: `assessment.actions.above.${b.measure}`,
        values: { value: b.value, goodPractice: b.goodPractice.value, pct: b.aboveGoodPracticePct },
        link: null,
      });
  }
  if (upgrade?.quotationNeeded)
    actions.push({
      key: 'assessment.actions.quotation',
      values: {
        technology: upgrade.measures
          .filter((measure) => measure.quotationNeeded)
          .map((measure) => measure.technology.name[lang])
          .join(', '),
      },
      link: `/enterprises/${id}/apply`,
    });
  if (!upgrade)
    actions.push({
      key: 'assessment.actions.noUpgrade',
      values: {},
      link: `/enterprises/${id}/profile/energy`,
    });

  return {
    enterpriseId: id,
    name: report.profile.details.name,
    clusterName: report.cluster?.name[lang] ?? null,
    asOf: report.asOf,
    rulesVersion: report.rulesVersion,
    readiness: report.readiness ? readinessView(report.readiness, lang) : null,
    benchmarks,
    minPeers,
    upgrade: upgrade && {
      name: upgrade.measures.map((measure) => measure.technology.name[lang]).join(' + '),
      // Each measure's own part, shown when the project has more than one (in the order they are applied).
      measures:
        upgrade.measures.length < 2
          ? []
          : upgrade.measures.map((measure) => ({
              name: measure.technology.name[lang],
              capex: money(measure.capexInr),
              quotationNeeded: measure.quotationNeeded,
              saving: measure.assessment.annualSavingInr && money(measure.assessment.annualSavingInr),
              co2:
                measure.assessment.annualCo2AvoidedTonnes &&
                formatIndianNumber(measure.assessment.annualCo2AvoidedTonnes, 1),
              lifetime:
                measure.assessment.lifetime && formatIndianNumber(measure.assessment.lifetime.value, 0),
            })),
      source: upgrade.source,
      ackNumber: upgrade.ackNumber,
      quotationNeeded: upgrade.quotationNeeded,
      savingsBasis: upgrade.savingsBasis,
      capex: money(upgrade.capexInr),
      loan: money(upgrade.loanInr),
      tenureMonths: upgrade.tenureMonths,
      moratoriumMonths: upgrade.moratoriumMonths,
      rate: oneDecimal(upgrade.annualRatePct),
      result: calculatorResult(upgrade.assessment, upgrade.technology, lang),
    },
    options: report.options.map((option) => ({
      id: option.technology.id,
      name: option.technology.name[lang],
      replaces: option.technology.applicability.replaces,
      sizeBand: option.technology.applicability.sizeBand ?? null,
      annualSaving: option.annualSavingInr && money(option.annualSavingInr),
      status: option.status,
      needs: option.needs,
      chosen: upgrade?.measures.some((measure) => measure.technology.id === option.technology.id) ?? false,
    })),
    planNeedsCapex: report.planNeedsCapex !== null,
    savedPlan: report.savedPlan && {
      technologyName: [
        report.savedPlan.technologyId,
        ...report.savedPlan.furtherMeasures.map((measure) => measure.technologyId),
      ]
        .map(
          (techId) => report.options.find((o) => o.technology.id === techId)?.technology.name[lang] ?? techId,
        )
        .join(' + '),
      savedAt: report.savedPlan.savedAt,
      shown: report.showsSavedPlan,
      packageSchemes: report.savedPlan.packageSchemeIds && report.savedPlan.packageSchemeIds.map(schemeName),
    },
    packages: report.packages.map((p, index) => ({
      rank: index + 1,
      key: packageKey(p.schemeIds),
      chosen:
        report.showsSavedPlan &&
        report.savedPlan?.packageSchemeIds != null &&
        packageKey(report.savedPlan.packageSchemeIds) === packageKey(p.schemeIds),
      schemes: p.schemeIds.map(schemeName),
      emi: formatInr(p.emiInr),
      netCost: money(p.netCostInr),
      netProjectCost: money(p.netProjectCostInr),
      loan: money(p.loanInr),
      ownContribution: money(p.ownContributionInr),
      rate: oneDecimal(p.annualRatePct),
      payback: p.paybackYears && oneDecimal(p.paybackYears),
      minDscr: p.minDscr && formatIndianNumber(p.minDscr.toDecimalPlaces(2), 2),
      explanation: p.explanation[lang],
    })),
    schemes: report.schemes
      .map((match) => schemeView(match, lang))
      .sort((a, b) => STANDING_ORDER[a.standing] - STANDING_ORDER[b.standing]),
    actions,
  };
}
