// The loan-readiness scorecard as data (data/parameters/readiness.yaml, design in readiness.md). The catalogue
// builds these shapes and checks them; the domain only reads them.
import type { Decimal } from 'decimal.js';
import type { LocalisedText } from '../catalogue-types.js';
import type { Confidence } from '../dated.js';

export const provenanceStatuses = [
  'missing',
  'self-declared',
  'advisor-checked',
  'document-verified',
] as const;
export type ProvenanceStatus = (typeof provenanceStatuses)[number];

export const gateIds = [
  'no-current-default',
  'udyam-registered',
  'consent-to-operate',
  'positive-saving',
] as const;
export type GateId = (typeof gateIds)[number];

export const factorIds = [
  'existing-dscr',
  'current-ratio',
  'tol-tnw',
  'cash-profit',
  'cmr-rank',
  'repayment-conduct',
  'vintage',
  'simple-payback',
  'project-dscr',
  'savings-basis',
  'own-contribution',
  'collateral-route',
  'documents',
  'gst',
] as const;
export type FactorId = (typeof factorIds)[number];

export const pillarIds = [
  'financial-health',
  'credit-track-record',
  'project-viability',
  'promoter-contribution-security',
  'documentation-compliance',
] as const;
export type PillarId = (typeof pillarIds)[number];

/** A threshold with where it comes from. */
export interface SourcedThreshold {
  value: Decimal;
  reference: string;
  confidence: Confidence;
  note?: string | undefined;
}

/**
 * How a factor turns its input into a share of its points:
 * at-least / at-most — full beyond `full`, `partialShare` beyond `partial`, else nothing;
 * levels — a share per named level; proportional — the input is itself the share;
 * yes-no — all or nothing; contribution — own share of project cost against the bank's margin.
 */
export type FactorRule =
  | {
      kind: 'at-least' | 'at-most';
      full: SourcedThreshold;
      partial: SourcedThreshold;
      partialShare: Decimal;
    }
  | { kind: 'levels'; levels: Readonly<Record<string, Decimal>>; reference: string; confidence: Confidence }
  | { kind: 'proportional' | 'yes-no'; reference: string; confidence: Confidence }
  | {
      kind: 'contribution';
      partialWithinPoints: Decimal;
      partialShare: Decimal;
      reference: string;
      confidence: Confidence;
    };

export interface FactorDefinition {
  id: FactorId;
  label: LocalisedText;
  maxPoints: Decimal;
  /** Orders actions of equal gain, quickest first: 1 = days of paperwork … 5 = a year or more of trading. */
  effort: number;
  rule: FactorRule;
  /** What to do when the factor is short of full points; `{target}` is filled in. */
  action: LocalisedText;
  /** Documents the action also produces, so the action can name the schemes that ask for them. */
  unlocksDocuments: readonly string[];
}

export interface PillarDefinition {
  id: PillarId;
  label: LocalisedText;
  factors: readonly FactorDefinition[];
}

export interface GateDefinition {
  id: GateId;
  text: LocalisedText;
  /** Why it failed; `{value}` and `{asOf}` are filled in. */
  failed: LocalisedText;
  action: LocalisedText;
  reference: string;
  confidence: Confidence;
}

export interface DocumentDefinition {
  id: string;
  label: LocalisedText;
  /** Asked only of an enterprise that services debt today. */
  onlyWithExistingDebt: boolean;
}

export interface SensitivitySettings {
  savingsLowerPct: readonly Decimal[];
  tariffChangePct: Decimal;
  interestUpPoints: Decimal;
  commissioningDelayMonths: number;
}

export interface Scorecard {
  bands: { ready: Decimal; nearlyReady: Decimal };
  provenanceWeights: Readonly<Record<ProvenanceStatus, Decimal>>;
  newToCreditShare: Decimal;
  gates: readonly GateDefinition[];
  pillars: readonly PillarDefinition[];
  documents: readonly DocumentDefinition[];
  /** Document id → the figure paths it backs (`financials` = every statement figure). */
  evidence: Readonly<Record<string, readonly string[]>>;
  sensitivity: SensitivitySettings;
}
