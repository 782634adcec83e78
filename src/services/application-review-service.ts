import { Decimal } from 'decimal.js';
import type { DocumentCheck, DocumentCheckState, TrailEntry } from '../db/application-review-repository.js';
import type { Repositories } from '../db/repositories.js';
import { isFinal } from '../domain/application-status.js';
import { recommendRefusal, sanctionRefusal, type MakerCheckerRefusal } from '../domain/maker-checker.js';
import type { Actor, ChangeContext } from './actor.js';
import type {
  ActionRequest,
  ApplicationService,
  ApplicationView,
  ChangeOutcome,
} from './application-service.js';

export type { DocumentCheck, DocumentCheckState, TrailEntry } from '../db/application-review-repository.js';

/** The recommendation waiting for a checker: who made it, when, and the terms proposed. */
export interface PendingRecommendation {
  makerUserId: number;
  makerName: string | null;
  at: string;
  terms: { amountInr: string; ratePct: string; tenureMonths: number; conditions: string } | null;
}

/** Everything the officer's review page reads, for an officer of the application's lender only. */
export interface OfficerFile extends ApplicationView {
  checks: DocumentCheck[];
  trail: TrailEntry[];
  pending: PendingRecommendation | null;
  /** Sanctions above this need a second officer. */
  secondApprovalAboveInr: Decimal;
}

export type DecisionOutcome =
  ChangeOutcome | { ok: false; reason: 'maker-checker'; refusal: MakerCheckerRefusal };

export type CheckOutcome =
  | { ok: true }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'closed' }
  | { ok: false; reason: 'invalid'; field: 'reason'; error: string };

const MAX_REASON_LENGTH = 1000;

/**
 * The bank officer's workspace over ApplicationService: the file with its document checks and audit trail, the
 * checklist marks, and decisions with maker-checker. Every refusal of scope is "not found" (404).
 */
export class ApplicationReviewService {
  constructor(
    private readonly repos: Repositories,
    private readonly applications: ApplicationService,
    private readonly now: () => Date,
    private readonly secondApprovalAboveInr: Decimal,
  ) {}

  file(actor: Actor, ackNumber: string): OfficerFile | undefined {
    const view = this.applications.forOfficer(actor, ackNumber);
    if (!view) return undefined;
    return {
      ...view,
      checks: this.repos.reviews.currentChecks(view.application.id),
      trail: this.repos.reviews.trail(ackNumber),
      pending: pendingRecommendation(view),
      secondApprovalAboveInr: this.secondApprovalAboveInr,
    };
  }

  /** Marks one required document; a waiver needs its reason. Appended, never overwritten. */
  markDocument(
    actor: Actor,
    ackNumber: string,
    mark: { documentId: string; state: DocumentCheckState; reason: string },
    context: ChangeContext,
  ): CheckOutcome {
    return this.repos.transaction((): CheckOutcome => {
      const view = this.applications.forOfficer(actor, ackNumber);
      if (!view) return { ok: false, reason: 'not-found' };
      if (isFinal(view.application.status)) return { ok: false, reason: 'closed' };
      const reason = mark.reason.trim();
      if (mark.state === 'waived' && reason === '')
        return { ok: false, reason: 'invalid', field: 'reason', error: 'bank.errors.waiverReason' };
      if (reason.length > MAX_REASON_LENGTH)
        return { ok: false, reason: 'invalid', field: 'reason', error: 'bank.errors.tooLong' };
      const at = this.now().toISOString();
      this.repos.reviews.recordCheck({
        applicationId: view.application.id,
        documentId: mark.documentId,
        state: mark.state,
        reason: reason === '' ? null : reason,
        officerUserId: actor.userId,
        checkedAt: at,
      });
      this.repos.audit.record({
        occurredAt: at,
        actorUserId: actor.userId,
        action: `application.document-${mark.state}`,
        objectType: 'application',
        objectId: ackNumber,
        details: { documentId: mark.documentId, ...(reason === '' ? {} : { reason }) },
        requestId: context.requestId,
      });
      return { ok: true };
    });
  }

  /**
   * A step of the status machine by an officer, with maker-checker: a recommendation while one is pending is
   * refused, and a sanction above the limit by the officer who recommended it is refused. Checked and applied in
   * one transaction, with the version check of ApplicationService.act against a concurrent decision.
   */
  decide(
    actor: Actor,
    ackNumber: string,
    expectedVersion: number,
    request: ActionRequest,
    context: ChangeContext,
  ): DecisionOutcome {
    return this.repos.transaction((): DecisionOutcome => {
      const view = this.applications.forOfficer(actor, ackNumber);
      if (!view) return { ok: false, reason: 'not-found' };
      if (request.action === 'recommend') {
        const refusal = recommendRefusal(view.application.status);
        if (refusal) return { ok: false, reason: 'maker-checker', refusal };
      }
      if (request.action === 'sanction' && request.sanction && view.application.status === 'recommended') {
        const refusal = sanctionRefusal({
          amountInr: request.sanction.amountInr,
          limitInr: this.secondApprovalAboveInr,
          approverUserId: actor.userId,
          makerUserId: pendingRecommendation(view)?.makerUserId ?? null,
        });
        if (refusal) return { ok: false, reason: 'maker-checker', refusal };
      }
      return this.applications.act(actor, ackNumber, expectedVersion, request, context);
    });
  }
}

/** The latest recommendation, if the file is waiting on it (status recommended). */
function pendingRecommendation(view: ApplicationView): PendingRecommendation | null {
  if (view.application.status !== 'recommended') return null;
  const event = view.events.findLast((e) => e.kind === 'status-changed' && e.action === 'recommend');
  if (!event || event.actorUserId === null) return null;
  const terms = event.details?.sanction as PendingRecommendation['terms'] | undefined;
  return {
    makerUserId: event.actorUserId,
    makerName: event.actorName,
    at: event.occurredAt,
    terms: terms ?? null,
  };
}
