// The life of an application to a lender, as a closed list of transitions, each naming who may make it.
// The owner submits, answers information requests and may withdraw while the file is open; a lender's officer
// reviews, asks for information, recommends, and decides. Sanctioned, declined and withdrawn are final: a new
// attempt is a new submission with a new acknowledgement number.

export const APPLICATION_STATUSES = [
  'submitted',
  'under-review',
  'information-requested',
  'recommended',
  'sanctioned',
  'declined',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const FINAL_STATUSES: readonly ApplicationStatus[] = ['sanctioned', 'declined', 'withdrawn'];

/** Statuses in which the file is still being worked and the owner may withdraw it. */
export const OPEN_STATUSES: readonly ApplicationStatus[] = APPLICATION_STATUSES.filter(
  (status) => !FINAL_STATUSES.includes(status),
);

/** Who acts on an application: the applicant (the enterprise's owner) or an officer of the chosen lender. */
export type ApplicationParty = 'owner' | 'officer';

export const APPLICATION_ACTIONS = [
  'start-review',
  'request-information',
  'answer-information',
  'recommend',
  'return-to-review',
  'sanction',
  'decline',
  'withdraw',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export interface Transition {
  action: ApplicationAction;
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  by: ApplicationParty;
  /** The action carries text the other side reads (the question, the answer, the reasons). */
  needsMessage: boolean;
}

export const TRANSITIONS: Readonly<Record<ApplicationAction, Transition>> = {
  'start-review': {
    action: 'start-review',
    from: ['submitted'],
    to: 'under-review',
    by: 'officer',
    needsMessage: false,
  },
  'request-information': {
    action: 'request-information',
    from: ['under-review'],
    to: 'information-requested',
    by: 'officer',
    needsMessage: true,
  },
  'answer-information': {
    action: 'answer-information',
    from: ['information-requested'],
    to: 'under-review',
    by: 'owner',
    needsMessage: true,
  },
  recommend: {
    action: 'recommend',
    from: ['under-review'],
    to: 'recommended',
    by: 'officer',
    needsMessage: false,
  },
  // A checker who does not agree with the maker's recommendation sends the file back (maker-checker, issue 7).
  'return-to-review': {
    action: 'return-to-review',
    from: ['recommended'],
    to: 'under-review',
    by: 'officer',
    needsMessage: true,
  },
  sanction: {
    action: 'sanction',
    from: ['recommended'],
    to: 'sanctioned',
    by: 'officer',
    needsMessage: false,
  },
  // A file that fails the basic checks can be declined without first being recommended.
  decline: {
    action: 'decline',
    from: ['under-review', 'recommended'],
    to: 'declined',
    by: 'officer',
    needsMessage: false,
  },
  withdraw: { action: 'withdraw', from: OPEN_STATUSES, to: 'withdrawn', by: 'owner', needsMessage: false },
};

export type TransitionRefusal = 'not-allowed-from-status' | 'not-this-party';

export type TransitionOutcome =
  { ok: true; to: ApplicationStatus } | { ok: false; reason: TransitionRefusal };

/** Whether `party` may take `action` on an application now in `status`, and where it leads. */
export function transition(
  status: ApplicationStatus,
  action: ApplicationAction,
  party: ApplicationParty,
): TransitionOutcome {
  const rule = TRANSITIONS[action];
  if (rule.by !== party) return { ok: false, reason: 'not-this-party' };
  if (!rule.from.includes(status)) return { ok: false, reason: 'not-allowed-from-status' };
  return { ok: true, to: rule.to };
}

/** The actions `party` can take now, in the order of APPLICATION_ACTIONS (for the buttons a page shows). */
export function actionsAvailable(status: ApplicationStatus, party: ApplicationParty): ApplicationAction[] {
  return APPLICATION_ACTIONS.filter((action) => transition(status, action, party).ok);
}

export const isFinal = (status: ApplicationStatus): boolean => FINAL_STATUSES.includes(status);

/** Structured reasons an officer picks when declining; the owner sees them, with the officer's own words. */
export const DECLINE_REASONS = [
  'insufficient-repayment-capacity',
  'weak-credit-history',
  'existing-overdues',
  'inadequate-promoter-contribution',
  'project-not-viable',
  'documents-incomplete',
  'compliance-not-met',
  'outside-lending-policy',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/**
 * The status as the applicant is told it: a recommendation is the lender's internal step, so the owner still
 * sees "under review" until the decision.
 */
export function applicantStatus(status: ApplicationStatus): ApplicationStatus {
  return status === 'recommended' ? 'under-review' : status;
}
