import { figureProvenance } from '../domain/figure-checks.js';
import { Decimal } from 'decimal.js';
import type { Catalogue } from '../catalogue/load-catalogue.js';
import type { Cluster } from '../domain/catalogue-types.js';
import { classify, normsOn } from '../domain/classification.js';
import { valueOn, type IsoDate } from '../domain/dated.js';
import type { EnterpriseFacts } from '../domain/enterprise-facts.js';
import type { EnterpriseProfile, FiscalYearFigures, ProfileStep } from '../domain/enterprise-profile.js';
import {
  assessReadiness,
  type ReadinessAssessment,
  type ReadinessInput,
} from '../domain/readiness/assess-readiness.js';
import type { Provenance } from '../domain/readiness/document-provenance.js';
import type { FinancialYear } from '../domain/readiness/financial-statements.js';
import { readinessSensitivity, type Sensitivity } from '../domain/readiness/readiness-sensitivity.js';
import { bandFor, fill, totalScore, type Band } from '../domain/readiness/scorecard.js';
import type { FactorId, GateId } from '../domain/readiness/scorecard-types.js';

// Readiness for a saved enterprise profile: the profile mapped to the readiness input and assessed with the
// catalogue in force on the day. A profile has no project until the owner applies, so without one the project
// factors and the positive-saving gate are "not assessed yet" rather than scored from an empty project.

/** The project part of the readiness input: a chosen upgrade, its cost, saving and loan. */
export type ReadinessProject = ReadinessInput['project'];

/** Something the profile lacks that the assessment needs, named by the step or part that supplies it. */
export type ReadinessGap = ProfileStep | 'project';

export interface ReadinessResult {
  assessment: ReadinessAssessment;
  /** The table a bank officer asks for; null without a project. */
  sensitivity: Sensitivity | null;
  /** The band, or null when it waits on the parts not assessed yet (every gate that can be checked passes). */
  band: Band | null;
  /** Gates and factors left out because their inputs are not there; they score nothing and say so. */
  pending: { gates: GateId[]; factors: FactorId[] };
  gaps: ReadinessGap[];
}

/** What depends on the project alone. */
const PROJECT_GATES: readonly GateId[] = ['positive-saving'];
const PROJECT_FACTORS: readonly FactorId[] = [
  'simple-payback',
  'project-dscr',
  'savings-basis',
  'own-contribution',
];

/** An empty project, only so the rest can be assessed; everything read from it is marked pending. */
const NO_PROJECT: ReadinessProject = {
  economics: {
    capexInr: new Decimal(0),
    subsidyInr: new Decimal(0),
    annualEnergySavingsInr: new Decimal(0),
    annualOmCostInr: new Decimal(0),
    lifetimeYears: 1,
    discountRatePct: new Decimal(0),
    savingsEscalationPct: new Decimal(0),
  },
  savingsBasis: 'estimate',
  collateralOffered: false,
};

/** The profile steps whose absence the assessment feels, in the order the owner fills them. */
const STEPS_READ: readonly ProfileStep[] = ['enterprise', 'finances', 'credit', 'compliance', 'documents'];

function financialYear(year: FiscalYearFigures): FinancialYear {
  const figures = Object.entries(year).filter(([key, value]) => key !== 'fiscalYear' && value !== null) as [
    string,
    Decimal,
  ][];
  return { fiscalYear: year.fiscalYear, ...Object.fromEntries(figures) };
}

function factsOf(
  profile: EnterpriseProfile,
  cluster: Cluster | undefined,
  catalogue: Catalogue,
  asOf: IsoDate,
): EnterpriseFacts {
  const { details, credit } = profile;
  const latest = [...profile.financials].sort((a, b) => b.fiscalYear.localeCompare(a.fiscalYear))[0];
  const turnover = latest?.revenueInr ?? null;
  const norms = normsOn(catalogue, asOf);
  const category =
    norms && details.investmentInr !== null && turnover !== null && !turnover.isNegative()
      ? classify({ investment: details.investmentInr, turnover, exportTurnover: new Decimal(0) }, norms)
          .category
      : undefined;
  const facts: Record<string, unknown> = {
    state: cluster?.state,
    district: cluster?.district,
    clusterId: details.clusterId,
    sector: cluster?.sector,
    // Every cluster the app serves (foundries, textiles, leather, ceramics) makes goods.
    activity: cluster ? 'manufacturing' : undefined,
    category,
    investmentInr: details.investmentInr ?? undefined,
    turnoverInr: turnover ?? undefined,
    yearsInOperation:
      details.yearOfStart === null ? undefined : Math.max(0, Number(asOf.slice(0, 4)) - details.yearOfStart),
    ownership: details.ownership ?? undefined,
    udyamRegistered: details.udyamNumber !== null,
    gstRegistered: details.gstNumber !== null,
    cmrRank: credit === null ? undefined : credit.newToCredit ? null : (credit.cmrRank ?? undefined),
    inDefault: credit === null ? undefined : credit.smaStatus === 'NPA',
  };
  // An absent fact is unknown; an explicit undefined would read as a value to some checks.
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined));
}

function documentsOf(profile: EnterpriseProfile): Record<string, Provenance> {
  const documents: Record<string, Provenance> = Object.fromEntries(
    profile.documents.map((record) => [
      record.documentId,
      { status: record.provenance, on: record.updatedAt.slice(0, 10) },
    ]),
  );
  // "Returns filed" on the compliance step is the owner's own word for the returns: self-declared.
  if (profile.compliance?.gstReturnsFiled && !documents['gst-returns-12m'])
    documents['gst-returns-12m'] = { status: 'self-declared' };
  return documents;
}

/** The readiness input of a saved profile, with the project when there is one. */
export function readinessInputOf(
  profile: EnterpriseProfile,
  catalogue: Catalogue,
  asOf: IsoDate,
  project: ReadinessProject | undefined,
): ReadinessInput {
  const facts = factsOf(profile, catalogue.clusterById(profile.details.clusterId), catalogue, asOf);
  const { credit, compliance } = profile;
  return {
    asOf,
    facts: project
      ? { ...facts, capexInr: project.economics.capexInr, loanInr: project.economics.loan?.principalInr }
      : facts,
    financials: profile.financials.map(financialYear),
    credit:
      credit === null
        ? {}
        : {
            cmrRank: facts.cmrRank,
            smaStatus: credit.smaStatus === 'none' ? null : credit.smaStatus,
          },
    compliance: {
      consentToOperateValidUntil: compliance?.consentToOperateUntil ?? undefined,
      gstRegistered: facts.gstRegistered,
      udyamRegistered: facts.udyamRegistered,
    },
    documents: documentsOf(profile),
    figures: figureProvenance(profile),
    project: project ?? NO_PROJECT,
  };
}

const NOT_ASSESSED = {
  en: '{label}: not assessed yet, because there is no project (an upgrade with its cost, saving and loan).',
  hi: '{label}: अभी आँका नहीं गया, क्योंकि कोई परियोजना नहीं है (लागत, बचत और ऋण के साथ कोई उन्नयन)।',
};

/**
 * The assessment without the project's factors: they score nothing and say why. The project's gate stays in
 * the list for the reader to see, marked pending by the result; it no longer decides the band.
 */
function withoutProject(assessment: ReadinessAssessment): ReadinessAssessment {
  const factors = assessment.factors.map((factor) =>
    PROJECT_FACTORS.includes(factor.id)
      ? {
          ...factor,
          points: new Decimal(0),
          outcome: 'none' as const,
          value: null,
          explanation: fill(NOT_ASSESSED, { label: factor.label }),
        }
      : factor,
  );
  const score = totalScore(factors);
  return {
    ...assessment,
    factors,
    score,
    pillars: assessment.pillars.map((pillar) => ({
      ...pillar,
      points: totalScore(factors.filter((factor) => factor.pillar === pillar.id)),
    })),
    // A gain is the factor's own shortfall, so it stands; the score after it is re-counted without the project.
    actions: assessment.actions
      .filter(
        (action) =>
          !(PROJECT_FACTORS as readonly string[]).includes(action.id) &&
          !(PROJECT_GATES as readonly string[]).includes(action.id),
      )
      .map((action) => ({
        ...action,
        scoreAfter: action.pointsGain === null ? null : score.plus(action.pointsGain),
      })),
  };
}

export interface ReadinessRules {
  catalogue: Catalogue;
  asOf: IsoDate;
}

/**
 * Readiness of a saved profile on `rules.asOf`, or undefined when no scorecard or own-contribution norm was in
 * force that day. While a gate waits on a missing step or the project, the band is given only when another
 * gate already decides it (not ready).
 */
export function profileReadiness(
  profile: EnterpriseProfile,
  rules: ReadinessRules,
  project?: ReadinessProject,
): ReadinessResult | undefined {
  const { catalogue, asOf } = rules;
  const scorecard = catalogue.parameters.readiness && valueOn(catalogue.parameters.readiness, asOf);
  const requiredContributionPct = valueOn(
    catalogue.parameters.bankNorms.promoterContributionMinPct,
    asOf,
  )?.default;
  if (!scorecard || !requiredContributionPct) return undefined;
  const input = readinessInputOf(profile, catalogue, asOf, project);
  const full = assessReadiness(input, { scorecard, schemes: catalogue.schemes, requiredContributionPct });
  const gaps: ReadinessGap[] = STEPS_READ.filter((step) => !profile.completedSteps.includes(step));
  const pendingGates = unansweredGates(profile, project !== undefined);
  const assessment = project ? full : withoutProject(full);
  const withoutPendingGates = {
    ...assessment,
    actions: assessment.actions.filter(
      (action) => action.kind !== 'gate' || !(pendingGates as readonly string[]).includes(action.id),
    ),
  };
  const decided = assessment.gates.filter((gate) => !pendingGates.includes(gate.id));
  const band = decided.some((gate) => !gate.passed)
    ? bandFor(assessment.score, false, scorecard.bands)
    : pendingGates.length > 0
      ? null
      : full.band;
  return {
    assessment: withoutPendingGates,
    sensitivity: project ? readinessSensitivity(project.economics, scorecard.sensitivity) : null,
    band,
    pending: { gates: pendingGates, factors: project ? [] : [...PROJECT_FACTORS] },
    gaps: project ? gaps : [...gaps, 'project'],
  };
}

/**
 * Gates whose answer the profile does not hold yet: an unanswered step is not a failed one. The owner is told
 * which step to add instead of reading that the unit is in default or has no consent to operate.
 */
function unansweredGates(profile: EnterpriseProfile, hasProject: boolean): GateId[] {
  const unanswered: GateId[] = [];
  if (profile.credit === null) unanswered.push('no-current-default');
  if (profile.details.udyamNumber === null && !profile.completedSteps.includes('enterprise'))
    unanswered.push('udyam-registered');
  if (profile.compliance === null) unanswered.push('consent-to-operate');
  if (!hasProject) unanswered.push(...PROJECT_GATES);
  return unanswered;
}

/** A result for an assessment made elsewhere (an application's frozen project): nothing pending. */
export function completeReadiness(
  assessment: ReadinessAssessment,
  sensitivity: Sensitivity | null,
): ReadinessResult {
  return { assessment, sensitivity, band: assessment.band, pending: { gates: [], factors: [] }, gaps: [] };
}
