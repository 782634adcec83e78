import { Decimal } from 'decimal.js';
import {
  buildSnapshot,
  snapshotMeasures,
  type ApplicationSnapshot,
  type ProfileSnapshot,
} from './application-snapshot.js';
import type { Cluster, Parameters, Technology } from './catalogue-types.js';
import type { IsoDate } from './dated.js';
import type { EconomicsInput } from './economics.js';
import type { LoanTerms } from './finance/loan.js';
import type { FinancialYear } from './readiness/financial-statements.js';
import type { SensitivitySettings } from './readiness/scorecard-types.js';
import {
  FINANCIAL_FIGURES,
  PROVENANCES,
  type EnergyUse,
  type EnterpriseProfile,
  type Provenance,
} from './enterprise-profile.js';

// What a bank officer reads off a frozen application: the figures as submitted, who stands behind each one once
// the officer's document checks are laid over the snapshot, and the project's inputs recovered from the stored
// results so the sensitivity table is recomputed from the snapshot alone, never from today's profile or catalogue.

const ZERO = new Decimal(0);
const HUNDRED = new Decimal(100);

/** The loan terms the snapshot projected: the request at the catalogue's cost of debt on the assessment date. */
export function projectedLoanTerms(snapshot: ApplicationSnapshot): LoanTerms | undefined {
  const rate = snapshot.results.projectionRatePct;
  if (rate === null) return undefined;
  return {
    principalInr: new Decimal(snapshot.request.loanInr),
    annualRatePct: new Decimal(rate),
    tenureMonths: snapshot.request.tenureMonths,
    moratoriumMonths: snapshot.request.moratoriumMonths,
    interestSubventionPct: ZERO,
    subventionMonths: 0,
  };
}

/**
 * The economics inputs behind the snapshot's results. The snapshot stores results, not every input, so the rest
 * follows from them: O&M = gross saving − S₁; the lifetime is the number of saving years; the yearly growth from
 * S₂ = A(1+g) − O&M; the discount rate from the year-1 discounted flow S₁/(1+r). Stored amounts are rounded to
 * the paisa, so growth and rate are rounded to 4 decimal places of a percent, which restores the dated values.
 * The net savings themselves are the frozen ones, year by year, which a project of several measures needs.
 * Null when the application was submitted without complete economics.
 */
export function economicsInputFromSnapshot(snapshot: ApplicationSnapshot): EconomicsInput | null {
  const { results, request } = snapshot;
  const economics = results.economics;
  if (economics === null || results.annualSavingInr === null) return null;
  const gross = Decimal.max(new Decimal(results.annualSavingInr), ZERO);
  const first = new Decimal(economics.netAnnualSavingsInr);
  const omInr = gross.minus(first);
  const savingYears = economics.cashFlows.filter((flow) => flow.year >= 1);
  const second = savingYears[1];
  const growthPct =
    second === undefined || gross.isZero()
      ? ZERO
      : new Decimal(second.cashFlowInr)
          .plus(omInr)
          .dividedBy(gross)
          .minus(1)
          .times(HUNDRED)
          .toDecimalPlaces(4);
  const [yearZero, yearOne] = economics.cashFlows;
  const discountedFirst =
    yearZero && yearOne
      ? new Decimal(yearOne.cumulativeDiscountedInr).minus(new Decimal(yearZero.cumulativeDiscountedInr))
      : ZERO;
  const discountRatePct = discountedFirst.isZero()
    ? ZERO
    : first.dividedBy(discountedFirst).minus(1).times(HUNDRED).toDecimalPlaces(4);
  const capexInr = new Decimal(request.capexInr);
  return {
    capexInr,
    subsidyInr: capexInr.minus(new Decimal(economics.netCapexInr)),
    annualEnergySavingsInr: gross,
    annualOmCostInr: omInr,
    lifetimeYears: Math.max(1, savingYears.length),
    discountRatePct,
    savingsEscalationPct: growthPct,
    // The net savings as frozen, year by year: the cash-flow table the officer reads. One growth rate rebuilt from
    // years 1 and 2 only approximates a project of several measures (solar degrading, furnace savings growing).
    netSavingsByYearInr: savingYears.map((flow) => new Decimal(flow.cashFlowInr)),
    loan: projectedLoanTerms(snapshot),
  };
}

/** The snapshot's fiscal years as the statement ratios read them (figures not given stay undefined). */
export function financialYearsOf(snapshot: ApplicationSnapshot): FinancialYear[] {
  return snapshot.profile.financials.map((year) => {
    const figures: FinancialYear = { fiscalYear: year.fiscalYear };
    for (const figure of FINANCIAL_FIGURES) {
      const value = year[figure];
      if (value !== null) figures[figure] = new Decimal(value);
    }
    return figures;
  });
}

/** How the officer marked a document; absent = not yet looked at. */
export type DocumentMark = 'verified' | 'waived' | 'requested';

/** Provenance of a document or figure on the review; `missing` when the owner gave no such document. */
export type ReviewProvenance = Provenance | 'missing';

/**
 * Who stands behind a document on the review: the snapshot's provenance, raised to document-verified once an
 * officer of the lender has verified it. A waiver or a request leaves what the owner gave as it was.
 */
export function documentProvenance(
  snapshot: ApplicationSnapshot,
  documentId: string,
  mark: DocumentMark | undefined,
): ReviewProvenance {
  if (mark === 'verified') return 'document-verified';
  const given = snapshot.profile.documents.find((document) => document.documentId === documentId);
  if (!given) return 'missing';
  return (PROVENANCES as readonly string[]).includes(given.provenance)
    ? (given.provenance as Provenance)
    : 'self-declared';
}

/** The figure groups of the review and the document that evidences each (readiness.yaml `evidence`, extended). */
export const FIGURE_EVIDENCE = {
  financials: 'audited-financials-3y',
  capex: 'equipment-quotations',
  savings: 'energy-audit-report',
  udyam: 'udyam-certificate',
  gst: 'gst-registration',
  consent: 'consent-to-operate',
  existingLoans: 'existing-loan-sanctions',
  credit: 'bank-statements-12m',
} as const;
export type FigureGroup = keyof typeof FIGURE_EVIDENCE;

/**
 * A figure is as good as the document behind it: the owner's word (self-declared) until that document is in hand,
 * then the document's provenance.
 */
export function figureProvenance(
  snapshot: ApplicationSnapshot,
  group: FigureGroup,
  marks: Readonly<Record<string, DocumentMark>>,
): Provenance {
  const documentId = FIGURE_EVIDENCE[group];
  const provenance = documentProvenance(snapshot, documentId, marks[documentId]);
  return provenance === 'missing' ? 'self-declared' : provenance;
}

/** The officer's "what if": one savings shortfall, one tariff move, one rate rise and one delay. */
export interface SensitivityChoice {
  savingsShortfallPct: Decimal;
  tariffChangePct: Decimal;
  rateRisePoints: Decimal;
  delayMonths: number;
}

export function sensitivitySettings(choice: SensitivityChoice): SensitivitySettings {
  return {
    savingsLowerPct: [choice.savingsShortfallPct],
    tariffChangePct: choice.tariffChangePct,
    interestUpPoints: choice.rateRisePoints,
    commissioningDelayMonths: choice.delayMonths,
  };
}

/** The defaults of the review (users.md: savings 20 % lower, a tariff move, a rate rise, a six-month delay). */
export function defaultSensitivityChoice(settings: SensitivitySettings | undefined): SensitivityChoice {
  const lower = settings?.savingsLowerPct;
  return {
    savingsShortfallPct: lower?.[lower.length - 1] ?? new Decimal(20),
    tariffChangePct: settings?.tariffChangePct ?? new Decimal(10),
    rateRisePoints: settings?.interestUpPoints ?? new Decimal(2),
    delayMonths: settings?.commissioningDelayMonths ?? 6,
  };
}

const exact = (text: string | null): Decimal | null => (text === null ? null : new Decimal(text));

/**
 * The frozen profile read back as a profile, so the same inputs can be assessed under other rules. Only what the
 * snapshot froze is there: who last touched each document and the form's progress were not frozen, and the
 * assessment does not read them.
 */
export function profileFromSnapshot(profile: ProfileSnapshot): EnterpriseProfile {
  const { details } = profile;
  return {
    id: profile.enterpriseId,
    version: profile.profileVersion,
    ownerUserId: null,
    details: {
      ...details,
      constitution: details.constitution as EnterpriseProfile['details']['constitution'],
      ownership: details.ownership as EnterpriseProfile['details']['ownership'],
      investmentInr: exact(details.investmentInr),
    },
    energy:
      profile.energy === null
        ? null
        : (Object.fromEntries(
            Object.entries(profile.energy).map(([key, value]) => [key, exact(value)]),
          ) as unknown as EnergyUse),
    financials: profile.financials.map((year) => ({
      fiscalYear: year.fiscalYear,
      ...Object.fromEntries(FINANCIAL_FIGURES.map((figure) => [figure, exact(year[figure])])),
    })) as EnterpriseProfile['financials'],
    credit:
      profile.credit === null
        ? null
        : {
            ...profile.credit,
            existingLoansInr: exact(profile.credit.existingLoansInr),
            existingEmiInr: exact(profile.credit.existingEmiInr),
            smaStatus: profile.credit.smaStatus as NonNullable<EnterpriseProfile['credit']>['smaStatus'],
          },
    compliance: profile.compliance,
    documents: profile.documents.map((document) => ({
      documentId: document.documentId as EnterpriseProfile['documents'][number]['documentId'],
      provenance: document.provenance as Provenance,
      updatedByUserId: 0,
      updatedAt: '',
    })),
    completedSteps: [],
    ...(profile.figureChecks ? { figureChecks: profile.figureChecks } : {}),
  };
}

/**
 * "Re-assess under today's rules": the same frozen inputs and request under the catalogue in force now, for a
 * side-by-side view when the catalogue changed since submission. The stored snapshot is not touched.
 */
export function reassessSnapshot(
  snapshot: ApplicationSnapshot,
  rules: {
    parameters: Parameters;
    cluster: Cluster;
    /** The technology of each measure of the request, in order (one for a single-technology request). */
    technologies: readonly [Technology, ...Technology[]];
    rulesVersion: string;
    today: IsoDate;
  },
): ApplicationSnapshot {
  const { request } = snapshot;
  const [first, ...further] = snapshotMeasures(snapshot);
  const [technology, ...furtherTechnologies] = rules.technologies;
  return buildSnapshot({
    profile: profileFromSnapshot(snapshot.profile),
    cluster: rules.cluster,
    technology,
    furtherMeasures: further.flatMap((measure, index) => {
      const furtherTechnology = furtherTechnologies[index];
      return furtherTechnology
        ? [
            {
              technology: furtherTechnology,
              capexInr: new Decimal(measure.capexInr),
              annualOmInr: exact(measure.annualOmInr),
            },
          ]
        : [];
    }),
    parameters: rules.parameters,
    request: {
      technologyId: request.technologyId,
      capexInr: new Decimal(first?.capexInr ?? request.capexInr),
      annualOmInr: exact(first ? first.annualOmInr : request.annualOmInr),
      annualSavingInr: exact(request.annualSavingInr ?? null),
      savingsBasis: request.savingsBasis ?? null,
      projectType: request.projectType ?? null,
      loanInr: new Decimal(request.loanInr),
      tenureMonths: request.tenureMonths,
      moratoriumMonths: request.moratoriumMonths,
    },
    lender: {
      lenderId: request.lenderId,
      lenderName: request.lenderName,
      branchId: request.branchId,
      branchName: request.branchName,
      branchCity: request.branchCity,
    },
    assessedOn: rules.today,
    rulesVersion: rules.rulesVersion,
  });
}
