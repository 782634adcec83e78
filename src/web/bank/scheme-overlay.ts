import { Decimal } from 'decimal.js';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import type { ApplicationSnapshot } from '../../domain/application-snapshot.js';
import { valueOn } from '../../domain/dated.js';
import { formatLakhCrore } from '../../domain/indian-number.js';
import { benefitSummary, termsApplying, type ProjectTerms } from '../../domain/scheme-benefits.js';
import { matchSchemes } from '../../domain/scheme-matching.js';
import type { Scheme, SchemeKind } from '../../domain/scheme-types.js';
import { snapshotFacts } from '../../services/snapshot-readiness.js';
import type { Lang } from '../i18n.js';
import { termRow, type TermRow } from '../schemes/scheme-view.js';

// The scheme overlay of the officer's review, from the frozen application alone: the schemes open to the file on
// its assessment date, each with its conditions, the terms that apply to this file and who pays each kind of
// support it gives.

/** One kind of support a scheme gives and the body that pays or gives it (the scheme's administrator). */
export interface SchemePayer {
  kind: SchemeKind;
  administrator: string;
}

export interface OverlayScheme {
  id: string;
  name: string;
  administrator: string;
  standing: 'eligible' | 'may-apply';
  criteria: { id: string; text: string; result: 'passed' | 'failed' | 'unknown' }[];
  /** The terms that apply to this file; those for other enterprises or loans are left out and counted. */
  terms: TermRow[];
  termsLeftOut: number;
  payers: SchemePayer[];
  benefit: string;
  amount: string | null;
  references: string[];
}

/**
 * Who pays each kind of support the scheme gives. A scheme file names one administering body and nothing finer,
 * so that body is named for each kind (it pays the subsidy or subvention, gives the cover, lends under the line).
 */
export function payersOf(scheme: Scheme, lang: Lang): SchemePayer[] {
  return scheme.kinds.map((kind) => ({ kind, administrator: scheme.administrator[lang] }));
}

/**
 * The schemes relevant to the file on its assessment date: open, and eligible or undecided (may apply), eligible
 * first. Each with its criteria, the terms it imposes on this file (margin, tenor, fees, caps) — a term whose own
 * condition fails or is unknown for the file is left out, as it is when the benefit is valued — who pays, and
 * what it is worth to the project. Null when no rate was in force to cost the loan.
 */
export function schemeOverlay(
  snapshot: ApplicationSnapshot,
  catalogue: Catalogue,
  lang: Lang,
): OverlayScheme[] | null {
  const asOf = snapshot.assessedOn;
  const rate =
    snapshot.results.projectionRatePct === null
      ? valueOn(catalogue.parameters.finance.costOfDebtPct, asOf)?.default
      : new Decimal(snapshot.results.projectionRatePct);
  if (!rate) return null;
  const terms: ProjectTerms = {
    capexInr: new Decimal(snapshot.request.capexInr),
    loanInr: new Decimal(snapshot.request.loanInr),
    annualRatePct: rate,
    tenureMonths: snapshot.request.tenureMonths,
    moratoriumMonths: snapshot.request.moratoriumMonths,
  };
  const facts = snapshotFacts(snapshot, catalogue);
  const matches = matchSchemes(catalogue.schemes, facts, terms, asOf);
  return matches
    .filter((m) => m.evaluation.status.status === 'open' && m.evaluation.eligible !== false)
    .sort((a, b) => Number(b.evaluation.eligible === true) - Number(a.evaluation.eligible === true))
    .map(({ scheme, evaluation, benefit }) => {
      const applying = termsApplying(scheme, facts, asOf);
      return {
        id: scheme.id,
        name: scheme.name[lang],
        administrator: scheme.administrator[lang],
        standing: evaluation.eligible === true ? ('eligible' as const) : ('may-apply' as const),
        criteria: evaluation.criteria.map((criterion) => ({
          id: criterion.id,
          text: criterion.text[lang],
          result: criterion.result,
        })),
        terms: applying.map((term) => termRow(term, scheme, asOf, lang)),
        termsLeftOut: scheme.terms.length - applying.length,
        payers: payersOf(scheme, lang),
        benefit: benefitSummary(benefit, scheme.administrator)[lang],
        amount: benefit.amountInr === null ? null : formatLakhCrore(benefit.amountInr, lang),
        references: scheme.references.map((reference) => reference.url),
      };
    });
}
