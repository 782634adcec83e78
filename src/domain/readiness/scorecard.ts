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
  | {
      kind: 'decided';
      outcome: Outcome;
      share: Decimal;
      display: LocalisedText;
      sentence: LocalisedText;
      /** Placeholders of `sentence` beyond the label, value, points and maximum. */
      params?: Readonly<Record<string, string | LocalisedText>>;
    };

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

type Params = Readonly<Record<string, string | LocalisedText | undefined>>;

/** Literal text at even indexes, placeholder names at odd ones, as `split` gives it. */
function substitute(parts: readonly string[], params: Params, lang: 'en' | 'hi', more?: Params): string {
  let filled = parts[0] ?? '';
  for (let index = 1; index < parts.length; index += 2) {
    const name = parts[index] ?? '';
    const param = params[name] ?? more?.[name];
    filled +=
      (param === undefined ? `{${name}}` : typeof param === 'string' ? param : param[lang]) +
      (parts[index + 1] ?? '');
  }
  return filled;
}

/** Fills `{name}` placeholders of both languages; a LocalisedText parameter gives each language its own. */
export function fill(template: LocalisedText, params: Params): LocalisedText {
  return {
    en: substitute(split(template.en), params, 'en'),
    hi: substitute(split(template.hi), params, 'hi'),
  };
}

/** A template with some placeholders filled and the rest still open, split as `split` splits a text. */
export interface PartFilled {
  en: readonly string[];
  hi: readonly string[];
}

/**
 * `template` with `params` filled in and its other placeholders left for `fillRest`. Filling in two steps gives
 * the text one `fill` with both sets of parameters gives (what is filled in is not searched for placeholders).
 */
export function fillPart(template: LocalisedText, params: Params): PartFilled {
  const one = (text: string, lang: 'en' | 'hi'): string[] => {
    const parts = split(text);
    const kept = [parts[0] ?? ''];
    for (let index = 1; index < parts.length; index += 2) {
      const name = parts[index] ?? '';
      const param = params[name];
      const after = parts[index + 1] ?? '';
      if (param === undefined) kept.push(name, after);
      else kept[kept.length - 1] += (typeof param === 'string' ? param : param[lang]) + after;
    }
    return kept;
  };
  return { en: one(template.en, 'en'), hi: one(template.hi, 'hi') };
}

/** Fills the placeholders `fillPart` left open, from `params` and then `more`. */
export function fillRest(template: PartFilled, params: Params, more?: Params): LocalisedText {
  return { en: substitute(template.en, params, 'en', more), hi: substitute(template.hi, params, 'hi', more) };
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

const ZERO = new Decimal(0);
const ONE = new Decimal(1);

const shareOf = (outcome: Outcome, partialShare: Decimal): Decimal =>
  outcome === 'full' ? ONE : outcome === 'partial' ? partialShare : ZERO;

function fromShare(share: Decimal): Outcome {
  if (share.gte(ONE)) return 'full';
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

/** What a factor's results share whatever was measured: worked out once per scorecard factor. */
interface FactorTexts {
  reference: string;
  confidence: Confidence;
  max: string;
  threshold: FactorResult['threshold'];
  /** Sentence template → that template with the label, the maximum and (number sentences) the thresholds in. */
  sentences: WeakMap<LocalisedText, PartFilled>;
}

// Kept per scorecard factor object, so a scorecard read again from the catalogue gets texts of its own.
const factorTexts = new WeakMap<FactorDefinition, FactorTexts>();

function textsOf(definition: FactorDefinition): FactorTexts {
  let texts = factorTexts.get(definition);
  if (texts === undefined) {
    const { rule } = definition;
    const { reference, confidence } = ruleSource(definition);
    texts = {
      reference,
      confidence,
      max: decimalText(definition.maxPoints, 0),
      threshold:
        rule.kind === 'at-least' || rule.kind === 'at-most'
          ? {
              full: thresholdText(rule.full.value),
              partial: thresholdText(rule.partial.value),
              comparison: rule.kind,
            }
          : null,
      sentences: new WeakMap(),
    };
    factorTexts.set(definition, texts);
  }
  return texts;
}

/** The full-points and partial thresholds of a numeric factor as shown, null for other factors. */
export const factorThresholds = (definition: FactorDefinition): FactorResult['threshold'] =>
  textsOf(definition).threshold;

/**
 * `template` with what does not depend on the measure filled in. `withThresholds` is the same for every use of a
 * template (only the number sentences show thresholds), so the template alone keys the cache.
 */
function sentenceOf(
  definition: FactorDefinition,
  texts: FactorTexts,
  template: LocalisedText,
  withThresholds: boolean,
): PartFilled {
  let sentence = texts.sentences.get(template);
  if (sentence === undefined) {
    const threshold = withThresholds ? texts.threshold : null;
    sentence = fillPart(template, {
      label: definition.label,
      max: texts.max,
      op: threshold === null ? undefined : threshold.comparison === 'at-least' ? '≥' : '≤',
      full: threshold?.full,
      partial: threshold?.partial,
    });
    texts.sentences.set(template, sentence);
  }
  return sentence;
}

const NO_VALUE = plain('');

interface Scored {
  outcome: Outcome;
  share: Decimal;
  value: LocalisedText | null;
  sentence: PartFilled;
  /** Placeholders beyond the value and points (the reason, a decided sentence's own). */
  params?: Readonly<Record<string, string | LocalisedText>> | undefined;
  threshold?: FactorResult['threshold'];
}

function result(
  definition: FactorDefinition,
  pillar: PillarId,
  texts: FactorTexts,
  scored: Scored,
): FactorResult {
  const { outcome, value } = scored;
  const points = definition.maxPoints.times(scored.share);
  const explanation = fillRest(
    scored.sentence,
    { value: value ?? NO_VALUE, points: decimalText(points, points.isInteger() ? 0 : 2) },
    scored.params,
  );
  // Written out rather than spread from a base object: in V8 `{ ...base, more }` costs microseconds a time.
  return {
    id: definition.id,
    pillar,
    label: definition.label,
    maxPoints: definition.maxPoints,
    reference: texts.reference,
    confidence: texts.confidence,
    points,
    outcome,
    value,
    threshold: scored.threshold ?? null,
    explanation,
  };
}

/** Points, outcome and sentence of one factor. `partialShare` of a contribution rule applies via `level`. */
export function scoreFactor(
  definition: FactorDefinition,
  pillar: PillarId,
  measured: Measured,
): FactorResult {
  const { rule } = definition;
  const texts = textsOf(definition);
  switch (measured.kind) {
    case 'unknown':
      return result(definition, pillar, texts, {
        outcome: 'none',
        share: ZERO,
        value: null,
        sentence: sentenceOf(definition, texts, SENTENCES.unknown, false),
        params: { reason: measured.reason },
      });
    case 'decided':
      return result(definition, pillar, texts, {
        outcome: measured.outcome,
        share: measured.share,
        value: measured.display,
        sentence: sentenceOf(definition, texts, measured.sentence, false),
        params: measured.params,
      });
    case 'number': {
      if (rule.kind !== 'at-least' && rule.kind !== 'at-most')
        throw new TypeError(`${definition.id}: a number needs an at-least or at-most rule`);
      const outcome = meets(rule.kind, measured.value, rule.full.value)
        ? 'full'
        : meets(rule.kind, measured.value, rule.partial.value)
          ? 'partial'
          : 'none';
      return result(definition, pillar, texts, {
        outcome,
        share: shareOf(outcome, rule.partialShare),
        value: measured.display,
        sentence: sentenceOf(definition, texts, SENTENCES[outcome], true),
        threshold: texts.threshold,
      });
    }
    case 'level': {
      if (rule.kind !== 'levels') throw new TypeError(`${definition.id}: a level needs a levels rule`);
      const share = rule.levels[measured.level] ?? ZERO;
      return stated(definition, pillar, texts, share, measured.display);
    }
    case 'share':
      return stated(definition, pillar, texts, measured.share, measured.display);
    case 'yes-no':
      return stated(definition, pillar, texts, measured.yes ? ONE : ZERO, measured.display);
  }
}

// Module-level rather than inner functions: tsx (development, the command-line tools) names every named inner
// function as it is made, and that costs more than the call.
const meets = (comparison: 'at-least' | 'at-most', value: Decimal, threshold: Decimal): boolean =>
  comparison === 'at-least' ? value.gte(threshold) : value.lte(threshold);

function stated(
  definition: FactorDefinition,
  pillar: PillarId,
  texts: FactorTexts,
  share: Decimal,
  value: LocalisedText,
): FactorResult {
  return result(definition, pillar, texts, {
    outcome: fromShare(share),
    share,
    value,
    sentence: sentenceOf(definition, texts, SENTENCES.stated, false),
  });
}

export function totalScore(factors: readonly Pick<FactorResult, 'points'>[]): Decimal {
  return factors.reduce((sum, factor) => sum.plus(factor.points), ZERO);
}

/** The sums `totalScore` adds up on the way: `sums[k]` is the total of the first k factors, the last the score. */
export function runningTotals(factors: readonly Pick<FactorResult, 'points'>[]): Decimal[] {
  const sums = [ZERO];
  for (const factor of factors) sums.push((sums[sums.length - 1] ?? ZERO).plus(factor.points));
  return sums;
}

/**
 * The score with the factor at `index` at its full points: what fixing that factor is worth, never a guess.
 * Added up in `totalScore`'s order, so the sum of the factors before it is `sums[index]` of `runningTotals`.
 */
export function scoreWithFactorAtFull(
  factors: readonly FactorResult[],
  sums: readonly Decimal[],
  index: number,
): Decimal {
  let score = (sums[index] ?? ZERO).plus(factors[index]?.maxPoints ?? ZERO);
  for (let after = index + 1; after < factors.length; after++)
    score = score.plus(factors[after]?.points ?? ZERO);
  return score;
}

/** ready ≥ bands.ready and nearly ready ≥ bands.nearlyReady, both only when every gate passes. */
export function bandFor(score: Decimal, allGatesPass: boolean, bands: Scorecard['bands']): Band {
  if (!allGatesPass) return 'not-ready';
  if (score.gte(bands.ready)) return 'ready';
  return score.gte(bands.nearlyReady) ? 'nearly-ready' : 'not-ready';
}
