import { Decimal } from 'decimal.js';
import type { LocalisedText } from '../catalogue-types.js';
import type { IsoDate } from '../dated.js';
import type { Scheme } from '../scheme-types.js';
import { provenanceStatuses, type ProvenanceStatus, type Scorecard } from './scorecard-types.js';
import '../money.js';

// Who stands behind each figure and document (readiness.md "Provenance of every figure"): the owner typed it, an
// association advisor saw the papers, or a bank officer checked the document. The documentation pillar weights
// documents by it, and a document is only as good as the weakest figure it backs.

export interface Provenance {
  status: ProvenanceStatus;
  /** Who checked it (advisor or officer), where known. */
  by?: string | undefined;
  on?: IsoDate | undefined;
}

/** A figure the owner entered, with who stands behind it. */
export interface ProvenancedFigure<T> {
  value: T;
  provenance: Provenance;
}

const rank = (status: ProvenanceStatus) => provenanceStatuses.indexOf(status);

/**
 * A figure after an edit. A changed value is the editor's word again, whoever had checked the old one, so its
 * provenance resets to self-declared; an unchanged value keeps its checks.
 */
export function reviseFigure<T>(
  figure: ProvenancedFigure<T>,
  value: T,
  edit: { by?: string | undefined; on: IsoDate; equals: (a: T, b: T) => boolean },
): ProvenancedFigure<T> {
  if (edit.equals(figure.value, value)) return figure;
  return { value, provenance: { status: 'self-declared', by: edit.by, on: edit.on } };
}

export interface ChecklistItem {
  id: string;
  label: LocalisedText;
  /** As given for the document. */
  provenance: Provenance;
  /** After capping by the figures the document backs. */
  effectiveStatus: ProvenanceStatus;
  weight: Decimal;
  /** Why the effective status is below the document's own, if it is. */
  cappedBy: string | null;
  /** Schemes (ids) that ask for this document beyond the general checklist. */
  askedBySchemes: readonly string[];
}

export interface DocumentChecklist {
  items: ChecklistItem[];
  /** Σ weight ÷ number of documents: the documentation factor's share. */
  share: Decimal;
}

function evidenceCap(
  documentId: string,
  scorecard: Scorecard,
  figures: Readonly<Record<string, Provenance>>,
): { status: ProvenanceStatus; path: string } | null {
  const backed = scorecard.evidence[documentId] ?? [];
  let weakest: { status: ProvenanceStatus; path: string } | null = null;
  for (const [path, provenance] of Object.entries(figures)) {
    const covered = backed.some((prefix) => path === prefix || path.startsWith(`${prefix}.`));
    if (covered && (weakest === null || rank(provenance.status) < rank(weakest.status)))
      weakest = { status: provenance.status, path };
  }
  return weakest;
}

/**
 * The checklist of readiness.md plus the documents of the schemes the enterprise qualifies for, each with its
 * provenance weight. A document not given is missing. A figure whose provenance is weaker than its document's
 * (e.g. edited after the bank checked the statements) lowers that document to the figure's level.
 */
export function documentChecklist(
  scorecard: Scorecard,
  given: Readonly<Record<string, Provenance>>,
  figures: Readonly<Record<string, Provenance>>,
  context: { hasExistingDebt: boolean; matchedSchemes: readonly Scheme[] },
): DocumentChecklist {
  const entries: { id: string; label: LocalisedText; askedBySchemes: string[] }[] = scorecard.documents
    .filter((document) => context.hasExistingDebt || !document.onlyWithExistingDebt)
    .map((document) => ({ id: document.id, label: document.label, askedBySchemes: [] }));
  for (const scheme of context.matchedSchemes) {
    for (const document of scheme.documents) {
      const entry = entries.find((candidate) => candidate.id === document.id);
      if (entry) entry.askedBySchemes.push(scheme.id);
      else entries.push({ id: document.id, label: document.label, askedBySchemes: [scheme.id] });
    }
  }
  const items = entries.map((entry): ChecklistItem => {
    const provenance = given[entry.id] ?? { status: 'missing' };
    const cap = provenance.status === 'missing' ? null : evidenceCap(entry.id, scorecard, figures);
    const capped = cap !== null && rank(cap.status) < rank(provenance.status);
    const effectiveStatus = capped ? cap.status : provenance.status;
    return {
      id: entry.id,
      label: entry.label,
      provenance,
      effectiveStatus,
      weight: scorecard.provenanceWeights[effectiveStatus],
      cappedBy: capped ? cap.path : null,
      askedBySchemes: entry.askedBySchemes,
    };
  });
  const total = items.reduce((sum, item) => sum.plus(item.weight), new Decimal(0));
  return { items, share: items.length === 0 ? new Decimal(1) : total.dividedBy(items.length) };
}
