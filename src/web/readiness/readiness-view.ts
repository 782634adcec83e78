import { Decimal } from 'decimal.js';
import type { Confidence } from '../../domain/dated.js';
import { formatInr } from '../../domain/indian-number.js';
import type { Band, Outcome } from '../../domain/readiness/scorecard.js';
import type { ReadinessGap, ReadinessResult } from '../../services/readiness-service.js';
import type { Lang } from '../i18n.js';

// Everything the readiness panel shows, already formatted in the reader's language: views do no arithmetic
// (architecture.md). One view-model serves the owner's, the advisor's and the bank officer's pages.

export type GateState = 'failed' | 'passed' | 'pending';
export type FactorState = Outcome | 'pending';

export interface ReadinessView {
  /** "86.07": to two places, as the API gives it. */
  score: string;
  /** null while the band waits on parts not assessed yet. */
  band: Band | null;
  gauge: { radius: number; circumference: string; filled: string };
  gates: { id: string; text: string; state: GateState; reason: string | null; reference: Reference }[];
  pillars: {
    id: string;
    label: string;
    points: string;
    maxPoints: string;
    percent: string;
    barWidth: string;
  }[];
  /** The bar's full width in SVG units, for the pillar bars. */
  barMax: number;
  factors: {
    id: string;
    pillar: string;
    label: string;
    points: string;
    maxPoints: string;
    value: string | null;
    /** "≥ 1.5 full, ≥ 1.25 partial" style threshold, or null for a factor without numeric thresholds. */
    threshold: { comparison: 'at-least' | 'at-most'; full: string; partial: string } | null;
    state: FactorState;
    explanation: string;
    reference: Reference;
    confidence: Confidence;
  }[];
  actions: { id: string; text: string; mustFix: boolean; gain: string | null; scoreAfter: string | null }[];
  sensitivity: {
    rows: {
      id: string;
      label: string;
      year1Dscr: string | null;
      minDscr: string | null;
      payback: string | null;
    }[];
    breakEvenInr: string | null;
    headroomPct: string | null;
    breakEvenReason: string | null;
    notes: string[];
  } | null;
  confidence: { level: 'high' | 'medium' | 'low'; missingFiscalYears: string };
  gaps: ReadinessGap[];
  asOf: string;
}

/** A link when the reference is a web address, else the note as written (design documents are in English). */
export type Reference = { href: string } | { text: string };

const GAUGE_RADIUS = 52;
const BAR_MAX = 200;

const twoPlaces = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2);
/** Points as the factor sentences write them: whole points bare, others to two places. */
export const formatPoints = (value: Decimal) => (value.isInteger() ? value.toFixed(0) : twoPlaces(value));
const ratioOrNull = (value: Decimal | null) => (value === null ? null : twoPlaces(value));
const referenceOf = (reference: string): Reference =>
  /^https?:\/\//.test(reference) ? { href: reference } : { text: reference };

export function readinessView(result: ReadinessResult, lang: Lang): ReadinessView {
  const { assessment, sensitivity, pending } = result;
  const circumference = new Decimal(2 * Math.PI * GAUGE_RADIUS);
  const filled = circumference.times(Decimal.min(assessment.score, 100)).dividedBy(100);
  const gates = assessment.gates.map((gate) => {
    const state: GateState = pending.gates.includes(gate.id) ? 'pending' : gate.passed ? 'passed' : 'failed';
    return {
      id: gate.id,
      text: gate.text[lang],
      state,
      reason: state === 'failed' ? (gate.reason?.[lang] ?? null) : null,
      reference: referenceOf(gate.reference),
    };
  });
  return {
    score: twoPlaces(assessment.score),
    band: result.band,
    gauge: { radius: GAUGE_RADIUS, circumference: circumference.toFixed(2), filled: filled.toFixed(2) },
    // Failed first, as the domain orders them, so the reason that decides the band is read first; pending ones
    // last, they decide nothing yet.
    gates: (['failed', 'passed', 'pending'] as const).flatMap((state) =>
      gates.filter((gate) => gate.state === state),
    ),
    pillars: assessment.pillars.map((pillar) => {
      const share = pillar.maxPoints.isZero() ? new Decimal(0) : pillar.points.dividedBy(pillar.maxPoints);
      return {
        id: pillar.id,
        label: pillar.label[lang],
        points: formatPoints(pillar.points),
        maxPoints: formatPoints(pillar.maxPoints),
        percent: share.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toFixed(0),
        barWidth: share.times(BAR_MAX).toFixed(1),
      };
    }),
    barMax: BAR_MAX,
    factors: assessment.factors.map((factor) => ({
      id: factor.id,
      pillar: assessment.pillars.find((pillar) => pillar.id === factor.pillar)?.label[lang] ?? factor.pillar,
      label: factor.label[lang],
      points: formatPoints(factor.points),
      maxPoints: formatPoints(factor.maxPoints),
      value: factor.value?.[lang] ?? null,
      threshold: factor.threshold,
      state: pending.factors.includes(factor.id) ? 'pending' : factor.outcome,
      explanation: factor.explanation[lang],
      reference: referenceOf(factor.reference),
      confidence: factor.confidence,
    })),
    actions: assessment.actions.map((action) => ({
      id: action.id,
      text: action.text[lang],
      mustFix: action.mustFix,
      gain: action.pointsGain === null ? null : twoPlaces(action.pointsGain),
      scoreAfter: action.scoreAfter === null ? null : twoPlaces(action.scoreAfter),
    })),
    sensitivity:
      sensitivity === null
        ? null
        : {
            rows: sensitivity.cases.map((row) => ({
              id: row.id,
              label: row.label[lang],
              year1Dscr: ratioOrNull(row.year1Dscr),
              minDscr: ratioOrNull(row.minDscr),
              payback: ratioOrNull(row.simplePaybackYears),
            })),
            breakEvenInr:
              sensitivity.breakEven.annualEnergySavingsInr === null
                ? null
                : formatInr(sensitivity.breakEven.annualEnergySavingsInr),
            headroomPct:
              sensitivity.breakEven.headroomPct === null
                ? null
                : sensitivity.breakEven.headroomPct.toDecimalPlaces(1, Decimal.ROUND_HALF_EVEN).toFixed(1),
            breakEvenReason: sensitivity.breakEven.reason?.[lang] ?? null,
            notes: [sensitivity.tariffNote[lang], sensitivity.delayNote[lang]],
          },
    confidence: {
      level: assessment.confidence.level,
      missingFiscalYears: assessment.confidence.missingFiscalYears.join(', '),
    },
    gaps: result.gaps,
    asOf: assessment.asOf,
  };
}
