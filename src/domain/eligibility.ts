// Eligibility of one enterprise and project for one scheme on one date, explained criterion by criterion.
// Three-valued: a missing fact or an unconfirmed threshold makes a criterion "unknown", and an unknown is never
// read as a pass. A scheme that is not open still shows its criteria, so the user sees what it would need.
import { Decimal } from 'decimal.js';
import type { LocalisedText } from './catalogue-types.js';
import { entryOn, rememberedByDate, type Confidence, type IsoDate } from './dated.js';
import { lakhCroreText } from './indian-number.js';
import { factDefinitions, type EnterpriseFacts, type FactKey } from './enterprise-facts.js';
import { displayDate, schemeStatusOn, type SchemeStatus } from './scheme-status.js';
import type { Bound, ComparisonTest, Condition, Literal, Scheme } from './scheme-types.js';

export type CriterionResult = 'passed' | 'failed' | 'unknown';

export interface Criterion {
  id: string;
  text: LocalisedText;
  result: CriterionResult;
  fact: FactKey | null;
  /** The enterprise's value in canonical form (decimal string, ISO date, code, yes/no, none); null if unknown. */
  value: string | null;
  /** The threshold in canonical form; null if none applies or it is to be confirmed. */
  threshold: string | null;
  reference: string;
  /** The weaker of the condition's own confidence and that of the dated threshold it used. */
  confidence: Confidence;
}

/** The smallest change that would turn one failed criterion into a pass. */
export interface Suggestion {
  criterionId: string;
  fact: FactKey;
  text: LocalisedText;
  /** True when this is one of several alternatives (an `any` group): meeting any one of them is enough. */
  alternative: boolean;
}

export interface SchemeEvaluation {
  schemeId: string;
  asOf: IsoDate;
  status: SchemeStatus;
  /** true only when the scheme is open and every needed criterion passes; null when not open or undecidable. */
  eligible: boolean | null;
  criteria: readonly Criterion[];
  toMakeItYes: readonly Suggestion[];
}

type Comparable = Decimal | string | boolean | readonly string[] | null;

interface Threshold {
  value: Decimal | string;
  confidence: Confidence;
}

interface Evaluated {
  condition: Condition;
  result: CriterionResult;
  children: readonly Evaluated[];
  criterion?: Criterion;
  /** Fact value and the comparison on the date, kept for the suggestion. */
  comparison?: { value: Comparable; onDate: ComparisonOnDate };
  /** A dated comparison before its `from` date: it fails, and nothing the enterprise changes would help. */
  notYetInForce?: boolean;
}

const confidenceOrder: readonly Confidence[] = ['official', 'secondary', 'unconfirmed'];

function weaker(a: Confidence, b: Confidence): Confidence {
  return confidenceOrder.indexOf(a) >= confidenceOrder.indexOf(b) ? a : b;
}

const statusOnDate = rememberedByDate((scheme: Scheme, asOf: IsoDate) =>
  schemeStatusOn(scheme.validity, scheme.administrator, asOf),
);

export function evaluateScheme(scheme: Scheme, facts: EnterpriseFacts, asOf: IsoDate): SchemeEvaluation {
  const status = statusOnDate(scheme, asOf);
  const root = evaluate(scheme.eligibility, contextOf(scheme, facts, asOf));
  const criteria: Criterion[] = [];
  collectCriteria(root, criteria);
  const toMakeItYes: Suggestion[] = [];
  collectSuggestions(root, false, toMakeItYes);
  const eligible = status.status !== 'open' || root.result === 'unknown' ? null : root.result === 'passed';
  return { schemeId: scheme.id, asOf, status, eligible, criteria, toMakeItYes };
}

interface Context {
  scheme: Scheme;
  facts: EnterpriseFacts;
  asOf: IsoDate;
  /** The scheme's comparisons on the date, as far as they are worked out. */
  comparisons: Map<Comparison, ComparisonOnDate>;
}

const contextOf = (scheme: Scheme, facts: EnterpriseFacts, asOf: IsoDate): Context => ({
  scheme,
  facts,
  asOf,
  comparisons: comparisonsOnDate(scheme, asOf),
});

/** Whether these facts meet `scheme`'s conditions on `asOf` (null when unknown), without the explanation. */
export function meetsConditions(scheme: Scheme, facts: EnterpriseFacts, asOf: IsoDate): boolean | null {
  const result = verdict(scheme.eligibility, contextOf(scheme, facts, asOf));
  return result === 'unknown' ? null : result === 'passed';
}

/** The result of one condition of `scheme` (e.g. a benefit term's `appliesWhen`) for these facts on `asOf`. */
export function conditionResult(
  condition: Condition,
  scheme: Scheme,
  facts: EnterpriseFacts,
  asOf: IsoDate,
): CriterionResult {
  return verdict(condition, contextOf(scheme, facts, asOf));
}

/**
 * The result alone, as `evaluate` finds it, without its tree and wording: a valuation reads the terms' conditions
 * and readiness the schemes' verdicts for every request.
 */
function verdict(condition: Condition, context: Context): CriterionResult {
  switch (condition.kind) {
    case 'all':
    case 'any': {
      const decisive = condition.kind === 'all' ? 'failed' : 'passed';
      let unknown = false;
      for (const child of condition.conditions) {
        const result = verdict(child, context);
        if (result === decisive) return decisive;
        if (result === 'unknown') unknown = true;
      }
      if (unknown) return 'unknown';
      return condition.kind === 'all' ? 'passed' : 'failed';
    }
    case 'not': {
      const inner = verdict(condition.condition, context);
      return inner === 'unknown' ? 'unknown' : inner === 'passed' ? 'failed' : 'passed';
    }
    case 'to-confirm':
      return 'unknown';
    case 'comparison': {
      const raw = context.facts[condition.fact];
      return comparisonResult(
        condition,
        raw === undefined ? undefined : toComparable(raw),
        comparisonOnDate(condition, context),
      );
    }
  }
}

function evaluate(condition: Condition, context: Context): Evaluated {
  switch (condition.kind) {
    case 'all': {
      const children = condition.conditions.map((child) => evaluate(child, context));
      return { condition, children, result: combine(children, 'failed', 'passed') };
    }
    case 'any': {
      const children = condition.conditions.map((child) => evaluate(child, context));
      return { condition, children, result: combine(children, 'passed', 'failed') };
    }
    case 'not': {
      const inner = evaluate(condition.condition, context);
      const result = inner.result === 'unknown' ? 'unknown' : inner.result === 'passed' ? 'failed' : 'passed';
      return { condition, children: [inner], result };
    }
    case 'to-confirm':
      return {
        condition,
        children: [],
        result: 'unknown',
        criterion: toConfirmCriterion(condition, context.scheme),
      };
    case 'comparison':
      return evaluateComparison(condition, context);
  }
}

// A condition to be confirmed reads the same for every enterprise on every date: worded once.
const toConfirmCriteria = new WeakMap<Condition, Criterion>();

function toConfirmCriterion(
  condition: Extract<Condition, { kind: 'to-confirm' }>,
  scheme: Scheme,
): Criterion {
  let criterion = toConfirmCriteria.get(condition);
  if (criterion === undefined) {
    const administrator = scheme.administrator;
    criterion = {
      id: condition.id,
      text: {
        en: `${condition.text.en} (to be confirmed with ${administrator.en})`,
        hi: `${condition.text.hi} (${administrator.hi} से पुष्टि करें)`,
      },
      result: 'unknown',
      fact: null,
      value: null,
      threshold: null,
      reference: condition.reference,
      confidence: 'unconfirmed',
    };
    toConfirmCriteria.set(condition, criterion);
  }
  return criterion;
}

/** Kleene logic: `decisive` (failed for all, passed for any) wins; else any unknown makes the group unknown. */
function combine(
  children: readonly Evaluated[],
  decisive: CriterionResult,
  otherwise: CriterionResult,
): CriterionResult {
  if (children.some((child) => child.result === decisive)) return decisive;
  if (children.some((child) => child.result === 'unknown')) return 'unknown';
  return otherwise;
}

type Comparison = Extract<Condition, { kind: 'comparison' }>;

/** What a comparison comes to on a date whatever the facts: its thresholds then, and its wording. */
interface ComparisonOnDate {
  /** The thresholds in force (those that are). */
  thresholds: readonly Threshold[];
  thresholdMissing: boolean;
  /** The weaker of the condition's own confidence and that of the dated thresholds it uses. */
  confidence: Confidence;
  /** A dated comparison before its `from` date. */
  notYetInForce: boolean;
  text: LocalisedText;
  /** The threshold in canonical form; null when it is to be confirmed. */
  threshold: string | null;
  /** What a failed comparison asks of the enterprise ("Turnover must be at most ₹50.00 crore"); null with no threshold. */
  demand: LocalisedText | null;
}

// A scheme's comparisons on a date, worked out on first use: the wording is most of an explained evaluation, and
// it depends on the scheme's terms and the date, never on the enterprise.
const comparisonsOnDate = rememberedByDate(
  (_scheme: Scheme, _asOf: IsoDate) => new Map<Comparison, ComparisonOnDate>(),
);

function comparisonOnDate(condition: Comparison, context: Context): ComparisonOnDate {
  let onDate = context.comparisons.get(condition);
  if (onDate === undefined) {
    onDate = comparisonWorded(condition, context.scheme, context.asOf);
    context.comparisons.set(condition, onDate);
  }
  return onDate;
}

function comparisonWorded(condition: Comparison, scheme: Scheme, asOf: IsoDate): ComparisonOnDate {
  const bounds = boundsOf(condition.test);
  const thresholds = bounds.map((bound) => resolveBound(bound, scheme, asOf));
  const resolved = thresholds.filter((threshold): threshold is Threshold => threshold !== undefined);
  const confidence = resolved.reduce(
    (acc, threshold) => weaker(acc, threshold.confidence),
    condition.confidence,
  );
  const thresholdMissing = resolved.length < thresholds.length;
  const thresholdText = thresholdMissing ? null : displayThreshold(condition.test, resolved, condition.fact);

  const administrator = scheme.administrator;
  const worded: LocalisedText =
    thresholdText === null
      ? {
          en: `${condition.text.en.replace('{threshold}', 'the limit')} (limit to be confirmed with ${administrator.en})`,
          hi: `${condition.text.hi.replace('{threshold}', 'सीमा')} (सीमा की पुष्टि ${administrator.hi} से करें)`,
        }
      : {
          en: condition.text.en.replace('{threshold}', thresholdText.en),
          hi: condition.text.hi.replace('{threshold}', thresholdText.hi),
        };
  const text: LocalisedText =
    condition.from === undefined
      ? worded
      : {
          en: `${worded.en} (from ${displayDate(condition.from)})`,
          hi: `${worded.hi} (${displayDate(condition.from)} से)`,
        };
  return {
    thresholds: resolved,
    thresholdMissing,
    confidence,
    notYetInForce: condition.from !== undefined && asOf < condition.from,
    text,
    threshold: thresholdMissing ? null : canonicalThreshold(condition.test, resolved),
    demand: thresholdText === null ? null : demandOf(condition, thresholdText),
  };
}

function comparisonResult(
  condition: Comparison,
  value: Comparable | undefined,
  onDate: ComparisonOnDate,
): CriterionResult {
  if (onDate.notYetInForce) return 'failed';
  if (onDate.thresholdMissing || value === undefined) return 'unknown';
  return test(condition.test, value, onDate.thresholds) ? 'passed' : 'failed';
}

function evaluateComparison(condition: Comparison, context: Context): Evaluated {
  const raw = context.facts[condition.fact];
  const value: Comparable | undefined = raw === undefined ? undefined : toComparable(raw);
  const onDate = comparisonOnDate(condition, context);
  const result = comparisonResult(condition, value, onDate);
  return {
    condition,
    children: [],
    result,
    comparison: { value: value ?? null, onDate },
    notYetInForce: onDate.notYetInForce,
    criterion: {
      id: condition.id,
      text: onDate.text,
      result,
      fact: condition.fact,
      value: value === undefined ? null : canonical(value),
      threshold: onDate.threshold,
      reference: condition.reference,
      confidence: onDate.confidence,
    },
  };
}

function toComparable(raw: NonNullable<EnterpriseFacts[FactKey]> | null): Comparable {
  if (typeof raw === 'number') return new Decimal(raw);
  return raw;
}

function boundsOf(testSpec: ComparisonTest): readonly Bound[] {
  switch (testSpec.op) {
    case 'equals':
    case 'in':
      return [];
    case 'at_least':
    case 'at_most':
      return [testSpec.bound];
    case 'between':
      return [testSpec.min, testSpec.max];
  }
}

function resolveBound(bound: Bound, scheme: Scheme, asOf: IsoDate): Threshold | undefined {
  if ('literal' in bound) return { value: bound.literal, confidence: 'official' };
  const term = scheme.terms.find((candidate) => candidate.id === bound.term);
  if (term === undefined || term.shape !== 'value') return undefined;
  const entry = entryOn(term.series, asOf);
  return entry === undefined ? undefined : { value: entry.value, confidence: entry.confidence };
}

function test(testSpec: ComparisonTest, value: Comparable, thresholds: readonly Threshold[]): boolean {
  switch (testSpec.op) {
    case 'equals':
      return matches(value, testSpec.value);
    case 'in':
      return testSpec.values.some((literal) => matches(value, literal));
    case 'at_least':
      return ordered(value, thresholds[0], (comparison) => comparison >= 0);
    case 'at_most':
      return ordered(value, thresholds[0], (comparison) => comparison <= 0);
    case 'between':
      return (
        ordered(value, thresholds[0], (comparison) => comparison >= 0) &&
        ordered(value, thresholds[1], (comparison) => comparison <= 0)
      );
  }
}

/** A set fact equals a code when it contains it; a known `null` equals only a `null` literal. */
function matches(value: Comparable, literal: Literal): boolean {
  if (value === null || literal === null) return value === literal;
  if (Array.isArray(value)) return typeof literal === 'string' && value.includes(literal);
  if (value instanceof Decimal) return literal instanceof Decimal && value.eq(literal);
  return value === literal;
}

/** A known `null` (no rank, not certified) meets no numeric bound. */
function ordered(
  value: Comparable,
  threshold: Threshold | undefined,
  accept: (comparison: number) => boolean,
): boolean {
  if (threshold === undefined || value === null) return false;
  if (value instanceof Decimal && threshold.value instanceof Decimal)
    return accept(value.cmp(threshold.value));
  if (typeof value === 'string' && typeof threshold.value === 'string') {
    return accept(value < threshold.value ? -1 : value > threshold.value ? 1 : 0);
  }
  return false;
}

function canonical(value: Comparable | Literal): string {
  if (value === null) return 'none';
  if (value instanceof Decimal) return value.toString();
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(',');
  return value as string;
}

function canonicalThreshold(testSpec: ComparisonTest, thresholds: readonly Threshold[]): string {
  switch (testSpec.op) {
    case 'equals':
      return canonical(testSpec.value);
    case 'in':
      return testSpec.values.map(canonical).join(',');
    case 'at_least':
    case 'at_most':
    case 'between':
      return thresholds.map((threshold) => canonical(threshold.value)).join('..');
  }
}

function displayThreshold(
  testSpec: ComparisonTest,
  thresholds: readonly Threshold[],
  fact: FactKey,
): LocalisedText {
  switch (testSpec.op) {
    case 'equals':
      return display(testSpec.value, fact);
    case 'in': {
      const shown = testSpec.values.map((literal) => display(literal, fact));
      return { en: shown.map((s) => s.en).join(', '), hi: shown.map((s) => s.hi).join(', ') };
    }
    case 'at_least':
    case 'at_most':
      return display(thresholds[0]?.value ?? null, fact);
    case 'between': {
      const low = display(thresholds[0]?.value ?? null, fact);
      const high = display(thresholds[1]?.value ?? null, fact);
      return { en: `${low.en} to ${high.en}`, hi: `${low.hi} से ${high.hi}` };
    }
  }
}

function display(value: Comparable | Literal, fact: FactKey): LocalisedText {
  if (value === null) return { en: 'none', hi: 'कोई नहीं' };
  if (typeof value === 'boolean') return value ? { en: 'yes', hi: 'हाँ' } : { en: 'no', hi: 'नहीं' };
  if (Array.isArray(value)) {
    return value.length === 0
      ? { en: 'none', hi: 'कोई नहीं' }
      : { en: value.join(', '), hi: value.join(', ') };
  }
  const kind = factDefinitions[fact].kind;
  if (value instanceof Decimal) {
    if (kind === 'money') return lakhCroreText(value);
    if (kind === 'percent') return { en: `${value.toString()}%`, hi: `${value.toString()}%` };
    return { en: value.toString(), hi: value.toString() };
  }
  if (kind === 'date' && typeof value === 'string') return { en: displayDate(value), hi: displayDate(value) };
  return { en: String(value), hi: String(value) };
}

/** Under an `any` that passed, only the routes that qualify are shown: the others were alternatives, not needs. */
function collectCriteria(node: Evaluated, into: Criterion[]): void {
  if (node.criterion !== undefined) into.push(node.criterion);
  const shown =
    node.condition.kind === 'any' && node.result === 'passed'
      ? node.children.filter((child) => child.result === 'passed')
      : node.children;
  for (const child of shown) collectCriteria(child, into);
}

/** Walk only the branches that made the whole fail; under an `any`, every failed branch is an alternative. */
function collectSuggestions(node: Evaluated, alternative: boolean, into: Suggestion[]): void {
  if (node.result !== 'failed') return;
  const condition = node.condition;
  switch (condition.kind) {
    case 'all':
      for (const child of node.children) collectSuggestions(child, alternative, into);
      return;
    case 'any':
      for (const child of node.children)
        collectSuggestions(child, alternative || node.children.length > 1, into);
      return;
    case 'not': {
      const inner = node.children[0];
      if (inner?.condition.kind === 'comparison' && inner.comparison !== undefined) {
        const { fact } = inner.condition;
        const label = factDefinitions[fact].label;
        const value = display(inner.comparison.value, fact);
        into.push({
          criterionId: inner.condition.id,
          fact,
          alternative,
          text: {
            en: `${label.en} must not meet "${inner.criterion?.text.en ?? ''}"; yours is ${value.en}`,
            hi: `${label.hi} "${inner.criterion?.text.hi ?? ''}" नहीं होना चाहिए; आपका ${value.hi} है`,
          },
        });
      }
      return;
    }
    case 'to-confirm':
      return;
    case 'comparison':
      // Before its date a condition cannot be met by any change to the enterprise: nothing to suggest.
      if (node.comparison?.onDate.demand && node.notYetInForce !== true)
        into.push(suggestion(condition, node.comparison.value, node.comparison.onDate.demand, alternative));
      return;
  }
}

function suggestion(
  condition: Comparison,
  value: Comparable,
  demand: LocalisedText,
  alternative: boolean,
): Suggestion {
  const { fact } = condition;
  const yours = display(value, fact);
  return {
    criterionId: condition.id,
    fact,
    alternative,
    text: { en: `${demand.en}; yours is ${yours.en}`, hi: `${demand.hi}; आपका ${yours.hi} है` },
  };
}

/** What a comparison asks of the enterprise, worded with its threshold: the start of its suggestion. */
function demandOf(condition: Comparison, threshold: LocalisedText): LocalisedText {
  const label = factDefinitions[condition.fact].label;
  const en = `${label.en.charAt(0).toUpperCase()}${label.en.slice(1)}`;
  switch (condition.test.op) {
    case 'equals':
      return { en: `${en} must be ${threshold.en}`, hi: `${label.hi} ${threshold.hi} होना चाहिए` };
    case 'in':
      return {
        en: `${en} must be one of: ${threshold.en}`,
        hi: `${label.hi} इनमें से एक होना चाहिए: ${threshold.hi}`,
      };
    case 'at_least':
      return {
        en: `${en} must be at least ${threshold.en}`,
        hi: `${label.hi} कम से कम ${threshold.hi} होना चाहिए`,
      };
    case 'at_most':
      return {
        en: `${en} must be at most ${threshold.en}`,
        hi: `${label.hi} अधिकतम ${threshold.hi} होना चाहिए`,
      };
    case 'between':
      return { en: `${en} must be from ${threshold.en}`, hi: `${label.hi} ${threshold.hi} के बीच होना चाहिए` };
  }
}
