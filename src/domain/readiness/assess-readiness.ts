import { Decimal } from 'decimal.js';
import type { LocalisedText } from '../catalogue-types.js';
import type { IsoDate } from '../dated.js';
import type { EconomicsInput } from '../economics.js';
import { meetsConditions } from '../eligibility.js';
import { schemeStatusOn, type SchemeStatus } from '../scheme-status.js';
import type { EnterpriseFacts } from '../enterprise-facts.js';
import { formatInr, lakhCroreText } from '../indian-number.js';
import type { Scheme } from '../scheme-types.js';
import { documentChecklist, type DocumentChecklist, type Provenance } from './document-provenance.js';
import {
  completedFiscalYears,
  projectInclusiveDscr,
  statementsLatestFirst,
  type Derived,
  type FinancialYear,
  type StatementRatios,
} from './financial-statements.js';
import {
  improvementActions,
  requiredContributionInr,
  shortName,
  type ImprovementAction,
} from './improvement-actions.js';
import { projectCover, type ProjectCover } from './project-cover.js';
import {
  bandFor,
  decimalText,
  fill,
  plain,
  runningTotals,
  scoreFactor,
  thresholdText,
  totalScore,
  type Band,
  type FactorResult,
  type Measured,
} from './scorecard.js';
import type {
  FactorDefinition,
  FactorRule,
  GateDefinition,
  GateId,
  PillarDefinition,
  PillarId,
  Scorecard,
} from './scorecard-types.js';

// The loan-readiness assessment (readiness.md): hard gates, then the factors of each pillar scored from the
// statements, the credit record, the project and the documents; the band; and what to fix first.

export const savingsBases = ['estimate', 'walk-through-audit', 'investment-grade-audit'] as const;
export type SavingsBasis = (typeof savingsBases)[number];
/** The savings bases that are an owner's audited figure rather than the model's estimate. */
export const auditBases = ['walk-through-audit', 'investment-grade-audit'] as const;
export type AuditBasis = (typeof auditBases)[number];

export const smaStatuses = ['SMA-0', 'SMA-1', 'SMA-2', 'NPA'] as const;
export type SmaStatus = (typeof smaStatuses)[number];

export interface ReadinessInput {
  asOf: IsoDate;
  /** Enterprise and project facts for scheme matching; `category` classified by the caller. */
  facts: EnterpriseFacts;
  financials: readonly FinancialYear[];
  credit: {
    /** 1 (best) – 10; null = new to credit; undefined = not given. */
    cmrRank?: number | null | undefined;
    inDefault?: boolean | undefined;
    /** null = no SMA flag in the last 12 months; undefined = not given. */
    smaStatus?: SmaStatus | null | undefined;
  };
  compliance: {
    consentToOperateValidUntil?: IsoDate | undefined;
    gstRegistered?: boolean | undefined;
    udyamRegistered?: boolean | undefined;
  };
  /** Document id → provenance; a document not listed is missing. */
  documents: Readonly<Record<string, Provenance>>;
  /** Figure path (e.g. `financials.2024-25.netWorthInr`, `project.capexInr`) → provenance, where given. */
  figures: Readonly<Record<string, Provenance>>;
  project: {
    economics: EconomicsInput;
    promoterContributionInr?: Decimal | undefined;
    savingsBasis: SavingsBasis;
    collateralOffered: boolean;
  };
}

export interface ReadinessContext {
  scorecard: Scorecard;
  schemes: readonly Scheme[];
  /** The bank's expected own contribution, percent of project cost (bank-norms.yaml). */
  requiredContributionPct: Decimal;
}

export interface GateResult {
  id: GateId;
  text: LocalisedText;
  passed: boolean;
  /** Why it failed; null when it passed. */
  reason: LocalisedText | null;
  action: LocalisedText;
  reference: string;
}

export interface PillarResult {
  id: PillarId;
  label: LocalisedText;
  points: Decimal;
  maxPoints: Decimal;
}

export type ConfidenceLevel = 'high' | 'medium' | 'low';

/** Where a scheme stands for this enterprise: only open schemes are evaluated, the others cannot be applied to. */
export interface SchemeStanding {
  schemeId: string;
  status: SchemeStatus;
  /** As in eligibility: true only when open and every criterion passes; null when not open or undecidable. */
  eligible: boolean | null;
}

export interface ReadinessAssessment {
  asOf: IsoDate;
  score: Decimal;
  band: Band;
  /** Failed gates first, so the reason that decides the band is read first. */
  gates: GateResult[];
  pillars: PillarResult[];
  factors: FactorResult[];
  ratios: {
    currentRatio: Derived;
    tolTnw: Derived;
    dscr: Derived;
    /** With the new loan: (accruals + year-1 saving) ÷ (existing + new debt service). */
    projectDscrYear1: Derived;
    /** The project alone: year-1 saving ÷ the new loan's year-1 debt service. */
    savingsDscrYear1: Derived;
  };
  statements: StatementRatios[];
  actions: ImprovementAction[];
  checklist: DocumentChecklist;
  /** Fewer statements than the three latest fiscal years lowers confidence; it does not stop the assessment. */
  confidence: { level: ConfidenceLevel; missingFiscalYears: string[] };
  project: ProjectCover;
  schemeStandings: SchemeStanding[];
}

const ZERO = new Decimal(0);
const ONE = new Decimal(1);

/** Why a gate fails, or null when it passes. */
function gateFailure(id: GateId, input: ReadinessInput, cover: ProjectCover): LocalisedText | null {
  switch (id) {
    case 'no-current-default': {
      const sma = input.credit.smaStatus;
      if (sma === 'NPA' || sma === 'SMA-2') return plain(sma);
      return input.credit.inDefault === true || input.facts.inDefault === true
        ? { en: 'in default', hi: 'चूक में' }
        : null;
    }
    case 'udyam-registered':
      return (input.compliance.udyamRegistered ?? input.facts.udyamRegistered) === true
        ? null
        : { en: 'not registered', hi: 'पंजीकृत नहीं' };
    case 'consent-to-operate': {
      const until = input.compliance.consentToOperateValidUntil;
      if (until === undefined) return { en: 'none given', hi: 'कोई नहीं दी गई' };
      return until >= input.asOf ? null : { en: `expired on ${until}`, hi: `${until} को समाप्त` };
    }
    case 'positive-saving':
      return cover.firstYearSavingInr.greaterThan(0) ? null : plain(formatInr(cover.firstYearSavingInr));
  }
}

function gateResults(input: ReadinessInput, scorecard: Scorecard, cover: ProjectCover): GateResult[] {
  const results = scorecard.gates.map((gate: GateDefinition): GateResult => {
    const value = gateFailure(gate.id, input, cover);
    return {
      id: gate.id,
      text: gate.text,
      passed: value === null,
      reason: value === null ? null : fill(gate.failed, { value, asOf: input.asOf }),
      action: gate.action,
      reference: gate.reference,
    };
  });
  return [...results.filter((gate) => !gate.passed), ...results.filter((gate) => gate.passed)];
}

const SAVINGS_BASIS_TEXT: Record<SavingsBasis, LocalisedText> = {
  'investment-grade-audit': { en: 'an investment-grade energy audit', hi: 'निवेश-ग्रेड ऊर्जा ऑडिट' },
  'walk-through-audit': { en: 'a walk-through energy audit', hi: 'वॉक-थ्रू ऊर्जा ऑडिट' },
  estimate: { en: 'an estimate without an audit', hi: 'बिना ऑडिट का अनुमान' },
};

const NEW_TO_CREDIT = {
  en: '{label}: no rank, because the enterprise is new to credit. This is treated as neutral, not as a bad rank: {points} of {max} points (half).',
  hi: '{label}: कोई रैंक नहीं, क्योंकि उद्यम ऋण के लिए नया है। इसे तटस्थ माना गया है, ख़राब रैंक नहीं: {max} में से {points} अंक (आधे)।',
};
const NO_EXISTING_DEBT = {
  en: '{label}: there is no existing term debt to service, so {points} of {max} points.',
  hi: '{label}: चुकाने के लिए कोई मौजूदा सावधि ऋण नहीं है, इसलिए {max} में से {points} अंक।',
};
const NO_CURRENT_LIABILITIES = {
  en: '{label}: there are no current liabilities against {value} of current assets, so {points} of {max} points.',
  hi: '{label}: {value} की चालू परिसंपत्तियों के सामने कोई चालू देनदारी नहीं, इसलिए {max} में से {points} अंक।',
};
const CONTRIBUTION = {
  en: '{label}: {value} ({amount}); banks expect at least {required} % ({requiredAmount}), so {points} of {max} points.',
  hi: '{label}: {value} ({amount}); बैंक कम से कम {required} % ({requiredAmount}) चाहते हैं, इसलिए {max} में से {points} अंक।',
};

function fromDerived(derived: Derived): Measured {
  return derived.value === null
    ? { kind: 'unknown', reason: derived.reason }
    : { kind: 'number', value: derived.value, display: plain(decimalText(derived.value)) };
}

function yearsText(years: Decimal): LocalisedText {
  const text = thresholdText(years);
  return { en: `${text} years`, hi: `${text} वर्ष` };
}

interface Measuring {
  input: ReadinessInput;
  context: ReadinessContext;
  latest: FinancialYear | undefined;
  statements: StatementRatios[];
  cover: ProjectCover;
  checklist: DocumentChecklist;
  evaluations: readonly SchemeStanding[];
  requiredContributionInr: Decimal;
}

function measure(definition: FactorDefinition, m: Measuring): Measured {
  const { input, latest, cover } = m;
  const ratios = m.statements[0];
  const noStatements: Measured = {
    kind: 'unknown',
    reason: { en: 'no financial statements were given', hi: 'कोई वित्तीय विवरण नहीं दिया गया' },
  };
  switch (definition.id) {
    case 'existing-dscr': {
      if (!ratios || !latest) return noStatements;
      const accruals = latest.profitAfterTaxInr;
      if (ratios.dscr.value === null && ratios.debtServiceInr.isZero() && accruals !== undefined) {
        const solvent = accruals.plus(latest.depreciationInr ?? ZERO).gte(0);
        const display = { en: 'no existing debt', hi: 'कोई मौजूदा ऋण नहीं' };
        return solvent
          ? { kind: 'decided', outcome: 'full', share: ONE, display, sentence: NO_EXISTING_DEBT }
          : { kind: 'unknown', reason: { en: 'no debt, but a cash loss', hi: 'ऋण नहीं, पर नकद हानि' } };
      }
      return fromDerived(ratios.dscr);
    }
    case 'current-ratio': {
      if (!ratios || !latest) return noStatements;
      const assets = latest.currentAssetsInr;
      if (latest.currentLiabilitiesInr?.isZero() && assets?.greaterThan(0)) {
        return {
          kind: 'decided',
          outcome: 'full',
          share: ONE,
          display: plain(formatInr(assets)),
          sentence: NO_CURRENT_LIABILITIES,
        };
      }
      return fromDerived(ratios.currentRatio);
    }
    case 'tol-tnw':
      return ratios ? fromDerived(ratios.tolTnw) : noStatements;
    case 'cash-profit': {
      const lastTwo = m.statements.slice(0, 2);
      const known = lastTwo.flatMap((year) =>
        year.cashProfitInr.value === null ? [] : [year.cashProfitInr.value],
      );
      if (known.length === 0) {
        const stated = input.facts.cashProfitLastTwoYears;
        if (stated === undefined) return noStatements;
        known.push(...(stated ? [new Decimal(1), new Decimal(1)] : []));
      }
      const years = known.filter((profit) => profit.greaterThan(0)).length;
      const level = years >= 2 ? 'both-years' : years === 1 ? 'one-year' : 'neither';
      const display =
        known.length < 2 && m.statements.length > 0
          ? {
              en: `cash profit in ${years} of the one year given`,
              hi: `दिए गए एक वर्ष में से ${years} में नकद लाभ`,
            }
          : {
              en: `cash profit in ${years} of the last two years`,
              hi: `पिछले दो वर्षों में से ${years} में नकद लाभ`,
            };
      return { kind: 'level', level, display };
    }
    case 'cmr-rank': {
      const rank = input.credit.cmrRank !== undefined ? input.credit.cmrRank : input.facts.cmrRank;
      if (rank === undefined)
        return {
          kind: 'unknown',
          reason: { en: 'the CIBIL MSME Rank was not given', hi: 'सिबिल एमएसएमई रैंक नहीं दी गई' },
        };
      if (rank === null) {
        return {
          kind: 'decided',
          outcome: 'neutral',
          share: m.context.scorecard.newToCreditShare,
          display: { en: 'new to credit', hi: 'ऋण के लिए नया' },
          sentence: NEW_TO_CREDIT,
        };
      }
      return { kind: 'number', value: new Decimal(rank), display: plain(`CMR-${rank}`) };
    }
    case 'repayment-conduct': {
      const sma = input.credit.smaStatus;
      if (sma === undefined)
        return {
          kind: 'unknown',
          reason: { en: 'the SMA status was not given', hi: 'एसएमए स्थिति नहीं दी गई' },
        };
      return {
        kind: 'level',
        level: sma ?? 'none',
        display:
          sma === null
            ? { en: 'no SMA flag in the last 12 months', hi: 'पिछले 12 महीनों में कोई एसएमए चिह्न नहीं' }
            : { en: `classified ${sma} in the last 12 months`, hi: `पिछले 12 महीनों में ${sma} श्रेणी` },
      };
    }
    case 'vintage': {
      const years = input.facts.yearsInOperation;
      if (years === undefined)
        return {
          kind: 'unknown',
          reason: { en: 'years in operation not given', hi: 'संचालन के वर्ष नहीं दिए गए' },
        };
      const value = new Decimal(years);
      return { kind: 'number', value, display: yearsText(value) };
    }
    case 'simple-payback':
      return cover.simplePaybackYears === null
        ? {
            kind: 'unknown',
            reason: {
              en: 'the first-year net saving is not positive',
              hi: 'पहले वर्ष की शुद्ध बचत धनात्मक नहीं है',
            },
          }
        : {
            kind: 'number',
            value: cover.simplePaybackYears,
            display: yearsText(cover.simplePaybackYears.toDecimalPlaces(2)),
          };
    case 'project-dscr': {
      const first = cover.loan?.years[0];
      if (!first)
        return { kind: 'unknown', reason: { en: 'no loan terms were given', hi: 'ऋण की शर्तें नहीं दी गईं' } };
      if (first.dscr === null)
        return {
          kind: 'unknown',
          reason: { en: 'no debt service in year 1', hi: 'वर्ष 1 में कोई ऋण भुगतान नहीं' },
        };
      return { kind: 'number', value: first.dscr, display: plain(decimalText(first.dscr)) };
    }
    case 'savings-basis':
      return {
        kind: 'level',
        level: input.project.savingsBasis,
        display: SAVINGS_BASIS_TEXT[input.project.savingsBasis],
      };
    case 'own-contribution':
      return contributionMeasure(m, definition.rule);
    case 'collateral-route': {
      const guarantors = m.evaluations.filter(
        (evaluation) =>
          (evaluation.schemeId === 'cgtmse' || evaluation.schemeId === 'mcgs-msme') &&
          evaluation.eligible === true,
      );
      const names = guarantors
        .map((evaluation) => shortName(m.context.schemes, evaluation.schemeId))
        .join(', ');
      const display: LocalisedText = input.project.collateralOffered
        ? { en: 'collateral offered', hi: 'संपार्श्विक की पेशकश' }
        : guarantors.length > 0
          ? { en: `a collateral-free route: ${names}`, hi: `बिना संपार्श्विक का रास्ता: ${names}` }
          : {
              en: 'no collateral offered and no guarantee scheme confirmed',
              hi: 'न संपार्श्विक की पेशकश, न कोई गारंटी योजना पुष्ट',
            };
      return { kind: 'yes-no', yes: input.project.collateralOffered || guarantors.length > 0, display };
    }
    case 'documents': {
      const { items, share } = m.checklist;
      const inHand = items.filter((item) => item.effectiveStatus !== 'missing').length;
      const pct = decimalText(share.times(100), 0);
      return {
        kind: 'share',
        share,
        display: {
          en: `${inHand} of ${items.length} documents in hand, ${pct} % after weighting by who checked them`,
          hi: `${items.length} में से ${inHand} दस्तावेज़ हाथ में, जाँचने वाले के अनुसार भारित करने पर ${pct} %`,
        },
      };
    }
    case 'gst': {
      const registered = (input.compliance.gstRegistered ?? input.facts.gstRegistered) === true;
      const filed = (input.documents['gst-returns-12m']?.status ?? 'missing') !== 'missing';
      const display: LocalisedText =
        registered && filed
          ? { en: 'registered, returns filed', hi: 'पंजीकृत, रिटर्न दाखिल' }
          : registered
            ? {
                en: 'registered, but no returns for the last 12 months',
                hi: 'पंजीकृत, पर पिछले 12 महीनों के रिटर्न नहीं',
              }
            : { en: 'not registered', hi: 'पंजीकृत नहीं' };
      return { kind: 'yes-no', yes: registered && filed, display };
    }
  }
}

function contributionMeasure(m: Measuring, rule: FactorRule): Measured {
  const { input, context } = m;
  const given = input.project.promoterContributionInr;
  if (given === undefined || rule.kind !== 'contribution')
    return { kind: 'unknown', reason: { en: 'own contribution not given', hi: 'अपना अंशदान नहीं दिया गया' } };
  const pct = given.dividedBy(input.project.economics.capexInr).times(100);
  const required = context.requiredContributionPct;
  const outcome = pct.gte(required)
    ? 'full'
    : pct.gte(required.minus(rule.partialWithinPoints))
      ? 'partial'
      : 'none';
  const share = outcome === 'full' ? ONE : outcome === 'partial' ? rule.partialShare : ZERO;
  const pctText = decimalText(pct, 1);
  return {
    kind: 'decided',
    outcome,
    share,
    display: { en: `${pctText} % of the project cost`, hi: `परियोजना लागत का ${pctText} %` },
    sentence: CONTRIBUTION,
    params: {
      amount: lakhCroreText(given),
      required: thresholdText(required),
      requiredAmount: lakhCroreText(m.requiredContributionInr),
    },
  };
}

// The most a pillar can score is the scorecard's, the same for every assessment.
const pillarMaxima = new WeakMap<PillarDefinition, Decimal>();

function pillarMaxPoints(pillar: PillarDefinition): Decimal {
  let max = pillarMaxima.get(pillar);
  if (max === undefined) {
    max = totalScore(pillar.factors.map((factor) => ({ points: factor.maxPoints })));
    pillarMaxima.set(pillar, max);
  }
  return max;
}

/** The whole assessment for one enterprise and project on `input.asOf`. */
export function assessReadiness(input: ReadinessInput, context: ReadinessContext): ReadinessAssessment {
  const { scorecard } = context;
  const { years, ratios: statements } = statementsLatestFirst(input.financials);
  const latest = years[0];
  const cover = projectCover(input.project.economics);
  // Eligibility is the costly part; a scheme that is not open has none to show here, so it is not evaluated.
  const evaluations = context.schemes.map((scheme): SchemeStanding => {
    const status = schemeStatusOn(scheme.validity, scheme.administrator, input.asOf);
    if (status.status !== 'open') return { schemeId: scheme.id, status, eligible: null };
    return {
      schemeId: scheme.id,
      status,
      eligible: meetsConditions(scheme, input.facts, input.asOf),
    };
  });
  const matched = context.schemes.filter((_, index) => evaluations[index]?.eligible === true);
  const hasExistingDebt = statements[0]?.debtServiceInr.greaterThan(0) ?? false;
  const checklist = documentChecklist(scorecard, input.documents, input.figures, {
    hasExistingDebt,
    matchedSchemes: matched,
  });

  const measuring: Measuring = {
    input,
    context,
    latest,
    statements,
    cover,
    checklist,
    evaluations,
    requiredContributionInr: requiredContributionInr(input, context),
  };
  const factors = scorecard.pillars.flatMap((pillar) =>
    pillar.factors.map((definition) => scoreFactor(definition, pillar.id, measure(definition, measuring))),
  );
  const pillars = scorecard.pillars.map((pillar) => {
    const own = factors.filter((factor) => factor.pillar === pillar.id);
    return {
      id: pillar.id,
      label: pillar.label,
      points: totalScore(own),
      maxPoints: pillarMaxPoints(pillar),
    };
  });
  const gates = gateResults(input, scorecard, cover);
  const sums = runningTotals(factors);
  const score = sums[sums.length - 1] ?? ZERO;
  const band = bandFor(
    score,
    gates.every((gate) => gate.passed),
    scorecard.bands,
  );

  const newDebtServiceYear1 = cover.loan?.years[0]?.debtServiceInr ?? ZERO;
  const firstLoanYear = cover.loan?.years[0];
  const expected = completedFiscalYears(input.asOf, 3);
  const missingFiscalYears = expected.filter((year) => !years.some((given) => given.fiscalYear === year));
  const emptyRatio: Derived = {
    value: null,
    reason: { en: 'no financial statements were given', hi: 'कोई वित्तीय विवरण नहीं दिया गया' },
  };

  return {
    asOf: input.asOf,
    score,
    band,
    gates,
    pillars,
    factors,
    ratios: {
      currentRatio: statements[0]?.currentRatio ?? emptyRatio,
      tolTnw: statements[0]?.tolTnw ?? emptyRatio,
      dscr: statements[0]?.dscr ?? emptyRatio,
      projectDscrYear1: projectInclusiveDscr(latest, cover.firstYearSavingInr, newDebtServiceYear1),
      savingsDscrYear1:
        firstLoanYear?.dscr != null
          ? { value: firstLoanYear.dscr, reason: null }
          : {
              value: null,
              reason: { en: 'no new loan debt service in year 1', hi: 'वर्ष 1 में नए ऋण का कोई भुगतान नहीं' },
            },
    },
    statements,
    actions: improvementActions({
      factors,
      sums,
      requiredContributionInr: measuring.requiredContributionInr,
      gates,
      scorecard,
      schemes: context.schemes,
      evaluations,
      checklist,
      input,
      context,
    }),
    checklist,
    confidence: {
      level: missingFiscalYears.length === 0 ? 'high' : missingFiscalYears.length === 1 ? 'medium' : 'low',
      missingFiscalYears,
    },
    project: cover,
    schemeStandings: evaluations,
  };
}
