import { Decimal } from 'decimal.js';
import type { LocalisedText } from '../catalogue-types.js';
import { lakhCroreText } from '../indian-number.js';
import type { Scheme } from '../scheme-types.js';
import type { GateResult, ReadinessContext, ReadinessInput, SchemeStanding } from './assess-readiness.js';
import type { ChecklistItem, DocumentChecklist } from './document-provenance.js';
import {
  decimalText,
  factorThresholds,
  fill,
  plain,
  scoreWithFactorAtFull,
  type FactorResult,
} from './scorecard.js';
import type { FactorDefinition, Scorecard } from './scorecard-types.js';

// What to fix first (readiness.md "Improvement actions"): failed gates as "must fix", then every factor short
// of full points with the exact points it adds, found by re-scoring with that factor at full; ties go to the
// quicker action. An action that produces a document some open schemes ask for names those schemes.

export interface ImprovementAction {
  /** The gate or factor id it fixes. */
  id: string;
  kind: 'gate' | 'factor';
  mustFix: boolean;
  text: LocalisedText;
  /** Points the score gains; null for a gate, which decides the band rather than the score. */
  pointsGain: Decimal | null;
  scoreAfter: Decimal | null;
  /** Open schemes (ids) that ask for a document this action produces. */
  unlocksSchemes: string[];
}

interface ActionContext {
  factors: readonly FactorResult[];
  /** `runningTotals` of the factors; the last is the score. */
  sums: readonly Decimal[];
  requiredContributionInr: Decimal;
  gates: readonly GateResult[];
  scorecard: Scorecard;
  schemes: readonly Scheme[];
  evaluations: readonly SchemeStanding[];
  checklist: DocumentChecklist;
  input: ReadinessInput;
  context: ReadinessContext;
}

/** The short name of a scheme: its abbreviation in brackets ("… (CGTMSE)"), else its name up to a colon. */
export function shortName(schemes: readonly Scheme[], id: string): string {
  const scheme = schemes.find((candidate) => candidate.id === id);
  return scheme === undefined ? shortened(id) : shortNameOf(scheme);
}

// Per catalogue scheme object: the name is fixed, and actions name the same few schemes in every assessment.
const shortNames = new WeakMap<Scheme, string>();

function shortNameOf(scheme: Scheme): string {
  let name = shortNames.get(scheme);
  if (name === undefined) {
    name = shortened(scheme.name.en);
    shortNames.set(scheme, name);
  }
  return name;
}

function shortened(name: string): string {
  const bracketed = /\(([^()]+)\)$/.exec(name)?.[1];
  return bracketed ?? name.split(':')[0] ?? name;
}

/** The own contribution the bank expects, in rupees, for this project. */
export function requiredContributionInr(input: ReadinessInput, context: ReadinessContext): Decimal {
  return input.project.economics.capexInr.times(context.requiredContributionPct).dividedBy(100);
}

const ZERO = new Decimal(0);
const ONE = new Decimal(1);

const UNLOCKS = {
  en: '{action}. This also unlocks {schemes}, which ask for it.',
  hi: '{action}। इससे {schemes} भी खुलती हैं, जो इसे माँगती हैं।',
};
const AND = { en: ' and ', hi: ' और ' };

function listed(names: readonly string[], lang: 'en' | 'hi'): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')}${AND[lang]}${names[names.length - 1] ?? ''}`;
}

// Document id → the indexes of the schemes that ask for it, per catalogue scheme list: every assessment asks the
// same question of the same schemes.
const askersByList = new WeakMap<readonly Scheme[], ReadonlyMap<string, readonly number[]>>();

function askers(schemes: readonly Scheme[]): ReadonlyMap<string, readonly number[]> {
  let byDocument = askersByList.get(schemes);
  if (byDocument === undefined) {
    const built = new Map<string, number[]>();
    schemes.forEach((scheme, index) => {
      for (const { id } of scheme.documents) {
        const indexes = built.get(id) ?? [];
        if (indexes[indexes.length - 1] !== index) indexes.push(index);
        built.set(id, indexes);
      }
    });
    byDocument = built;
    askersByList.set(schemes, byDocument);
  }
  return byDocument;
}

/** Open schemes, not ruled out for this enterprise, whose document list has one of `documentIds`; in list order. */
function schemesAsking(documentIds: readonly string[], ctx: ActionContext): Scheme[] {
  if (documentIds.length === 0) return [];
  const byDocument = askers(ctx.schemes);
  const indexes = new Set(documentIds.flatMap((id) => byDocument.get(id) ?? []));
  return [...indexes]
    .sort((a, b) => a - b)
    .flatMap((index) => {
      const scheme = ctx.schemes[index];
      const evaluation = ctx.evaluations[index];
      return scheme !== undefined && evaluation?.status.status === 'open' && evaluation.eligible !== false
        ? [scheme]
        : [];
    });
}

/**
 * Checklist items short of full weight, weakest first, as a stable sort by weight. The items share the
 * scorecard's few weight objects, so those are compared once rather than the digits of every pair.
 */
function weakestFirst(items: readonly ChecklistItem[]): ChecklistItem[] {
  const weights = [...new Set(items.map((item) => item.weight))].sort((a, b) => a.comparedTo(b));
  const rank = new Map<Decimal, number>();
  weights.forEach((weight, index) => {
    const before = weights[index - 1];
    rank.set(weight, before !== undefined && weight.eq(before) ? (rank.get(before) ?? index) : index);
  });
  const below = new Set(weights.filter((weight) => weight.lessThan(ONE)));
  return items
    .filter((item) => below.has(item.weight))
    .sort((a, b) => (rank.get(a.weight) ?? 0) - (rank.get(b.weight) ?? 0));
}

function target(definition: FactorDefinition, ctx: ActionContext): LocalisedText {
  const threshold = factorThresholds(definition);
  if (threshold !== null) return plain(threshold.full);
  if (definition.id === 'own-contribution') {
    const amount = lakhCroreText(ctx.requiredContributionInr);
    const pct = decimalText(ctx.context.requiredContributionPct, 0);
    return {
      en: `${amount.en}, ${pct} % of the project cost`,
      hi: `${amount.hi}, परियोजना लागत का ${pct} %`,
    };
  }
  if (definition.id === 'documents') {
    const weakest = weakestFirst(ctx.checklist.items);
    const shown = weakest.slice(0, 4).map((item) => item.label);
    const more = weakest.length - shown.length;
    return {
      en: shown.map((label) => label.en).join(', ') + (more > 0 ? ` and ${more} more` : ''),
      hi: shown.map((label) => label.hi).join(', ') + (more > 0 ? ` और ${more} अन्य` : ''),
    };
  }
  return { en: '', hi: '' };
}

export function improvementActions(ctx: ActionContext): ImprovementAction[] {
  const gateActions = ctx.gates
    .filter((gate) => !gate.passed)
    .map((gate): ImprovementAction => ({
      id: gate.id,
      kind: 'gate',
      mustFix: true,
      text: gate.action,
      pointsGain: null,
      scoreAfter: null,
      unlocksSchemes: [],
    }));
  const score = ctx.sums[ctx.sums.length - 1] ?? ZERO;
  const definitions = ctx.scorecard.pillars.flatMap((pillar) => pillar.factors);
  const factorActions = ctx.factors
    .flatMap((factor, index) => {
      if (!factor.points.lessThan(factor.maxPoints)) return [];
      const definition = definitions.find((candidate) => candidate.id === factor.id);
      if (!definition) return [];
      const scoreAfter = scoreWithFactorAtFull(ctx.factors, ctx.sums, index);
      const asking = schemesAsking(definition.unlocksDocuments, ctx);
      const action = fill(definition.action, { target: target(definition, ctx) });
      const names = asking.map(shortNameOf);
      const text =
        names.length === 0
          ? action
          : fill(UNLOCKS, { action, schemes: { en: listed(names, 'en'), hi: listed(names, 'hi') } });
      return [
        {
          action: {
            id: factor.id,
            kind: 'factor',
            mustFix: false,
            text,
            pointsGain: scoreAfter.minus(score),
            scoreAfter,
            unlocksSchemes: asking.map((scheme) => scheme.id),
          } satisfies ImprovementAction,
          effort: definition.effort,
        },
      ];
    })
    .sort((a, b) => {
      const byGain = (b.action.pointsGain ?? score).comparedTo(a.action.pointsGain ?? score);
      return byGain !== 0 ? byGain : a.effort - b.effort;
    })
    .map(({ action }) => action);
  return [...gateActions, ...factorActions];
}
