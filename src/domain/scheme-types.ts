// A finance scheme as the domain reads it: dated, sourced rules built by src/catalogue/load-schemes.ts from
// data/schemes/<id>.yaml. Money and rates are Decimal; every figure carries its source and confidence.
import type { Decimal } from 'decimal.js';
import type { LocalisedText } from './catalogue-types.js';
import type { Confidence, DatedSeries, IsoDate } from './dated.js';
import type { FactKey } from './enterprise-facts.js';

export const schemeKinds = [
  'loan-line',
  'interest-subvention',
  'capital-subsidy',
  'grant',
  'guarantee',
  'fee-reimbursement',
  'certification-subsidy',
] as const;
export type SchemeKind = (typeof schemeKinds)[number];

export const schemeLevels = ['unit', 'esco', 'cluster-spv'] as const;
export type SchemeLevel = (typeof schemeLevels)[number];

/** What a scheme pays for; the technology catalogue maps each technology to these. */
export const coverageCategories = [
  'energy-efficiency',
  'renewable-energy',
  'fuel-switch',
  'cleaner-production',
  'pollution-control',
  'waste-management',
  'circular-economy',
  'water',
  'green-buildings',
  'clean-transport',
  'plant-machinery',
  'working-capital',
  'common-facility',
  'industrial-infrastructure',
  'energy-audit',
  'certification',
] as const;
export type CoverageCategory = (typeof coverageCategories)[number];

/** How a term enters a later valuation: a share of a basis, an amount, a limit, a period. */
export const valueTermKinds = ['rate', 'cap', 'minimum', 'amount', 'duration', 'ratio'] as const;
export const termKinds = [...valueTermKinds, 'slab-rate'] as const;
export type TermKind = (typeof termKinds)[number];

export const termUnits = [
  'inr',
  'inr-per-year',
  'percent',
  'percent-per-year',
  'months',
  'years',
  'ratio',
  'kw',
] as const;
export type TermUnit = (typeof termUnits)[number];

/** What a rate or cap applies to. */
export const termBases = [
  'loan',
  'guaranteed-amount',
  'project-cost',
  'plant-machinery-cost',
  'fixed-capital-investment',
  'equipment-cost',
  'audit-cost',
  'certification-cost',
  'annual-interest',
  'net-sgst',
  'annual-guarantee-fee',
  'net-sales',
  'subsidy',
  'grant',
] as const;
export type TermBasis = (typeof termBases)[number];

/** One band of a slab table: applies to amounts above the previous band's `upToInr`, up to this one (null = no upper limit). */
export interface Slab {
  upToInr: Decimal | null;
  value: Decimal;
}

interface TermBase {
  id: string;
  kind: TermKind;
  label: LocalisedText;
  basis?: TermBasis | undefined;
  /** Another scheme the basis belongs to (a state policy paying back CGTMSE's annual guarantee fee: `cgtmse`). */
  ofScheme?: string | undefined;
  /** The loan years the term applies in, year 1 being the year of sanction (`to` null: every year after `from`). */
  years?: { from: number; to: number | null } | undefined;
  /** The term applies only when this holds (e.g. the medium-enterprise rate, the aspirational-district uplift). */
  appliesWhen?: Condition | undefined;
  /**
   * A cap only: the id of the rate term whose support it limits (Haryana's ₹2 lakh limits the audit share, its
   * ₹20 lakh the equipment share). A cap without it limits whichever rate of its basis the valuation uses.
   */
  limits?: string | undefined;
}

export type SchemeTerm =
  | (TermBase & { shape: 'value'; series: DatedSeries<Decimal> })
  | (TermBase & { shape: 'slabs'; series: DatedSeries<readonly Slab[]> });

/** A threshold is a literal or the value in force of one of the scheme's terms on the assessment date. */
export type Bound = { literal: Decimal | IsoDate } | { term: string };

export type Literal = string | boolean | Decimal | null;

export type ComparisonTest =
  | { op: 'equals'; value: Literal }
  | { op: 'in'; values: readonly Literal[] }
  | { op: 'at_least'; bound: Bound }
  | { op: 'at_most'; bound: Bound }
  | { op: 'between'; min: Bound; max: Bound };

interface Sourced {
  id: string;
  /** A sentence; `{threshold}` is replaced with the formatted threshold. */
  text: LocalisedText;
  reference: string;
  confidence: Confidence;
}

export type Condition =
  | { kind: 'all'; conditions: readonly Condition[] }
  | { kind: 'any'; conditions: readonly Condition[] }
  | { kind: 'not'; condition: Condition }
  | (Sourced & {
      kind: 'comparison';
      fact: FactKey;
      test: ComparisonTest;
      /**
       * The first day the condition can pass (a route the scheme opened later, e.g. services from 15-11-2021);
       * before it the condition fails whatever the fact. Absent = no such date.
       */
      from?: IsoDate | undefined;
    })
  /** A requirement the sources leave open (e.g. "is this machinery on the scheme's list?"): always unknown. */
  | (Sourced & { kind: 'to-confirm' });

export interface Closure {
  on: IsoDate;
  reference: string;
  note: LocalisedText;
}

export interface SchemeValidity {
  /** null when the sources give no start date; the scheme is then treated as started. */
  validFrom: IsoDate | null;
  /** Last day of validity as published; past it, with no confirmed extension, the scheme is closed. */
  validUntil: IsoDate | null;
  reference: string;
  confidence: Confidence;
  /** Closure (no new sanctions) reported by the administrator or government. */
  closure?: Closure | undefined;
  /** Whether the scheme still runs is not known from public sources, from this date on (null = from its start). */
  statusUnconfirmedSince?: IsoDate | null | undefined;
  /** Context for the status shown to the user (which version applies, why an end date is unknown). */
  statusNote?: LocalisedText | undefined;
}

export interface StackingRule {
  scheme: string;
  rule: 'not-with';
  text: LocalisedText;
  reference: string;
  confidence: Confidence;
}

export interface SchemeDocument {
  id: string;
  label: LocalisedText;
}

export interface SchemeReference {
  url: string;
  title: string;
  confidence: Confidence;
}

export interface OpenQuestion {
  id: string;
  text: LocalisedText;
  /**
   * The terms whose figures the question leaves open (SIDBI 4E's 2017 concession, whose current rate is not
   * known): a benefit that rests on one of them carries `caveat`, where `appliesWhen` (if any) holds.
   */
  affects?: readonly string[] | undefined;
  appliesWhen?: Condition | undefined;
  /** What the user is told with such a figure: what is to be confirmed, and what the figure uses instead. */
  caveat?: LocalisedText | undefined;
}

export interface Scheme {
  id: string;
  name: LocalisedText;
  administrator: LocalisedText;
  kinds: readonly SchemeKind[];
  level: readonly SchemeLevel[];
  validity: SchemeValidity;
  eligibility: Condition;
  coverage: { categories: readonly CoverageCategory[]; note?: LocalisedText | undefined };
  terms: readonly SchemeTerm[];
  stacking: readonly StackingRule[];
  documents: readonly SchemeDocument[];
  /** Facts the sources leave open, each to be confirmed with the administrator. */
  toConfirm: readonly OpenQuestion[];
  references: readonly SchemeReference[];
}

/** The leaves of a condition tree (comparisons and to-confirm items), in the order they are written. */
export function conditionLeaves(condition: Condition): Extract<Condition, { id: string }>[] {
  switch (condition.kind) {
    case 'all':
    case 'any':
      return condition.conditions.flatMap(conditionLeaves);
    case 'not':
      return conditionLeaves(condition.condition);
    case 'comparison':
    case 'to-confirm':
      return [condition];
  }
}
