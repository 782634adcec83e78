import { Decimal } from 'decimal.js';
import type { ApplicationEvent, ApplicationSummary } from '../../db/application-repository.js';
import type { ApplicationSnapshot } from '../../domain/application-snapshot.js';
import { applicantStatus } from '../../domain/application-status.js';
import { formatIndianNumber, formatInr, formatLakhCrore } from '../../domain/indian-number.js';
import type { ApplicationView } from '../../services/application-service.js';
import { measureRows, projectName } from '../frozen-measures.js';
import type { Lang } from '../i18n.js';

// Formatted values for the owner's application pages: the views do no arithmetic and read no Decimal.

const rupees = (text: string | null, lang: Lang) =>
  text === null ? null : formatLakhCrore(new Decimal(text), lang);
const exactRupees = (text: string | null) => (text === null ? null : formatInr(new Decimal(text)));
const decimal = (text: string | null, places: number) =>
  text === null ? null : formatIndianNumber(new Decimal(text), places);

export function summaryRow(application: ApplicationSummary, lang: Lang) {
  return {
    ackNumber: application.ackNumber,
    enterpriseName: application.enterpriseName,
    status: applicantStatus(application.status),
    loan: formatLakhCrore(application.loanInr, lang),
    submittedAt: application.submittedAt,
  };
}

/** The frozen figures as submitted: every one read from the snapshot, never from today's profile. */
export function snapshotFigures(snapshot: ApplicationSnapshot, lang: Lang) {
  const { request, results } = snapshot;
  const economics = results.economics;
  return {
    enterpriseName: snapshot.profile.details.name,
    udyamNumber: snapshot.profile.details.udyamNumber,
    cluster: snapshot.cluster.name[lang],
    technology: projectName(snapshot, lang),
    measures: measureRows(snapshot, lang),
    capex: exactRupees(request.capexInr),
    annualOm: exactRupees(request.annualOmInr),
    auditedSaving: exactRupees(request.annualSavingInr ?? null),
    savingsBasis: request.savingsBasis ?? null,
    energyAuditCost: exactRupees(request.energyAuditCostInr ?? null),
    projectType: request.projectType ?? null,
    loan: exactRupees(request.loanInr),
    tenureMonths: request.tenureMonths,
    moratoriumMonths: request.moratoriumMonths,
    lender: `${request.lenderName} — ${request.branchName}, ${request.branchCity}`,
    assessedOn: snapshot.assessedOn,
    rulesVersion: snapshot.rulesVersion,
    complete: economics !== null,
    needsInput: results.needsInput,
    annualSaving: rupees(results.annualSavingInr, lang),
    readiness: results.readiness
      ? { score: decimal(results.readiness.score, 2), band: results.readiness.band }
      : null,
    co2Tonnes: decimal(results.annualCo2AvoidedTonnes, 1),
    paybackYears: decimal(economics?.simplePaybackYears ?? null, 1),
    irrPct: decimal(economics?.irrPct ?? null, 1),
    npv: rupees(economics?.npvInr ?? null, lang),
    emi: exactRupees(economics?.loan?.emiInr ?? null),
    minDscr: decimal(economics?.loan?.minDscr ?? null, 2),
    projectionRatePct: decimal(results.projectionRatePct, 2),
  };
}

export function timelineEntry(event: ApplicationEvent) {
  const reasons = event.details?.reasons;
  const sanction = event.details?.sanction as
    { amountInr: string; ratePct: string; tenureMonths: number; conditions: string } | undefined;
  return {
    occurredAt: event.occurredAt,
    labelKey:
      event.kind === 'status-changed' && event.action
        ? `applications.events.${event.action}`
        : `applications.events.${event.kind}`,
    byOwner: event.actorParty === 'owner',
    message: event.message ?? null,
    reasons: Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === 'string') : [],
    sanction: sanction && {
      amount: formatInr(new Decimal(sanction.amountInr)),
      ratePct: decimal(sanction.ratePct, 2),
      tenureMonths: sanction.tenureMonths,
      conditions: sanction.conditions,
    },
    replaces: typeof event.details?.replaces === 'string' ? event.details.replaces : null,
    replacedBy: typeof event.details?.replacedBy === 'string' ? event.details.replacedBy : null,
  };
}

export function applicationPage(view: ApplicationView, lang: Lang) {
  const { application } = view;
  return {
    ackNumber: application.ackNumber,
    version: application.version,
    status: applicantStatus(application.status),
    submittedAt: application.submittedAt,
    enterpriseId: application.enterpriseId,
    figures: snapshotFigures(application.snapshot, lang),
    consent: application.consent,
    timeline: view.events.map(timelineEntry),
    canAnswer: view.actions.includes('answer-information'),
    canWithdraw: view.actions.includes('withdraw'),
    previousAck: view.previousAck ?? null,
    replacedByAck: view.replacedByAck ?? null,
  };
}
