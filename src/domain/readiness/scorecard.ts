import { Decimal } from 'decimal.js';
import type { LocalisedText } from '../catalogue-types.js';
import type { Confidence } from '../dated.js';
import { roundedString } from '../money.js';
import type { FactorDefinition, FactorId, PillarId, Scorecard } from './scorecard-types.js';

// Scoring one factor from its measured input, explained: the points, the maximum, the input, the threshold met
// or missed and a sentence in English and Hindi. The total is the plain sum, so re-scoring with one factor at
// full differs from the score by exactly that factor's shortfall.

export type Outcome = 'full' | 'partial' | 'none' | 'neutral';

/** What the assessment measured for a factor, before the scorecard turns it into points. */
export type Measured =
  | { kind: 'number'; value: Decimal; display: LocalisedText }
  /** An input that could not be worked out or was not given: no points, and the reason is shown. */
  | { kind: 'unknown'; reason: LocalisedText }
  | { kind: 'level'; level: string; display: LocalisedText }
  | { kind: 'share'; share: Decimal; display: LocalisedText }
  | { kind: 'yes-no'; yes: boolean; display: LocalisedText }
  /** Decided outside the thresholds (no existing debt, new to credit), with its own sentence. */
  | { kind: 'decided'; outcome: Outcome; share: Decimal; display: LocalisedText; sentence: LocalisedText };

export interface FactorResult {
  id: FactorId;
  pillar: PillarId;
  label: LocalisedText;
  points: Decimal;
  maxPoints: Decimal;
  outcome: Outcome;
  /** The input as shown (e.g. "1.32", "CMR-5"); null when it is not known. */
  value: LocalisedText | null;
  /** The full-points and partial thresholds as shown, for numeric factors. */
  threshold: { full: string; partial: string; comparison: 'at-least' | 'at-most' } | null;
  explanation: LocalisedText;
  reference: string;
  confidence: Confidence;
}

export const BANDS = ['ready', 'nearly-ready', 'not-ready'] as const;
export type Band = (typeof BANDS)[number];

// A template's text split at its `{name}` placeholders, kept per text: the templates are the scorecard's and
// this module's sentences, a small fixed set, and a regular-expression replace on every fill was a fifth of an
// assessment. Odd indexes hold placeholder names.
const splitTemplates = new Map<string, string[]>();
const MAX_TEMPLATES = 2000;

function split(text: string): string[] {
  let parts = splitTemplates.get(text);
  if (parts === undefined) {
    parts = text.split(/\{(\w+)\}/);
    if (splitTemplates.size < MAX_TEMPLATES) splitTemplates.set(text, parts);
  }
  return parts;
}

/** Fills `{name}` placeholders of both languages; a LocalisedText parameter gives each language its own. */
export function fill(template: LocalisedText, params: Record<string, string | LocalisedText>): LocalisedText {
  const one = (text: string, lang: 'en' | 'hi') => {
    const parts = split(text);
    let filled = parts[0] ?? '';
    for (let index = 1; index < parts.length; index += 2) {
      const name = parts[index] ?? '';
      const param = params[name];
      filled +=
        (param === undefined ? `{${name}}` : typeof param === 'string' ? param : param[lang]) +
        (parts[index + 1] ?? '');
    }
    return filled;
  };
  return { en: one(template.en, 'en'), hi: one(template.hi, 'hi') };
}

export const plain = (text: string): LocalisedText => ({ en: text, hi: text });
export const decimalText = (value: Decimal, places = 2) => roundedString(value, places);
/** Whole numbers without decimals (a rank, years), others to 2 places. */
export const thresholdText = (value: Decimal) => decimalText(value, value.isInteger() ? 0 : 2);

const SENTENCES = {
  full: {
    en: '{label}: {value} meets the full-points threshold ({op} {full}), so {points} of {max} points.',
    hi: '{label}: {value} पूरे अंकों की सीमा ({op} {full}) पूरी करता है, इसलिए {max} में से {points} अंक।',
  },
  partial: {
    en: '{label}: {value} meets the partial threshold ({op} {partial}) but not the full one ({op} {full}), so {points} of {max} points.',
    hi: '{label}: {value} आंशिक सीमा ({op} {partial}) पूरी करता है पर पूरी सीमा ({op} {full}) नहीं, इसलिए {max} में से {points} अंक।',
  },
  none: {
    en: '{label}: {value} misses even the partial threshold ({op} {partial}), so {points} of {max} points.',
    hi: '{label}: {value} आंशिक सीमा ({op} {partial}) भी पूरी नहीं करता, इसलिए {max} में से {points} अंक।',
  },
  unknown: {
    en: '{label}: cannot be worked out ({reason}), so {points} of {max} points.',
    hi: '{label}: निकाला नहीं जा सका ({reason}), इसलिए {max} में से {points} अंक।',
  },
  stated: {
    en: '{label}: {value}, so {points} of {max} points.',
    hi: '{label}: {value}, इसलिए {max} में से {points} अंक।',
  },
} satisfies Record<string, LocalisedText>;

const shareOf = (outcome: Outcome, partialShare: Decimal): Decimal =>
  outcome === 'full' ? new Decimal(1) : outcome === 'partial' ? partialShare : new Decimal(0);

function fromShare(share: Decimal): Outcome {
  if (share.gte(1)) return 'full';
  return share.isZero() ? 'none' : 'partial';
}

function ruleSource(definition: FactorDefinition): { reference: string; confidence: Confidence } {
  const { rule } = definition;
  switch (rule.kind) {
    case 'at-least':
    case 'at-most':
      return { reference: rule.full.reference, confidence: rule.full.confidence };
    case 'levels':
    case 'proportional':
    case 'yes-no':
    case 'contribution':
      return { reference: rule.reference, confidence: rule.confidence };
  }
}

/** Points, outcome and sentence of one factor. `partialShare` of a contribution rule applies via `level`. */
export function scoreFactor(
  definition: FactorDefinition,
  pillar: PillarId,
  measured: Measured,
): FactorResult {
  const { rule, maxPoints, label } = definition;
  const { reference, confidence } = ruleSource(definition);
  const finish = (
    outcome: Outcome,
    share: Decimal,
    value: LocalisedText | null,
    sentence: LocalisedText,
    threshold: FactorResult['threshold'] = null,
  ): FactorResult => {
    const points = maxPoints.times(share);
    const explanation = fill(sentence, {
      label,
      value: value ?? plain(''),
      points: decimalText(points, points.isInteger() ? 0 : 2),
      max: decimalText(maxPoints, 0),
    });
    // Written out rather than spread from a base object: in V8 `{ ...base, more }` costs microseconds a time.
    return {
      id: definition.id,
      pillar,
      label,
      maxPoints,
      reference,
      confidence,
      points,
      outcome,
      value,
      threshold,
      explanation,
    };
  };

  switch (measured.kind) {
    case 'unknown':
      return finish('none', new Decimal(0), null, fill(SENTENCES.unknown, { reason: measured.reason }));
    case 'decided':
      return finish(measured.outcome, measured.share, measured.display, measured.sentence);
    case 'number': {
      if (rule.kind !== 'at-least' && rule.kind !== 'at-most')
        throw new TypeError(`${definition.id}: a number needs an at-least or at-most rule`);
      const better = (threshold: Decimal) =>
        rule.kind === 'at-least' ? measured.value.gte(threshold) : measured.value.lte(threshold);
      const outcome = better(rule.full.value) ? 'full' : better(rule.partial.value) ? 'partial' : 'none';
      const op = rule.kind === 'at-least' ? '≥' : '≤';
      const threshold = {
        full: thresholdText(rule.full.value),
        partial: thresholdText(rule.partial.value),
        comparison: rule.kind,
      };
      const sentence = fill(SENTENCES[outcome], {
        op,
        full: threshold.full,
        partial: threshold.partial,
      });
      return finish(outcome, shareOf(outcome, rule.partialShare), measured.display, sentence, threshold);
    }
    case 'level': {
      if (rule.kind !== 'levels') throw new TypeError(`${definition.id}: a level needs a levels rule`);
      const share = rule.levels[measured.level] ?? new Decimal(0);
      return finish(fromShare(share), share, measured.display, SENTENCES.stated);
    }
    case 'share':
      return finish(fromShare(measured.share), measured.share, measured.display, SENTENCES.stated);
    case 'yes-no':
      return finish(
        measured.yes ? 'full' : 'none',
        new Decimal(measured.yes ? 1 : 0),
        measured.display,
        SENTENCES.stated,
      );
  }
}

export function totalScore(factors: readonly Pick<FactorResult, 'points'>[]): Decimal {
  return factors.reduce((sum, factor) => sum.plus(factor.points), new Decimal(0));
}

/** The score with one factor at its full points: what fixing that factor is worth, never a guess. */
export function scoreWithFactorAtFull(factors: readonly FactorResult[], id: FactorId): Decimal {
  return totalScore(factors.map((factor) => (factor.id === id ? { points: factor.maxPoints } : factor)));
}

/** ready ≥ bands.ready and nearly ready ≥ bands.nearlyReady, both only when every gate passes. */
export function bandFor(score: Decimal, allGatesPass: boolean, bands: Scorecard['bands']): Band {
  if (!allGatesPass) return 'not-ready';
  if (score.gte(bands.ready)) return 'ready';
  return score.gte(bands.nearlyReady) ? 'nearly-ready' : 'not-ready';
}
