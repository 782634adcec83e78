import type { Decimal } from 'decimal.js';
import type { Catalogue } from '../catalogue/load-catalogue.js';
import type {
  Application,
  ApplicationEvent,
  ApplicationFilter,
  ApplicationSort,
  ApplicationSummary,
  EventVisibility,
} from '../db/application-repository.js';
import type { SavedPlan } from '../db/enterprise-plan-repository.js';
import type { Branch, Organisation } from '../db/organisation-repository.js';
import type { Repositories } from '../db/repositories.js';
import { recordChange } from './audit-trail.js';
import { ackYear, formatAck } from '../domain/application-ack.js';
import {
  buildSnapshot,
  CONSENT_TEXT_VERSION,
  type FurtherMeasureRequest,
} from '../domain/application-snapshot.js';
import {
  actionsAvailable,
  isFinal,
  transition,
  type ApplicationAction,
  type ApplicationParty,
  type ApplicationStatus,
  type DeclineReason,
  TRANSITIONS,
} from '../domain/application-status.js';
import type { IsoDate } from '../domain/dated.js';
import { moneyString, percentString } from '../domain/money.js';
import type { Band } from '../domain/readiness/scorecard.js';
import type { Actor, ChangeContext } from './actor.js';
import { chosenPackageSnapshot } from './chosen-package.js';
import type { ProjectType } from '../domain/enterprise-facts.js';
import type { AuditBasis } from '../domain/readiness/assess-readiness.js';
import { readinessSnapshotOf, snapshotBand, snapshotReadiness } from './snapshot-readiness.js';
import type { EnterpriseProfileService } from './enterprise-profile-service.js';

export type { Application, ApplicationEvent, ApplicationSummary } from '../db/application-repository.js';

/** What the owner asks for; the form has parsed it (amounts exact to the paisa, months whole). */
export interface SubmissionRequest {
  enterpriseId: number;
  technologyId: string;
  /** The first (or only) measure's quotation and the owner's running cost of it. */
  capexInr: Decimal;
  annualOmInr: Decimal | null;
  /** The second and later measures, each with its quotation, in the order applied; absent or [] for one. */
  furtherMeasures?: { technologyId: string; capexInr: Decimal; annualOmInr: Decimal | null }[];
  /** The project's yearly saving the owner's energy audit found, with its kind of audit (both null without one). */
  annualSavingInr: Decimal | null;
  savingsBasis: AuditBasis | null;
  /** What the upgrade does to the plant; null: not said. */
  projectType: ProjectType | null;
  /** What the owner's energy audit cost; absent or null: not given. */
  energyAuditCostInr?: Decimal | null | undefined;
  loanInr: Decimal;
  tenureMonths: number;
  moratoriumMonths: number;
  branchId: number;
  /** The owner ticked the consent to share the file with the chosen lender. */
  consentGiven: true;
  /** Ack number of an earlier application this one replaces (a new version); it is withdrawn if still open. */
  replacesAck?: string | undefined;
}

/** The rules a submission is assessed under: the catalogue in force and the assessment date (today in India). */
export interface RulesContext {
  catalogue: Catalogue;
  assessedOn: IsoDate;
}

export type SubmissionField =
  'technologyId' | `technologyId${number}` | 'branchId' | 'loanInr' | 'replacesAck';

export type SubmitOutcome =
  | { ok: true; ackNumber: string }
  /** The enterprise does not exist or is not the actor's: answer 404. */
  | { ok: false; reason: 'not-found' }
  /** A check only the service can make failed; `error` is an i18n key for the field. */
  | { ok: false; reason: 'invalid'; field: SubmissionField; error: string };

export interface SanctionTerms {
  amountInr: Decimal;
  ratePct: Decimal;
  tenureMonths: number;
  conditions: string;
}

/** One step of the status machine, with what that step carries. */
export interface ActionRequest {
  action: ApplicationAction;
  /** The question, the answer, the officer's words to the applicant; required where the action needs it. */
  message?: string | undefined;
  /** Decline only: at least one. */
  reasons?: readonly DeclineReason[] | undefined;
  /** Sanction only: required. */
  sanction?: SanctionTerms | undefined;
}

export type ChangeOutcome =
  | { ok: true; status: ApplicationStatus; version: number }
  | { ok: false; reason: 'not-found' }
  /** The status machine refuses this action, for this party or from the current status. */
  | { ok: false; reason: 'not-allowed'; status: ApplicationStatus }
  /** Someone changed the application since `expectedVersion` was read: nothing was written. */
  | { ok: false; reason: 'conflict'; current: Application }
  | { ok: false; reason: 'invalid'; field: 'message' | 'reasons' | 'sanction'; error: string };

/** An application as one side sees it: the frozen file, its timeline for that side, and what they can do now. */
export interface ApplicationView {
  application: Application;
  events: ApplicationEvent[];
  actions: ApplicationAction[];
  lender: Organisation | undefined;
  branch: Branch | undefined;
  /** The application this one replaced, and the one that replaced it, if any. */
  previousAck: string | undefined;
  replacedByAck: string | undefined;
}

export interface QueueQuery extends Omit<ApplicationFilter, 'submittedAtOrBefore' | 'submittedAtOrAfter'> {
  /** The officer's own branch (default) or every branch of the officer's lender. */
  scope?: 'branch' | 'lender' | undefined;
  /** Waiting at least this many days since submission. */
  minAgeDays?: number | undefined;
  /** Submitted at most this many days ago. */
  maxAgeDays?: number | undefined;
  sort?: ApplicationSort | undefined;
  /** 1-based. */
  page?: number | undefined;
  pageSize?: number | undefined;
  /**
   * Give each item its readiness band, derived from its frozen snapshot on its assessment date under this
   * catalogue, as the review page shows it; with `bands`, keep only the applications in one of them.
   */
  readiness?: { catalogue: Catalogue; bands?: readonly Band[] | undefined } | undefined;
}

export interface QueueItem extends ApplicationSummary {
  /** Present when the query asked for readiness; null when the file lacks what a band needs. */
  readinessBand?: Band | null;
}

export interface QueuePage {
  items: QueueItem[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** Over the whole scope, before the filters: the counts a queue shows beside each status. */
  countsByStatus: Partial<Record<ApplicationStatus, number>>;
}

export interface LenderChoices {
  lender: Organisation;
  branches: Branch[];
}

const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 100;
const DAY_MS = 86_400_000;
const MAX_MESSAGE_LENGTH = 4000;

/** Status changes the applicant does not see: the lender's internal steps between review and decision. */
const INTERNAL_ACTIONS: readonly ApplicationAction[] = ['recommend', 'return-to-review'];

/**
 * Applications to lenders: the owner submits a frozen snapshot and follows it; officers of the chosen lender
 * (and only they) list, open and move it through the status machine. Anyone else gets "not found".
 */
export class ApplicationService {
  /** Readiness bands already derived, by catalogue version and application id (see `bandOf`). */
  private readonly bands = new Map<string, Band | null>();

  constructor(
    private readonly repos: Repositories,
    private readonly profiles: EnterpriseProfileService,
    private readonly now: () => Date,
  ) {}

  /** The owner's saved upgrade plan for the enterprise, to start the application form from; undefined: none or 404. */
  savedPlan(actor: Actor, enterpriseId: number): SavedPlan | undefined {
    if (actor.role !== 'owner' || !this.profiles.profileFor(actor, enterpriseId)) return undefined;
    return this.repos.plans.find(enterpriseId);
  }

  /** Every lender with its branches, for the owner's choice. */
  lenderChoices(): LenderChoices[] {
    return this.repos.organisations
      .list()
      .filter((organisation) => organisation.kind === 'lender')
      .map((lender) => ({ lender, branches: this.repos.organisations.branchesOf(lender.id) }))
      .filter((choice) => choice.branches.length > 0);
  }

  /**
   * Freezes the enterprise's profile with the request into a snapshot and records it under a new
   * acknowledgement number, allocated in the same IMMEDIATE transaction so concurrent submitters never share one.
   */
  submit(
    actor: Actor,
    request: SubmissionRequest,
    rules: RulesContext,
    context: ChangeContext,
  ): SubmitOutcome {
    if (actor.role !== 'owner') return { ok: false, reason: 'not-found' };
    const invalid = (field: SubmissionField, error: string): SubmitOutcome => ({
      ok: false,
      reason: 'invalid',
      field,
      error,
    });
    return this.repos.applications.exclusively((): SubmitOutcome => {
      const profile = this.profiles.profileFor(actor, request.enterpriseId);
      if (!profile) return { ok: false, reason: 'not-found' };
      const cluster = rules.catalogue.clusterById(profile.details.clusterId);
      const technology = rules.catalogue.technologyById(request.technologyId);
      if (!cluster)
        throw new Error(`enterprise ${profile.id} is in unknown cluster ${profile.details.clusterId}`);
      if (!technology?.applicability.sectors.includes(cluster.sector)) {
        return invalid('technologyId', 'applications.errors.technology');
      }
      const furtherMeasures: FurtherMeasureRequest[] = [];
      for (const [index, measure] of (request.furtherMeasures ?? []).entries()) {
        const further = rules.catalogue.technologyById(measure.technologyId);
        const repeated = [
          request.technologyId,
          ...(request.furtherMeasures ?? []).slice(0, index).map((m) => m.technologyId),
        ];
        if (!further?.applicability.sectors.includes(cluster.sector) || repeated.includes(further.id))
          return invalid(`technologyId${index + 2}`, 'applications.errors.technology');
        furtherMeasures.push({ ...measure, technology: further });
      }
      const projectCapexInr = furtherMeasures.reduce((sum, m) => sum.plus(m.capexInr), request.capexInr);
      const branch = this.repos.organisations.findBranch(request.branchId);
      const lender = branch && this.repos.organisations.findById(branch.organisationId);
      if (!branch || lender?.kind !== 'lender') return invalid('branchId', 'applications.errors.branch');
      if (request.loanInr.greaterThan(projectCapexInr))
        return invalid('loanInr', 'applications.errors.loanAboveCapex');
      let previous: Application | undefined;
      if (request.replacesAck !== undefined) {
        previous = this.repos.applications.findByAck(request.replacesAck);
        if (previous?.enterpriseId !== profile.id || previous.ownerUserId !== actor.userId) {
          return invalid('replacesAck', 'applications.errors.replaces');
        }
      }

      const submittedAt = this.now();
      const at = submittedAt.toISOString();
      const year = ackYear(submittedAt);
      const ackNumber = formatAck(year, this.repos.applications.nextAckSequence(year));
      const snapshot = buildSnapshot({
        profile,
        cluster,
        technology,
        parameters: rules.catalogue.parameters,
        request,
        furtherMeasures,
        lender: {
          lenderId: lender.id,
          lenderName: lender.name,
          branchId: branch.id,
          branchName: branch.name,
          branchCity: branch.city,
        },
        assessedOn: rules.assessedOn,
        rulesVersion: rules.catalogue.version,
      });
      // The financing package the owner chose on their saved plan, valued on this request's terms.
      const financingPackage = chosenPackageSnapshot({
        plan: this.repos.plans.find(profile.id),
        profile,
        cluster,
        catalogue: rules.catalogue,
        request: { ...request, furtherMeasures, capexInr: projectCapexInr },
        results: snapshot.results,
        asOf: rules.assessedOn,
      });
      if (financingPackage) snapshot.results.financingPackage = financingPackage;
      const readiness = snapshotReadiness(snapshot, rules.catalogue);
      if (readiness) snapshot.results.readiness = readinessSnapshotOf(readiness);
      const id = this.repos.applications.insert({
        ackNumber,
        previousApplicationId: previous?.id ?? null,
        enterpriseId: profile.id,
        ownerUserId: actor.userId,
        lenderId: lender.id,
        branchId: branch.id,
        clusterId: cluster.id,
        technologyId: technology.id,
        capexInr: projectCapexInr,
        loanInr: request.loanInr,
        tenureMonths: request.tenureMonths,
        moratoriumMonths: request.moratoriumMonths,
        snapshot,
        rulesVersion: rules.catalogue.version,
        assessedOn: rules.assessedOn,
        consent: { userId: actor.userId, at, textVersion: CONSENT_TEXT_VERSION },
        submittedAt: at,
      });
      this.repos.applications.recordEvent({
        applicationId: id,
        occurredAt: at,
        actorUserId: actor.userId,
        actorParty: 'owner',
        kind: 'submitted',
        toStatus: 'submitted',
        visibility: 'applicant',
        details: previous ? { replaces: previous.ackNumber } : {},
      });
      if (previous && !isFinal(previous.status)) {
        this.move(previous, 'withdraw', 'owner', actor, at, { replacedBy: ackNumber }, undefined);
      }
      this.audit(actor, 'application.submitted', ackNumber, context, {
        enterpriseId: profile.id,
        profileVersion: profile.version,
        lenderId: lender.id,
        branchId: branch.id,
        technologyId: technology.id,
        loanInr: moneyString(request.loanInr),
        rulesVersion: rules.catalogue.version,
        consentTextVersion: CONSENT_TEXT_VERSION,
        ...(previous ? { replaces: previous.ackNumber } : {}),
      });
      return { ok: true, ackNumber };
    });
  }

  /** The owner's applications, newest first. */
  listForOwner(actor: Actor): ApplicationSummary[] {
    if (actor.role !== 'owner') return [];
    return this.repos.applications.list({ ownerUserId: actor.userId }, {}, 'newest', {
      offset: 0,
      limit: 1000,
    }).items;
  }

  /** The application as its owner sees it (the applicant's timeline only), or undefined: 404. */
  forOwner(actor: Actor, ackNumber: string): ApplicationView | undefined {
    const application = this.repos.applications.findByAck(ackNumber);
    if (!application || this.partyOf(actor, application) !== 'owner') return undefined;
    return this.view(application, 'owner');
  }

  /** The application for an officer of the lender it was submitted to (every branch of it), or undefined: 404. */
  forOfficer(actor: Actor, ackNumber: string): ApplicationView | undefined {
    const application = this.repos.applications.findByAck(ackNumber);
    if (!application || this.partyOf(actor, application) !== 'officer') return undefined;
    return this.view(application, 'officer');
  }

  /** An officer opened the file: on its own trail (internal) and in the audit log. False when not theirs. */
  recordView(actor: Actor, ackNumber: string, context: ChangeContext): boolean {
    const application = this.repos.applications.findByAck(ackNumber);
    if (!application || this.partyOf(actor, application) !== 'officer') return false;
    const at = this.now().toISOString();
    this.repos.transaction(() => {
      this.repos.applications.recordEvent({
        applicationId: application.id,
        occurredAt: at,
        actorUserId: actor.userId,
        actorParty: 'officer',
        kind: 'viewed',
        visibility: 'internal',
      });
      this.audit(actor, 'application.viewed', ackNumber, context, {});
    });
    return true;
  }

  /**
   * The officer's queue: their branch's applications (or their lender's), filtered, sorted (oldest waiting
   * first by default) and paginated in SQL, except by readiness band (see `readiness`). Never another lender's.
   */
  queue(actor: Actor, query: QueueQuery): QueuePage | undefined {
    if (actor.role !== 'bank_officer' || actor.organisationId === null || actor.branchId === null)
      return undefined;
    const scope =
      query.scope === 'lender' ? { lenderId: actor.organisationId } : { branchId: actor.branchId };
    const pageSize = Math.min(Math.max(1, Math.trunc(query.pageSize ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
    const page = Math.max(1, Math.trunc(query.page ?? 1));
    const now = this.now().getTime();
    const daysAgo = (days: number | undefined) =>
      days === undefined ? undefined : new Date(now - days * DAY_MS).toISOString();
    const filter: ApplicationFilter = {
      statuses: query.statuses,
      clusterId: query.clusterId,
      technologyId: query.technologyId,
      minLoanInr: query.minLoanInr,
      maxLoanInr: query.maxLoanInr,
      submittedAtOrBefore: daysAgo(query.minAgeDays),
      submittedAtOrAfter: daysAgo(query.maxAgeDays),
    };
    const sort = query.sort ?? 'oldest';
    const offset = (page - 1) * pageSize;
    const readiness = query.readiness;
    const bands = readiness?.bands ?? [];
    const withBand = (item: ApplicationSummary): QueueItem =>
      readiness ? { ...item, readinessBand: this.bandOf(item, readiness.catalogue) } : item;
    let result: { items: QueueItem[]; total: number };
    if (bands.length > 0) {
      // The band is not a column, so SQL cannot filter on it: the other filters run in SQL, this one after.
      const kept = this.repos.applications
        .list(scope, filter, sort)
        .items.map(withBand)
        .filter((item) => item.readinessBand != null && bands.includes(item.readinessBand));
      result = { items: kept.slice(offset, offset + pageSize), total: kept.length };
    } else {
      const listed = this.repos.applications.list(scope, filter, sort, { offset, limit: pageSize });
      result = { ...listed, items: listed.items.map(withBand) };
    }
    return {
      ...result,
      page,
      pageSize,
      pageCount: Math.max(1, Math.ceil(result.total / pageSize)),
      countsByStatus: this.repos.applications.countByStatus(scope),
    };
  }

  /**
   * One step of the status machine by the owner or an officer of the lender, refused unless the machine allows it
   * for that party from the current status, and unless nobody changed the file since `expectedVersion`.
   */
  act(
    actor: Actor,
    ackNumber: string,
    expectedVersion: number,
    request: ActionRequest,
    context: ChangeContext,
  ): ChangeOutcome {
    return this.repos.transaction((): ChangeOutcome => {
      const application = this.repos.applications.findByAck(ackNumber);
      const party = application && this.partyOf(actor, application);
      if (!application || !party) return { ok: false, reason: 'not-found' };
      if (!transition(application.status, request.action, party).ok) {
        return { ok: false, reason: 'not-allowed', status: application.status };
      }
      if (application.version !== expectedVersion)
        return { ok: false, reason: 'conflict', current: application };
      const checked = checkActionPayload(request);
      if (checked) return checked;
      const at = this.now().toISOString();
      const details: Record<string, unknown> = {};
      if (request.reasons) details.reasons = [...request.reasons];
      if (request.sanction) {
        details.sanction = {
          amountInr: moneyString(request.sanction.amountInr),
          ratePct: percentString(request.sanction.ratePct),
          tenureMonths: request.sanction.tenureMonths,
          conditions: request.sanction.conditions.trim(),
        };
      }
      const status = this.move(
        application,
        request.action,
        party,
        actor,
        at,
        details,
        request.message?.trim(),
      );
      this.audit(actor, `application.${request.action}`, ackNumber, context, {
        from: application.status,
        to: status,
        ...details,
      });
      return { ok: true, status, version: application.version + 1 };
    });
  }

  /** A note on the file: internal (the lender's officers only) or to the applicant. Owners cannot comment. */
  comment(
    actor: Actor,
    ackNumber: string,
    note: { message: string; visibility: EventVisibility },
    context: ChangeContext,
  ): ChangeOutcome {
    return this.repos.transaction((): ChangeOutcome => {
      const application = this.repos.applications.findByAck(ackNumber);
      const party = application && this.partyOf(actor, application);
      if (!application || !party) return { ok: false, reason: 'not-found' };
      if (party !== 'officer') return { ok: false, reason: 'not-allowed', status: application.status };
      const message = note.message.trim();
      if (message === '' || message.length > MAX_MESSAGE_LENGTH) {
        return { ok: false, reason: 'invalid', field: 'message', error: 'applications.errors.message' };
      }
      this.repos.applications.recordEvent({
        applicationId: application.id,
        occurredAt: this.now().toISOString(),
        actorUserId: actor.userId,
        actorParty: 'officer',
        kind: 'comment',
        visibility: note.visibility,
        message,
      });
      this.audit(actor, 'application.commented', ackNumber, context, { visibility: note.visibility });
      return { ok: true, status: application.status, version: application.version };
    });
  }

  /** Applies an allowed transition: the status (version-checked by the caller's read) and its event. */
  private move(
    application: Application,
    action: ApplicationAction,
    party: ApplicationParty,
    actor: Actor,
    at: string,
    details: Record<string, unknown>,
    message: string | undefined,
  ): ApplicationStatus {
    const outcome = transition(application.status, action, party);
    if (!outcome.ok) throw new Error(`${action} by ${party} is not allowed from ${application.status}`);
    if (!this.repos.applications.updateStatus(application.id, application.version, outcome.to, at)) {
      throw new Error(`application ${application.ackNumber} changed during its own transaction`);
    }
    this.repos.applications.recordEvent({
      applicationId: application.id,
      occurredAt: at,
      actorUserId: actor.userId,
      actorParty: party,
      kind: 'status-changed',
      action,
      fromStatus: application.status,
      toStatus: outcome.to,
      visibility: INTERNAL_ACTIONS.includes(action) ? 'internal' : 'applicant',
      message,
      details,
    });
    return outcome.to;
  }

  /**
   * The application's readiness band. A snapshot never changes and a catalogue is loaded once, so the band is
   * worked out once per application and catalogue version: re-deriving it (a few milliseconds) for every row of
   * every filtered queue would make the queue slow as it grows.
   */
  private bandOf(item: ApplicationSummary, catalogue: Catalogue): Band | null {
    const key = `${catalogue.version}:${item.id}`;
    const known = this.bands.get(key);
    if (known !== undefined) return known;
    const application = this.repos.applications.findById(item.id);
    const band = application ? snapshotBand(application.snapshot, catalogue) : null;
    this.bands.set(key, band);
    return band;
  }

  private partyOf(actor: Actor, application: Application): ApplicationParty | undefined {
    if (actor.role === 'owner' && application.ownerUserId === actor.userId) return 'owner';
    if (actor.role === 'bank_officer' && actor.organisationId === application.lenderId) return 'officer';
    return undefined;
  }

  private view(application: Application, party: ApplicationParty): ApplicationView {
    const replacedBy = this.repos.applications
      .events(application.id, { includeInternal: false })
      .map((event) => event.details?.replacedBy)
      .find((ack): ack is string => typeof ack === 'string');
    return {
      application,
      events: this.repos.applications.events(application.id, { includeInternal: party === 'officer' }),
      actions: actionsAvailable(application.status, party),
      lender: this.repos.organisations.findById(application.lenderId),
      branch: this.repos.organisations.findBranch(application.branchId),
      previousAck:
        application.previousApplicationId === null
          ? undefined
          : this.repos.applications.ackOf(application.previousApplicationId),
      replacedByAck: replacedBy,
    };
  }

  private audit(
    actor: Actor,
    action: string,
    ackNumber: string,
    context: ChangeContext,
    details: Record<string, unknown>,
  ): void {
    recordChange(this.repos, this.now, {
      actorUserId: actor.userId,
      requestId: context.requestId,
      action,
      objectType: 'application',
      objectId: ackNumber,
      details,
    });
  }
}

/** What each action must carry: a message where the machine says so, reasons for a decline, terms for a sanction. */
function checkActionPayload(request: ActionRequest): ChangeOutcome | undefined {
  const message = request.message?.trim() ?? '';
  if (TRANSITIONS[request.action].needsMessage && message === '') {
    return { ok: false, reason: 'invalid', field: 'message', error: 'applications.errors.message' };
  }
  if (message.length > MAX_MESSAGE_LENGTH) {
    return { ok: false, reason: 'invalid', field: 'message', error: 'applications.errors.messageTooLong' };
  }
  if (request.action === 'decline' && (request.reasons ?? []).length === 0) {
    return { ok: false, reason: 'invalid', field: 'reasons', error: 'applications.errors.reasons' };
  }
  if (request.action === 'sanction') {
    const terms = request.sanction;
    if (!terms || !terms.amountInr.greaterThan(0) || terms.ratePct.isNegative() || terms.tenureMonths < 1) {
      return { ok: false, reason: 'invalid', field: 'sanction', error: 'applications.errors.sanction' };
    }
  }
  return undefined;
}
