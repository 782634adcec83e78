import { Decimal } from 'decimal.js';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import { economicsInputFromSnapshot, profileFromSnapshot } from '../../domain/application-review.js';
import type { ApplicationSnapshot } from '../../domain/application-snapshot.js';
import { valueOn } from '../../domain/dated.js';
import type { EnterpriseProfile, ProfileStep } from '../../domain/enterprise-profile.js';
import type { EnterpriseFacts } from '../../domain/enterprise-facts.js';
import { formatLakhCrore } from '../../domain/indian-number.js';
import { benefitSummary, type ProjectTerms } from '../../domain/scheme-benefits.js';
import { clusterFacts, matchSchemes } from '../../domain/scheme-matching.js';
import {
  profileReadiness,
  readinessInputOf,
  type ReadinessProject,
  type ReadinessResult,
} from '../../services/readiness-service.js';
import type { Lang } from '../i18n.js';
import { readinessView, type ReadinessView } from '../readiness/readiness-view.js';
import { termRow, type TermRow } from '../schemes/scheme-view.js';

// The officer's readiness panel and scheme overlay, computed from the frozen application alone: the snapshot's
// profile read back as a profile, its request as the project, assessed on the snapshot's assessment date. The
// live profile is never read, so an owner's later edits do not move the review.

/** The frozen profile as a profile: the steps it holds count as done; documents are dated to the assessment. */
export function snapshotProfile(snapshot: ApplicationSnapshot): EnterpriseProfile {
  const profile = profileFromSnapshot(snapshot.profile);
  const steps: [ProfileStep, boolean][] = [
    ['enterprise', true],
    ['energy', profile.energy !== null],
    ['finances', profile.financials.length > 0],
    ['credit', profile.credit !== null],
    ['compliance', profile.compliance !== null],
    ['documents', true],
  ];
  return {
    ...profile,
    documents: profile.documents.map((document) => ({ ...document, updatedAt: snapshot.assessedOn })),
    completedSteps: steps.filter(([, done]) => done).map(([step]) => step),
  };
}

/**
 * The application's project for the readiness input: the economics recovered from the stored results (capex,
 * saving, O&M, the loan at the projection rate, tenure and moratorium), and as own contribution what the loan
 * leaves of the quotation. The savings basis is the owner's audit where they gave its figure, else the model's
 * estimate. Undefined when the application was submitted without complete economics.
 */
export function snapshotProject(snapshot: ApplicationSnapshot): ReadinessProject | undefined {
  const economics = economicsInputFromSnapshot(snapshot);
  if (economics === null) return undefined;
  const capex = new Decimal(snapshot.request.capexInr);
  const loan = new Decimal(snapshot.request.loanInr);
  return {
    economics,
    promoterContributionInr: Decimal.max(capex.minus(loan), 0),
    savingsBasis: snapshot.request.savingsBasis ?? 'estimate',
    collateralOffered: false,
  };
}

/** Readiness of the frozen application on its assessment date; undefined when no scorecard was in force. */
export function snapshotReadiness(
  snapshot: ApplicationSnapshot,
  catalogue: Catalogue,
): ReadinessResult | undefined {
  const result = profileReadiness(
    snapshotProfile(snapshot),
    { catalogue, asOf: snapshot.assessedOn },
    snapshotProject(snapshot),
  );
  // The gaps tell an owner which step to add; the officer cannot add them and reads the pending marks instead.
  return result && { ...result, gaps: [] };
}

export function snapshotReadinessView(
  snapshot: ApplicationSnapshot,
  catalogue: Catalogue,
  lang: Lang,
): ReadinessView | null {
  const result = snapshotReadiness(snapshot, catalogue);
  return result ? readinessView(result, lang) : null;
}

export interface OverlayScheme {
  id: string;
  name: string;
  administrator: string;
  standing: 'eligible' | 'may-apply';
  criteria: { id: string; text: string; result: 'passed' | 'failed' | 'unknown' }[];
  terms: TermRow[];
  benefit: string;
  amount: string | null;
  references: string[];
}

/** The enterprise and project facts of the frozen file, as the scheme conditions read them. */
export function snapshotFacts(snapshot: ApplicationSnapshot, catalogue: Catalogue): EnterpriseFacts {
  const project = snapshotProject(snapshot);
  const input = readinessInputOf(snapshotProfile(snapshot), catalogue, snapshot.assessedOn, project);
  return {
    ...clusterFacts(catalogue.clusterById(snapshot.cluster.id)),
    ...input.facts,
    technologyId: snapshot.request.technologyId,
    capexInr: new Decimal(snapshot.request.capexInr),
    loanInr: new Decimal(snapshot.request.loanInr),
  };
}

/**
 * The schemes relevant to the file on its assessment date: open, and eligible or undecided (may apply), eligible
 * first. Each with its criteria, the terms it imposes (margin, tenor, fees, caps) and what it is worth to the
 * project. Null when no rate was in force to cost the loan.
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
  const matches = matchSchemes(catalogue.schemes, snapshotFacts(snapshot, catalogue), terms, asOf);
  return matches
    .filter((m) => m.evaluation.status.status === 'open' && m.evaluation.eligible !== false)
    .sort((a, b) => Number(b.evaluation.eligible === true) - Number(a.evaluation.eligible === true))
    .map(({ scheme, evaluation, benefit }) => ({
      id: scheme.id,
      name: scheme.name[lang],
      administrator: scheme.administrator[lang],
      standing: evaluation.eligible === true ? ('eligible' as const) : ('may-apply' as const),
      criteria: evaluation.criteria.map((criterion) => ({
        id: criterion.id,
        text: criterion.text[lang],
        result: criterion.result,
      })),
      terms: scheme.terms.map((term) => termRow(term, scheme, asOf, lang)),
      benefit: benefitSummary(benefit, scheme.administrator)[lang],
      amount: benefit.amountInr === null ? null : formatLakhCrore(benefit.amountInr, lang),
      references: scheme.references.map((reference) => reference.url),
    }));
}
