import { Decimal } from 'decimal.js';
import type { Cluster, LocalisedText, Parameters, Technology } from './catalogue-types.js';
import { valueOn, type IsoDate } from './dated.js';
import type { EconomicsResult } from './economics.js';
import type { EnterpriseEnergyUse } from './energy/energy-baseline.js';
import type { BaselineStream } from './energy/energy-streams.js';
import { assessProject } from './energy/project-savings.js';
import type { AssessmentStatus } from './energy/technology-savings.js';
import type { LoanTerms } from './finance/loan.js';
import {
  FINANCIAL_FIGURES,
  type EnergyUse,
  type EnterpriseProfile,
  type FinancialFigure,
} from './enterprise-profile.js';
import { moneyString, percentString, ratioString, yearsString } from './money.js';
import type { ProjectType } from './enterprise-facts.js';
import type { FigureCheck } from './figure-checks.js';
import type { AuditBasis } from './readiness/assess-readiness.js';
import type { Band } from './readiness/scorecard.js';

// The application as frozen at submission: the exact profile inputs, the request, and the results computed
// from them under the catalogue in force on the assessment date. Everything is plain JSON with decimals as
// strings, so the stored file reads back identically whatever the profile or the catalogue become.
// Readiness and the financing package join `results` when those modules exist; a snapshot without them says
// so by their absence, and `schema` lets a reader tell the shapes apart.

export const SNAPSHOT_SCHEMA = 1;

/** Version of the consent wording the owner ticks; a new wording gets a new version. */
export const CONSENT_TEXT_VERSION = 'share-with-lender-v1';

type Exact = string | null;

export interface LoanRequest {
  technologyId: string;
  capexInr: Decimal;
  /** The owner's yearly running cost of the upgrade, from the quotation; null leaves the catalogue's default. */
  annualOmInr: Decimal | null;
  /** The yearly saving the owner's energy audit found; null leaves the model's estimate. */
  annualSavingInr: Decimal | null;
  /** The kind of audit behind `annualSavingInr`; null exactly when it is null. */
  savingsBasis: AuditBasis | null;
  /** What the upgrade does to the plant; null: not said. */
  projectType: ProjectType | null;
  /** What the owner's energy audit cost (state schemes pay part of it back); absent or null: not given. */
  energyAuditCostInr?: Decimal | null | undefined;
  loanInr: Decimal;
  tenureMonths: number;
  moratoriumMonths: number;
}

export interface LenderChoice {
  lenderId: number;
  lenderName: string;
  branchId: number;
  branchName: string;
  branchCity: string;
}

export interface ProfileSnapshot {
  enterpriseId: number;
  profileVersion: number;
  details: {
    name: string;
    clusterId: string;
    udyamNumber: string | null;
    gstNumber: string | null;
    constitution: string | null;
    yearOfStart: number | null;
    ownership: string[] | null;
    investmentInr: Exact;
  };
  energy: Record<keyof EnergyUse, Exact> | null;
  financials: ({ fiscalYear: string } & Record<FinancialFigure, Exact>)[];
  credit: {
    newToCredit: boolean;
    cmrRank: number | null;
    existingLoansInr: Exact;
    existingEmiInr: Exact;
    smaStatus: string;
  } | null;
  compliance: { consentToOperateUntil: string | null; gstReturnsFiled: boolean } | null;
  documents: { documentId: string; provenance: string }[];
  /** Groups of figures an advisor had seen, with the values seen; absent in snapshots from before checks. */
  figureChecks?: FigureCheck[];
}

export interface EconomicsSnapshot {
  netCapexInr: string;
  netAnnualSavingsInr: string;
  simplePaybackYears: Exact;
  discountedPaybackYears: Exact;
  npvInr: string;
  irrPct: Exact;
  annualisedCostInr: string;
  cashFlows: { year: number; cashFlowInr: string; cumulativeInr: string; cumulativeDiscountedInr: string }[];
  loan: {
    emiInr: string;
    moratoriumInterestInr: string;
    totalInterestInr: string;
    totalDebtServiceInr: string;
    minDscr: Exact;
    avgDscr: Exact;
    years: { year: number; debtServiceInr: string; netSavingInr: string; dscr: Exact }[];
  } | null;
}

/**
 * The financing package the owner chose on their saved plan, frozen at submission: the schemes with their names
 * and what each is worth on the request's terms, and the package costed on them. Absent from snapshots made
 * before packages could be chosen, or when the owner chose none for this technology.
 */
export interface FinancingPackageSnapshot {
  schemeIds: string[];
  schemes: { id: string; name: LocalisedText; benefitSummary: LocalisedText }[];
  /** Null when the package no longer builds from the request's terms (a scheme no longer fits). */
  netProjectCostInr: Exact;
  netCostInr: Exact;
  emiInr: Exact;
  /** When the owner chose it on the assessment report. */
  chosenAt: string;
}

export interface ApplicationSnapshot {
  schema: typeof SNAPSHOT_SCHEMA;
  assessedOn: IsoDate;
  rulesVersion: string;
  cluster: { id: string; name: LocalisedText; state: string; sector: string };
  profile: ProfileSnapshot;
  request: {
    /** The first (or only) measure's technology: the one the queue filters and schemes match on. */
    technologyId: string;
    technologyName: LocalisedText;
    /** The project's cost: the quotation, or the sum of the measures' quotations. */
    capexInr: string;
    /** The owner's yearly running cost of the project; null where (any measure's) is the catalogue's. */
    annualOmInr: Exact;
    /** Every measure with its own quotation, in the order applied, for a project of more than one; else absent. */
    measures?: MeasureRequestSnapshot[];
    /** The owner's audited yearly saving and its kind of audit; absent in snapshots from before they were asked. */
    annualSavingInr?: Exact;
    savingsBasis?: AuditBasis | null;
    /** Absent in snapshots from before it was asked. */
    projectType?: ProjectType | null;
    /** What the owner's energy audit cost; absent when not given (and in snapshots from before it was asked). */
    energyAuditCostInr?: string;
    loanInr: string;
    tenureMonths: number;
    moratoriumMonths: number;
  } & LenderChoice;
  results: {
    /** `needs-input` when the profile lacks figures the savings model needs; they are listed in `needsInput`. */
    assessmentStatus: AssessmentStatus;
    needsInput: string[];
    annualSavingInr: Exact;
    annualCo2AvoidedTonnes: Exact;
    /** The rate the loan was projected at: the catalogue's cost of debt on the assessment date, not an offer. */
    projectionRatePct: Exact;
    economics: EconomicsSnapshot | null;
    /** What each measure saves on the use the ones before it left, for a project of more than one; else absent. */
    measures?: MeasureResultSnapshot[];
    /** The owner's chosen financing package; optional, so earlier snapshots read as before. */
    financingPackage?: FinancingPackageSnapshot;
    /** Loan readiness as assessed at submission; optional, so earlier snapshots read as before. */
    readiness?: ReadinessSnapshot;
  };
}

export interface MeasureRequestSnapshot {
  technologyId: string;
  technologyName: LocalisedText;
  capexInr: string;
  annualOmInr: Exact;
}

export interface MeasureResultSnapshot {
  technologyId: string;
  annualSavingInr: Exact;
  annualCo2AvoidedTonnes: Exact;
}

/** A measure after the first of the request: the technology, its quotation and the owner's running cost. */
export interface FurtherMeasureRequest {
  technology: Technology;
  capexInr: Decimal;
  annualOmInr: Decimal | null;
}

/**
 * The measures of a frozen request with what each saves: those recorded for a project of several, else the one
 * technology with the project's own figures (snapshots from before several measures read the same way).
 */
export function snapshotMeasures(
  snapshot: Pick<ApplicationSnapshot, 'request' | 'results'>,
): (MeasureRequestSnapshot & Omit<MeasureResultSnapshot, 'technologyId'>)[] {
  const { request, results } = snapshot;
  if (!request.measures)
    return [
      {
        technologyId: request.technologyId,
        technologyName: request.technologyName,
        capexInr: request.capexInr,
        annualOmInr: request.annualOmInr,
        annualSavingInr: results.annualSavingInr,
        annualCo2AvoidedTonnes: results.annualCo2AvoidedTonnes,
      },
    ];
  return request.measures.map((measure, index) => ({
    ...measure,
    annualSavingInr: results.measures?.[index]?.annualSavingInr ?? null,
    annualCo2AvoidedTonnes: results.measures?.[index]?.annualCo2AvoidedTonnes ?? null,
  }));
}

/**
 * The readiness score, band and points as they stood at submission: the file's own record of what the owner was
 * told, which a change to the scorecard files later cannot move. The explanations are worked out again from the
 * frozen inputs when shown.
 */
export interface ReadinessSnapshot {
  /** Points out of 100, as a decimal string. */
  score: string;
  /** Null when the band waited on parts that could not be assessed. */
  band: Band | null;
  failedGates: string[];
  factors: { id: string; points: string; maxPoints: string }[];
}

const exact = (value: Decimal | null | undefined): Exact => (value == null ? null : value.toFixed());
const money = (value: Decimal): string => moneyString(value);
const maybe = (value: Decimal | null, write: (v: Decimal) => string): Exact =>
  value === null ? null : write(value);

export function profileSnapshot(profile: EnterpriseProfile): ProfileSnapshot {
  const { details, energy, credit } = profile;
  return {
    enterpriseId: profile.id,
    profileVersion: profile.version,
    details: {
      name: details.name,
      clusterId: details.clusterId,
      udyamNumber: details.udyamNumber,
      gstNumber: details.gstNumber,
      constitution: details.constitution,
      yearOfStart: details.yearOfStart,
      ownership: details.ownership === null ? null : [...details.ownership],
      investmentInr: exact(details.investmentInr),
    },
    energy:
      energy === null
        ? null
        : (Object.fromEntries(
            (Object.entries(energy) as [keyof EnergyUse, Decimal | null][]).map(([key, value]) => [
              key,
              exact(value),
            ]),
          ) as Record<keyof EnergyUse, Exact>),
    financials: profile.financials.map((year) => ({
      fiscalYear: year.fiscalYear,
      ...(Object.fromEntries(FINANCIAL_FIGURES.map((figure) => [figure, exact(year[figure])])) as Record<
        FinancialFigure,
        Exact
      >),
    })),
    credit:
      credit === null
        ? null
        : {
            newToCredit: credit.newToCredit,
            cmrRank: credit.cmrRank,
            existingLoansInr: exact(credit.existingLoansInr),
            existingEmiInr: exact(credit.existingEmiInr),
            smaStatus: credit.smaStatus,
          },
    compliance: profile.compliance === null ? null : { ...profile.compliance },
    documents: profile.documents.map((d) => ({ documentId: d.documentId, provenance: d.provenance })),
    ...(profile.figureChecks ? { figureChecks: profile.figureChecks.map((check) => ({ ...check })) } : {}),
  };
}

const STREAM_OF: readonly [BaselineStream, keyof EnergyUse][] = [
  ['electricity', 'electricityKwh'],
  ['coke', 'cokeTonnes'],
  ['natural-gas', 'naturalGasScm'],
  ['lpg', 'lpgKg'],
  ['diesel', 'dieselLitres'],
  ['furnace-oil', 'furnaceOilKl'],
];

/** The profile's energy figures as the savings model reads them; unanswered streams are simply absent. */
export function energyUseOf(profile: EnterpriseProfile, cluster: Cluster): EnterpriseEnergyUse {
  const energy = profile.energy;
  const amounts: Partial<Record<BaselineStream, Decimal>> = {};
  for (const [stream, field] of STREAM_OF) {
    const value = energy?.[field];
    if (value) amounts[stream] = value;
  }
  return {
    state: cluster.state,
    productionTonnes: energy?.productionTonnes ?? new Decimal(0),
    amounts,
    contractDemandKva: energy?.contractDemandKva ?? undefined,
  };
}

function economicsSnapshot(economics: EconomicsResult): EconomicsSnapshot {
  const loan = economics.loan;
  return {
    netCapexInr: money(economics.netCapexInr),
    netAnnualSavingsInr: money(economics.netAnnualSavingsInr),
    simplePaybackYears: maybe(economics.simplePaybackYears, yearsString),
    discountedPaybackYears: maybe(economics.discountedPaybackYears, yearsString),
    npvInr: money(economics.npvInr),
    irrPct: maybe(economics.irrPct, percentString),
    annualisedCostInr: money(economics.annualisedCostInr),
    cashFlows: economics.cashFlows.map((flow) => ({
      year: flow.year,
      cashFlowInr: money(flow.cashFlowInr),
      cumulativeInr: money(flow.cumulativeInr),
      cumulativeDiscountedInr: money(flow.cumulativeDiscountedInr),
    })),
    // The monthly schedule is left out: it follows exactly from the request's loan terms and the projection rate.
    loan:
      loan === null
        ? null
        : {
            emiInr: money(loan.emiInr),
            moratoriumInterestInr: money(loan.moratoriumInterestInr),
            totalInterestInr: money(loan.totalInterestInr),
            totalDebtServiceInr: money(loan.totalDebtServiceInr),
            minDscr: maybe(loan.minDscr, ratioString),
            avgDscr: maybe(loan.avgDscr, ratioString),
            years: loan.years.map((year) => ({
              year: year.year,
              debtServiceInr: money(year.debtServiceInr),
              netSavingInr: money(year.netSavingInr),
              dscr: maybe(year.dscr, ratioString),
            })),
          },
  };
}

export interface SnapshotInput {
  profile: EnterpriseProfile;
  cluster: Cluster;
  technology: Technology;
  parameters: Parameters;
  request: LoanRequest;
  /** The second and later measures, in the owner's order; absent or [] for one technology. */
  furtherMeasures?: readonly FurtherMeasureRequest[] | undefined;
  lender: LenderChoice;
  assessedOn: IsoDate;
  rulesVersion: string;
}

/** Freezes the application: the profile as it is now, the request, and the savings and economics they give. */
export function buildSnapshot(input: SnapshotInput): ApplicationSnapshot {
  const { request, technology, parameters, assessedOn } = input;
  const projectionRatePct = valueOn(parameters.finance.costOfDebtPct, assessedOn)?.default ?? null;
  const loan: LoanTerms | undefined =
    projectionRatePct === null
      ? undefined
      : {
          principalInr: request.loanInr,
          annualRatePct: projectionRatePct,
          tenureMonths: request.tenureMonths,
          moratoriumMonths: request.moratoriumMonths,
          interestSubventionPct: new Decimal(0),
          subventionMonths: 0,
        };
  // The owner's quotations replace the catalogue's capex estimates (the bank lends against them), their running
  // costs the catalogue's O&M and their audited saving the model's, where they gave them.
  const measures = [
    { technology, capexInr: request.capexInr, annualOmInr: request.annualOmInr },
    ...(input.furtherMeasures ?? []),
  ];
  const project = assessProject(
    parameters,
    measures.map((measure) => ({
      technology: measure.technology,
      overrides: {
        capexInr: measure.capexInr,
        ...(measure.annualOmInr === null ? {} : { annualOmInr: measure.annualOmInr }),
      },
    })),
    {
      use: energyUseOf(input.profile, input.cluster),
      sector: input.cluster.sector,
      asOf: assessedOn,
      auditedSavingInr: request.annualSavingInr ?? undefined,
      loan,
    },
  );
  const assessment = project.project;
  const several = measures.length > 1;
  const projectCapexInr = measures.reduce((sum, m) => sum.plus(m.capexInr), new Decimal(0));
  const projectOmInr = measures.every((m) => m.annualOmInr !== null)
    ? measures.reduce((sum, m) => sum.plus(m.annualOmInr ?? 0), new Decimal(0))
    : null;
  return {
    schema: SNAPSHOT_SCHEMA,
    assessedOn,
    rulesVersion: input.rulesVersion,
    cluster: {
      id: input.cluster.id,
      name: { ...input.cluster.name },
      state: input.cluster.state,
      sector: input.cluster.sector,
    },
    profile: profileSnapshot(input.profile),
    request: {
      technologyId: technology.id,
      technologyName: { ...technology.name },
      capexInr: money(projectCapexInr),
      annualOmInr: maybe(projectOmInr, money),
      ...(several
        ? {
            measures: measures.map((measure) => ({
              technologyId: measure.technology.id,
              technologyName: { ...measure.technology.name },
              capexInr: money(measure.capexInr),
              annualOmInr: maybe(measure.annualOmInr, money),
            })),
          }
        : {}),
      annualSavingInr: maybe(request.annualSavingInr, money),
      savingsBasis: request.savingsBasis,
      projectType: request.projectType,
      ...(request.energyAuditCostInr ? { energyAuditCostInr: money(request.energyAuditCostInr) } : {}),
      loanInr: money(request.loanInr),
      tenureMonths: request.tenureMonths,
      moratoriumMonths: request.moratoriumMonths,
      ...input.lender,
    },
    results: {
      assessmentStatus: assessment.status,
      needsInput: assessment.needsInput.map((need) => need.key),
      annualSavingInr: maybe(assessment.annualSavingInr, money),
      annualCo2AvoidedTonnes: maybe(assessment.annualCo2AvoidedTonnes, (v) => v.toFixed(3)),
      projectionRatePct: maybe(projectionRatePct, percentString),
      economics: assessment.economics === null ? null : economicsSnapshot(assessment.economics),
      ...(several
        ? {
            measures: project.measures.map((measure) => ({
              technologyId: measure.technology.id,
              annualSavingInr: maybe(measure.assessment.annualSavingInr, money),
              annualCo2AvoidedTonnes: maybe(measure.assessment.annualCo2AvoidedTonnes, (v) => v.toFixed(3)),
            })),
          }
        : {}),
    },
  };
}
