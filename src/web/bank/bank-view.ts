import { Decimal } from 'decimal.js';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import { snapshotMeasures, type ApplicationSnapshot } from '../../domain/application-snapshot.js';
import {
  defaultSensitivityChoice,
  documentProvenance,
  economicsInputFromSnapshot,
  figureProvenance,
  financialYearsOf,
  projectedLoanTerms,
  reassessSnapshot,
  sensitivitySettings,
  type DocumentMark,
  type FigureGroup,
  type SensitivityChoice,
} from '../../domain/application-review.js';
import {
  APPLICATION_STATUSES,
  DECLINE_REASONS,
  type ApplicationStatus,
} from '../../domain/application-status.js';
import { classify, normsOn } from '../../domain/classification.js';
import { valueOn } from '../../domain/dated.js';
import { loanSchedule } from '../../domain/finance/loan.js';
import { formatIndianNumber, formatInr, formatLakhCrore } from '../../domain/indian-number.js';
import { needsSecondOfficer } from '../../domain/maker-checker.js';
import { statementsLatestFirst, type Derived } from '../../domain/readiness/financial-statements.js';
import { readinessSensitivity } from '../../domain/readiness/readiness-sensitivity.js';
import { BANDS } from '../../domain/readiness/scorecard.js';
import type { Scorecard } from '../../domain/readiness/scorecard-types.js';
import type { OfficerFile, TrailEntry } from '../../services/application-review-service.js';
import type { QueueItem, QueuePage } from '../../services/application-service.js';
import { snapshotReadiness } from '../../services/snapshot-readiness.js';
import { measureRows, projectName } from '../frozen-measures.js';
import type { Lang } from '../i18n.js';
import { readinessView, type ReadinessView } from '../readiness/readiness-view.js';
import { schemeOverlay } from './scheme-overlay.js';

// Formatted values for the officer's pages (queue, review, appraisal note): the views do no arithmetic and read
// no Decimal. Every figure of the file is read from the frozen snapshot.

const DAY_MS = 86_400_000;
const money = (text: string | null) => (text === null ? null : formatInr(new Decimal(text)));
const lakh = (text: string | null, lang: Lang) =>
  text === null ? null : formatLakhCrore(new Decimal(text), lang);
const decimal = (value: Decimal | string | null | undefined, places: number) =>
  value === null || value === undefined ? null : formatIndianNumber(new Decimal(value), places);
const derived = (value: Derived, places: number) => decimal(value.value, places);

export function waitingDays(submittedAt: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(submittedAt)) / DAY_MS));
}

export function queueRow(item: QueueItem, catalogue: Catalogue, lang: Lang, now: Date) {
  return {
    ackNumber: item.ackNumber,
    enterpriseName: item.enterpriseName,
    cluster: catalogue.clusterById(item.clusterId)?.name[lang] ?? item.clusterId,
    technology: catalogue.technologyById(item.technologyId)?.name[lang] ?? item.technologyId,
    loan: formatLakhCrore(item.loanInr, lang),
    status: item.status,
    readinessBand: item.readinessBand ?? null,
    submittedAt: item.submittedAt,
    waitingDays: waitingDays(item.submittedAt, now),
  };
}

export function queueView(page: QueuePage, catalogue: Catalogue, lang: Lang, now: Date) {
  return {
    rows: page.items.map((item) => queueRow(item, catalogue, lang, now)),
    total: page.total,
    page: page.page,
    pageCount: page.pageCount,
    counts: APPLICATION_STATUSES.map((status) => ({ status, count: page.countsByStatus[status] ?? 0 })),
  };
}

export function filterOptions(catalogue: Catalogue, lang: Lang, t: (key: string) => string) {
  return {
    clusters: catalogue.clusters.map((c) => ({ value: c.id, label: c.name[lang] })),
    technologies: catalogue.technologies.map((t) => ({ value: t.id, label: t.name[lang] })),
    bands: BANDS.map((band) => ({ value: band, label: t(`readiness.band.${band}`) })),
  };
}

/**
 * The queue as CSV, for the officer's spreadsheet: exact rupees, ISO dates, one row per application; the band as
 * its code, empty where the file lacks what a band needs.
 */
export function queueCsv(items: readonly QueueItem[], catalogue: Catalogue, now: Date): string {
  const header = [
    'ack_number',
    'enterprise',
    'cluster',
    'technology',
    'capex_inr',
    'loan_inr',
    'tenure_months',
    'status',
    'readiness_band',
    'submitted_at',
    'waiting_days',
  ];
  const rows = items.map((item) => [
    item.ackNumber,
    item.enterpriseName,
    catalogue.clusterById(item.clusterId)?.name.en ?? item.clusterId,
    catalogue.technologyById(item.technologyId)?.name.en ?? item.technologyId,
    item.capexInr.toFixed(2),
    item.loanInr.toFixed(2),
    String(item.tenureMonths),
    item.status,
    item.readinessBand ?? '',
    item.submittedAt,
    String(waitingDays(item.submittedAt, now)),
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180 quoting; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The readiness panel of the frozen file, as the review page and the appraisal note show it. */
export function snapshotReadinessView(
  snapshot: ApplicationSnapshot,
  catalogue: Catalogue,
  lang: Lang,
): ReadinessView | null {
  const result = snapshotReadiness(snapshot, catalogue);
  return result ? readinessView(result, lang) : null;
}

/**
 * The score and band frozen at submission when working them out again from the frozen figures gives another
 * answer (the scorecard files changed since): the officer sees both. Null when they agree or nothing was frozen.
 */
function frozenReadinessChange(snapshot: ApplicationSnapshot, catalogue: Catalogue) {
  const frozen = snapshot.results.readiness;
  const now = snapshotReadiness(snapshot, catalogue);
  if (frozen === undefined || !now) return null;
  const nowScore = now.assessment.score.toFixed();
  if (frozen.score === nowScore && frozen.band === now.band) return null;
  return {
    score: formatIndianNumber(new Decimal(frozen.score), 2),
    band: frozen.band,
    nowScore: formatIndianNumber(now.assessment.score, 2),
  };
}

export function scorecardOn(catalogue: Catalogue, on: string): Scorecard | undefined {
  return catalogue.parameters.readiness && valueOn(catalogue.parameters.readiness, on);
}

function borrower(snapshot: ApplicationSnapshot, catalogue: Catalogue, lang: Lang) {
  const { details, credit, financials } = snapshot.profile;
  const latest = [...financials].sort((a, b) => b.fiscalYear.localeCompare(a.fiscalYear))[0];
  const norms = normsOn(catalogue, snapshot.assessedOn);
  const category =
    norms && details.investmentInr !== null && latest?.revenueInr != null
      ? classify(
          {
            investment: new Decimal(details.investmentInr),
            turnover: Decimal.max(new Decimal(latest.revenueInr), 0),
            exportTurnover: new Decimal(0),
          },
          norms,
        ).category
      : null;
  return {
    name: details.name,
    cluster: snapshot.cluster.name[lang],
    udyamNumber: details.udyamNumber,
    gstNumber: details.gstNumber,
    constitution: details.constitution,
    category,
    vintageYears:
      details.yearOfStart === null ? null : Number(snapshot.assessedOn.slice(0, 4)) - details.yearOfStart,
    cmrRank: credit?.cmrRank ?? null,
    newToCredit: credit?.newToCredit ?? null,
    smaStatus: credit?.smaStatus ?? null,
    existingLoans: money(credit?.existingLoansInr ?? null),
    existingEmi: money(credit?.existingEmiInr ?? null),
    consentToOperateUntil: snapshot.profile.compliance?.consentToOperateUntil ?? null,
  };
}

function ratioRows(snapshot: ApplicationSnapshot) {
  return statementsLatestFirst(financialYearsOf(snapshot)).ratios.map((year) => ({
    fiscalYear: year.fiscalYear,
    currentRatio: derived(year.currentRatio, 2),
    tolTnw: derived(year.tolTnw, 2),
    dscr: derived(year.dscr, 2),
    patMarginPct: derived(year.patMarginPct, 1),
    revenueGrowthPct: derived(year.revenueGrowthPct, 1),
    cashProfit: year.cashProfitInr.value === null ? null : formatInr(year.cashProfitInr.value),
  }));
}

function statementRows(snapshot: ApplicationSnapshot) {
  return [...snapshot.profile.financials]
    .sort((a, b) => b.fiscalYear.localeCompare(a.fiscalYear))
    .map((year) => ({
      fiscalYear: year.fiscalYear,
      revenue: money(year.revenueInr),
      profitAfterTax: money(year.profitAfterTaxInr),
      netWorth: money(year.netWorthInr),
      totalOutsideLiabilities: money(year.totalOutsideLiabilitiesInr),
    }));
}

function economicsView(snapshot: ApplicationSnapshot, lang: Lang) {
  const economics = snapshot.results.economics;
  if (economics === null) return null;
  const terms = projectedLoanTerms(snapshot);
  return {
    annualSaving: money(snapshot.results.annualSavingInr),
    netAnnualSaving: money(economics.netAnnualSavingsInr),
    netCapex: money(economics.netCapexInr),
    paybackYears: decimal(economics.simplePaybackYears, 1),
    discountedPaybackYears: decimal(economics.discountedPaybackYears, 1),
    npv: lakh(economics.npvInr, lang),
    irrPct: decimal(economics.irrPct, 1),
    co2Tonnes: decimal(snapshot.results.annualCo2AvoidedTonnes, 1),
    projectionRatePct: decimal(snapshot.results.projectionRatePct, 2),
    emi: money(economics.loan?.emiInr ?? null),
    totalInterest: money(economics.loan?.totalInterestInr ?? null),
    minDscr: decimal(economics.loan?.minDscr ?? null, 2),
    dscrYears: (economics.loan?.years ?? []).map((year) => ({
      year: year.year,
      debtService: money(year.debtServiceInr),
      netSaving: money(year.netSavingInr),
      dscr: decimal(year.dscr, 2),
    })),
    schedule:
      terms === undefined
        ? []
        : loanSchedule(terms).schedule.map((month) => ({
            month: month.month,
            opening: formatInr(month.openingBalanceInr),
            interest: formatInr(month.interestInr),
            principal: formatInr(month.principalInr),
            payment: formatInr(month.debtServiceInr),
            closing: formatInr(month.closingBalanceInr),
          })),
  };
}

export function sensitivityView(snapshot: ApplicationSnapshot, choice: SensitivityChoice, lang: Lang) {
  const input = economicsInputFromSnapshot(snapshot);
  if (input === null) return null;
  const result = readinessSensitivity(input, sensitivitySettings(choice));
  return {
    rows: result.cases.map((row) => ({
      id: row.id,
      label: row.label[lang],
      minDscr: decimal(row.minDscr, 2),
      year1Dscr: decimal(row.year1Dscr, 2),
      paybackYears: decimal(row.simplePaybackYears, 1),
      belowOne: row.minDscr !== null && row.minDscr.lessThan(1),
    })),
    breakEven:
      result.breakEven.annualEnergySavingsInr === null
        ? null
        : {
            saving: formatInr(result.breakEven.annualEnergySavingsInr),
            headroomPct: decimal(result.breakEven.headroomPct, 1),
          },
    breakEvenReason: result.breakEven.reason?.[lang] ?? null,
    notes: [result.tariffNote[lang], result.delayNote[lang]],
  };
}

/** The sensitivity controls as the form shows them. */
export function sensitivityValues(choice: SensitivityChoice): Record<string, string> {
  return {
    shortfall: choice.savingsShortfallPct.toString(),
    tariff: choice.tariffChangePct.toString(),
    rateRise: choice.rateRisePoints.toString(),
    delay: String(choice.delayMonths),
  };
}

export function defaultChoice(catalogue: Catalogue, snapshot: ApplicationSnapshot): SensitivityChoice {
  return defaultSensitivityChoice(scorecardOn(catalogue, snapshot.assessedOn)?.sensitivity);
}

function checklist(file: OfficerFile, catalogue: Catalogue, lang: Lang) {
  const { snapshot } = file.application;
  const required = scorecardOn(catalogue, snapshot.assessedOn)?.documents ?? [];
  const ids = [
    ...required.map((document) => document.id),
    ...snapshot.profile.documents.map((d) => d.documentId).filter((id) => !required.some((r) => r.id === id)),
  ];
  return ids.map((id) => {
    const check = file.checks.find((c) => c.documentId === id);
    return {
      id,
      label: required.find((document) => document.id === id)?.label[lang] ?? id,
      given: documentProvenance(snapshot, id, undefined),
      provenance: documentProvenance(snapshot, id, check?.state),
      mark: check?.state ?? null,
      reason: check?.reason ?? null,
      by: check?.officerName ?? null,
      at: check?.checkedAt ?? null,
    };
  });
}

export function documentIdsOf(file: OfficerFile, catalogue: Catalogue): string[] {
  return checklist(file, catalogue, 'en').map((item) => item.id);
}

function trailEntry(entry: TrailEntry) {
  const details = Object.entries(entry.details)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return {
    occurredAt: entry.occurredAt,
    actor: entry.actorName ?? '—',
    actionKey: `bank.trail.actions.${entry.action.replace(/^application\./, '')}`,
    details: details.join(' · '),
  };
}

function reassessment(snapshot: ApplicationSnapshot, catalogue: Catalogue, today: string, lang: Lang) {
  if (catalogue.version === snapshot.rulesVersion) return null;
  const cluster = catalogue.clusterById(snapshot.cluster.id);
  const technologies = snapshotMeasures(snapshot).map((measure) =>
    catalogue.technologyById(measure.technologyId),
  );
  const [technology, ...further] = technologies;
  if (!cluster || !technology || !further.every((t) => t !== undefined))
    return { available: false as const, rulesVersion: catalogue.version, today };
  const now = reassessSnapshot(snapshot, {
    parameters: catalogue.parameters,
    cluster,
    technologies: [technology, ...further],
    rulesVersion: catalogue.version,
    today,
  });
  const row = (s: ApplicationSnapshot) => ({
    annualSaving: money(s.results.annualSavingInr),
    paybackYears: decimal(s.results.economics?.simplePaybackYears, 1),
    npv: lakh(s.results.economics?.npvInr ?? null, lang),
    projectionRatePct: decimal(s.results.projectionRatePct, 2),
    emi: money(s.results.economics?.loan?.emiInr ?? null),
    minDscr: decimal(s.results.economics?.loan?.minDscr, 2),
  });
  return {
    available: true as const,
    rulesVersion: catalogue.version,
    today,
    then: row(snapshot),
    now: row(now),
  };
}

const PROVENANCE_GROUPS: readonly FigureGroup[] = [
  'financials',
  'capex',
  'savings',
  'udyam',
  'gst',
  'consent',
  'existingLoans',
  'credit',
];

export interface ReviewOptions {
  catalogue: Catalogue;
  lang: Lang;
  today: string;
  choice: SensitivityChoice;
}

/** The review page: the frozen file, its analysis, the checklist, the actions open now and the audit trail. */
export function reviewView(file: OfficerFile, options: ReviewOptions) {
  const { catalogue, lang, today, choice } = options;
  const { application } = file;
  const { snapshot } = application;
  const marks: Record<string, DocumentMark> = Object.fromEntries(
    file.checks.map((c) => [c.documentId, c.state]),
  );
  const requestedAmount = application.loanInr;
  return {
    ackNumber: application.ackNumber,
    version: application.version,
    status: application.status,
    submittedAt: application.submittedAt,
    waitingDays: waitingDays(application.submittedAt, new Date(`${today}T00:00:00Z`)),
    lender: `${snapshot.request.lenderName} — ${snapshot.request.branchName}, ${snapshot.request.branchCity}`,
    lenderName: snapshot.request.lenderName,
    assessedOn: snapshot.assessedOn,
    rulesVersion: snapshot.rulesVersion,
    borrower: borrower(snapshot, catalogue, lang),
    request: {
      technology: projectName(snapshot, lang),
      measures: measureRows(snapshot, lang),
      capex: money(snapshot.request.capexInr),
      annualOm: money(snapshot.request.annualOmInr),
      auditedSaving: money(snapshot.request.annualSavingInr ?? null),
      savingsBasis: snapshot.request.savingsBasis ?? null,
      energyAuditCost: money(snapshot.request.energyAuditCostInr ?? null),
      projectType: snapshot.request.projectType ?? null,
      loan: money(snapshot.request.loanInr),
      tenureMonths: snapshot.request.tenureMonths,
      moratoriumMonths: snapshot.request.moratoriumMonths,
    },
    provenance: Object.fromEntries(PROVENANCE_GROUPS.map((g) => [g, figureProvenance(snapshot, g, marks)])),
    statements: statementRows(snapshot),
    ratios: ratioRows(snapshot),
    economics: economicsView(snapshot, lang),
    needsInput: snapshot.results.needsInput,
    sensitivity: sensitivityView(snapshot, choice, lang),
    sensitivityValues: sensitivityValues(choice),
    readiness: snapshotReadinessView(snapshot, catalogue, lang),
    frozenReadiness: frozenReadinessChange(snapshot, catalogue),
    schemes: schemeOverlay(snapshot, catalogue, lang),
    reassessment: reassessment(snapshot, catalogue, today, lang),
    checklist: checklist(file, catalogue, lang),
    actions: file.actions,
    pending: file.pending && {
      maker: file.pending.makerName ?? '—',
      at: file.pending.at,
      amount: money(file.pending.terms?.amountInr ?? null),
      ratePct: decimal(file.pending.terms?.ratePct ?? null, 2),
      tenureMonths: file.pending.terms?.tenureMonths ?? null,
      conditions: file.pending.terms?.conditions ?? '',
    },
    secondApprovalAbove: formatLakhCrore(file.secondApprovalAboveInr, lang),
    requestNeedsSecondOfficer: needsSecondOfficer(requestedAmount, file.secondApprovalAboveInr),
    termDefaults: {
      amount: file.pending?.terms?.amountInr ?? snapshot.request.loanInr,
      rate: file.pending?.terms
        ? new Decimal(file.pending.terms.ratePct).toFixed(2)
        : snapshot.results.projectionRatePct === null
          ? ''
          : new Decimal(snapshot.results.projectionRatePct).toFixed(2),
      tenure: String(file.pending?.terms?.tenureMonths ?? snapshot.request.tenureMonths),
      conditions: file.pending?.terms?.conditions ?? '',
    },
    declineReasons: DECLINE_REASONS,
    events: file.events.map((event) => ({
      occurredAt: event.occurredAt,
      actor: event.actorName ?? '—',
      kind: event.kind,
      action: event.action ?? null,
      visibility: event.visibility,
      message: event.message ?? null,
      reasons: Array.isArray(event.details?.reasons) ? (event.details.reasons as string[]) : [],
    })),
    trail: file.trail.map(trailEntry),
  };
}

export type ReviewPage = ReturnType<typeof reviewView>;

/** Statuses shown as filter choices, in the machine's order. */
export const statusChoices = (
  t: (key: string) => string,
  counts: readonly { status: ApplicationStatus; count: number }[],
) =>
  counts.map(({ status, count }) => ({ value: status, label: `${t(`bank.status.${status}`)} (${count})` }));
