import type { Decimal } from 'decimal.js';
import type { ApplicationSnapshot } from '../domain/application-snapshot.js';
import type { ApplicationAction, ApplicationStatus } from '../domain/application-status.js';
import { fromPaise, toPaise } from '../domain/money.js';
import type { Db } from './open-database.js';

/** One application as listed: everything but the snapshot, plus the enterprise's name as submitted. */
export interface ApplicationSummary {
  id: number;
  ackNumber: string;
  previousApplicationId: number | null;
  enterpriseId: number;
  enterpriseName: string;
  ownerUserId: number;
  lenderId: number;
  branchId: number;
  clusterId: string;
  technologyId: string;
  capexInr: Decimal;
  loanInr: Decimal;
  tenureMonths: number;
  moratoriumMonths: number;
  status: ApplicationStatus;
  rulesVersion: string;
  assessedOn: string;
  consent: { userId: number; at: string; textVersion: string };
  submittedAt: string;
  updatedAt: string;
  version: number;
}

export interface Application extends ApplicationSummary {
  snapshot: ApplicationSnapshot;
}

export type NewApplication = Omit<Application, 'id' | 'enterpriseName' | 'status' | 'updatedAt' | 'version'>;

export type EventKind = 'submitted' | 'status-changed' | 'comment' | 'viewed';
export type EventParty = 'owner' | 'officer' | 'system';
export type EventVisibility = 'applicant' | 'internal';

export interface NewApplicationEvent {
  applicationId: number;
  occurredAt: string;
  actorUserId: number | null;
  actorParty: EventParty;
  kind: EventKind;
  action?: ApplicationAction | undefined;
  fromStatus?: ApplicationStatus | undefined;
  toStatus?: ApplicationStatus | undefined;
  visibility: EventVisibility;
  message?: string | undefined;
  details?: Record<string, unknown> | undefined;
}

export interface ApplicationEvent extends NewApplicationEvent {
  id: number;
  /** The actor's display name, for timelines. */
  actorName: string | null;
}

/** Whose applications a list covers: one owner's, one branch's, or a whole lender's. */
export type ApplicationScope = { ownerUserId: number } | { branchId: number } | { lenderId: number };

export type ApplicationSort = 'oldest' | 'newest' | 'amount-desc' | 'amount-asc';

export interface ApplicationFilter {
  statuses?: readonly ApplicationStatus[] | undefined;
  clusterId?: string | undefined;
  technologyId?: string | undefined;
  minLoanInr?: Decimal | undefined;
  maxLoanInr?: Decimal | undefined;
  /** Submitted at or before this instant (ISO): "waiting at least N days". */
  submittedAtOrBefore?: string | undefined;
  /** Submitted at or after this instant (ISO): "at most N days old". */
  submittedAtOrAfter?: string | undefined;
}

export interface ApplicationPage {
  items: ApplicationSummary[];
  total: number;
}

interface ApplicationRow {
  id: number;
  ack_number: string;
  previous_application_id: number | null;
  enterprise_id: number;
  enterprise_name: string;
  owner_user_id: number;
  lender_id: number;
  branch_id: number;
  cluster_id: string;
  technology_id: string;
  capex_paise: number;
  loan_paise: number;
  tenure_months: number;
  moratorium_months: number;
  status: ApplicationStatus;
  rules_version: string;
  assessed_on: string;
  consent_user_id: number;
  consent_at: string;
  consent_text_version: string;
  submitted_at: string;
  updated_at: string;
  version: number;
  snapshot?: string;
}

interface EventRow {
  id: number;
  application_id: number;
  occurred_at: string;
  actor_user_id: number | null;
  actor_name: string | null;
  actor_party: EventParty;
  kind: EventKind;
  action: ApplicationAction | null;
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus | null;
  visibility: EventVisibility;
  message: string | null;
  details: string;
}

const SUMMARY_COLUMNS = `a.id, a.ack_number, a.previous_application_id, a.enterprise_id,
  json_extract(a.snapshot, '$.profile.details.name') AS enterprise_name, a.owner_user_id, a.lender_id, a.branch_id,
  a.cluster_id, a.technology_id, a.capex_paise, a.loan_paise, a.tenure_months, a.moratorium_months, a.status,
  a.rules_version, a.assessed_on, a.consent_user_id, a.consent_at, a.consent_text_version, a.submitted_at,
  a.updated_at, a.version`;

function toSummary(row: ApplicationRow): ApplicationSummary {
  return {
    id: row.id,
    ackNumber: row.ack_number,
    previousApplicationId: row.previous_application_id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    ownerUserId: row.owner_user_id,
    lenderId: row.lender_id,
    branchId: row.branch_id,
    clusterId: row.cluster_id,
    technologyId: row.technology_id,
    capexInr: fromPaise(row.capex_paise),
    loanInr: fromPaise(row.loan_paise),
    tenureMonths: row.tenure_months,
    moratoriumMonths: row.moratorium_months,
    status: row.status,
    rulesVersion: row.rules_version,
    assessedOn: row.assessed_on,
    consent: { userId: row.consent_user_id, at: row.consent_at, textVersion: row.consent_text_version },
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function toApplication(row: ApplicationRow): Application {
  if (row.snapshot === undefined) throw new Error('application row read without its snapshot');
  return { ...toSummary(row), snapshot: JSON.parse(row.snapshot) as ApplicationSnapshot };
}

function toEvent(row: EventRow): ApplicationEvent {
  return {
    id: row.id,
    applicationId: row.application_id,
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    actorParty: row.actor_party,
    kind: row.kind,
    action: row.action ?? undefined,
    fromStatus: row.from_status ?? undefined,
    toStatus: row.to_status ?? undefined,
    visibility: row.visibility,
    message: row.message ?? undefined,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}

const SORTS: Readonly<Record<ApplicationSort, string>> = {
  oldest: 'a.submitted_at ASC, a.id ASC',
  newest: 'a.submitted_at DESC, a.id DESC',
  'amount-desc': 'a.loan_paise DESC, a.submitted_at ASC, a.id ASC',
  'amount-asc': 'a.loan_paise ASC, a.submitted_at ASC, a.id ASC',
};

function scopeClause(scope: ApplicationScope): { sql: string; params: unknown[] } {
  if ('ownerUserId' in scope) return { sql: 'a.owner_user_id = ?', params: [scope.ownerUserId] };
  if ('branchId' in scope) return { sql: 'a.branch_id = ?', params: [scope.branchId] };
  return { sql: 'a.lender_id = ?', params: [scope.lenderId] };
}

function whereClause(scope: ApplicationScope, filter: ApplicationFilter): { sql: string; params: unknown[] } {
  const scoped = scopeClause(scope);
  const parts = [scoped.sql];
  const params = [...scoped.params];
  if (filter.statuses && filter.statuses.length > 0) {
    parts.push(`a.status IN (${filter.statuses.map(() => '?').join(', ')})`);
    params.push(...filter.statuses);
  }
  const add = (sql: string, value: unknown) => {
    parts.push(sql);
    params.push(value);
  };
  if (filter.clusterId !== undefined) add('a.cluster_id = ?', filter.clusterId);
  if (filter.technologyId !== undefined) add('a.technology_id = ?', filter.technologyId);
  if (filter.minLoanInr !== undefined) add('a.loan_paise >= ?', toPaise(filter.minLoanInr));
  if (filter.maxLoanInr !== undefined) add('a.loan_paise <= ?', toPaise(filter.maxLoanInr));
  if (filter.submittedAtOrBefore !== undefined) add('a.submitted_at <= ?', filter.submittedAtOrBefore);
  if (filter.submittedAtOrAfter !== undefined) add('a.submitted_at >= ?', filter.submittedAtOrAfter);
  return { sql: parts.join(' AND '), params };
}

export class ApplicationRepository {
  constructor(private readonly db: Db) {}

  /**
   * Runs `work` in a transaction that takes the write lock at BEGIN (IMMEDIATE). Submitting reads the profile
   * and then writes: begun as a plain (deferred) transaction, a second connection that committed in between
   * would make the upgrade to a write lock fail; begun IMMEDIATE, the second submitter waits its turn.
   */
  exclusively<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** The next acknowledgement sequence of `year` (1 for the first). Call inside the submitting transaction. */
  nextAckSequence(year: number): number {
    const row = this.db
      .prepare<[number], { last_sequence: number }>(
        `INSERT INTO ack_counters (year, last_sequence) VALUES (?, 1)
         ON CONFLICT (year) DO UPDATE SET last_sequence = last_sequence + 1
         RETURNING last_sequence`,
      )
      .get(year);
    if (!row) throw new Error(`no acknowledgement sequence returned for ${year}`);
    return row.last_sequence;
  }

  insert(application: NewApplication): number {
    const result = this.db
      .prepare(
        `INSERT INTO applications (ack_number, previous_application_id, enterprise_id, owner_user_id, lender_id,
           branch_id, cluster_id, technology_id, capex_paise, loan_paise, tenure_months, moratorium_months, status,
           snapshot, rules_version, assessed_on, consent_user_id, consent_at, consent_text_version, submitted_at,
           updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        application.ackNumber,
        application.previousApplicationId,
        application.enterpriseId,
        application.ownerUserId,
        application.lenderId,
        application.branchId,
        application.clusterId,
        application.technologyId,
        toPaise(application.capexInr),
        toPaise(application.loanInr),
        application.tenureMonths,
        application.moratoriumMonths,
        JSON.stringify(application.snapshot),
        application.rulesVersion,
        application.assessedOn,
        application.consent.userId,
        application.consent.at,
        application.consent.textVersion,
        application.submittedAt,
        application.submittedAt,
      );
    return Number(result.lastInsertRowid);
  }

  findByAck(ackNumber: string): Application | undefined {
    const row = this.db
      .prepare<[string], ApplicationRow>(
        `SELECT ${SUMMARY_COLUMNS}, a.snapshot FROM applications a WHERE a.ack_number = ?`,
      )
      .get(ackNumber);
    return row && toApplication(row);
  }

  findById(id: number): Application | undefined {
    const row = this.db
      .prepare<[number], ApplicationRow>(
        `SELECT ${SUMMARY_COLUMNS}, a.snapshot FROM applications a WHERE a.id = ?`,
      )
      .get(id);
    return row && toApplication(row);
  }

  /** The ack number of the application with this id (for "replaces HS-…" links), without its snapshot. */
  ackOf(id: number): string | undefined {
    return this.db
      .prepare<[number], { ack_number: string }>('SELECT ack_number FROM applications WHERE id = ?')
      .get(id)?.ack_number;
  }

  /** One page of the applications in `scope` that pass `filter`, or all of them when no page is given. */
  list(
    scope: ApplicationScope,
    filter: ApplicationFilter,
    sort: ApplicationSort,
    page?: { offset: number; limit: number },
  ): ApplicationPage {
    const where = whereClause(scope, filter);
    const items = this.db
      .prepare<unknown[], ApplicationRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM applications a WHERE ${where.sql} ORDER BY ${SORTS[sort]} LIMIT ? OFFSET ?`,
      )
      // SQLite reads a negative LIMIT as no limit.
      .all(...where.params, page?.limit ?? -1, page?.offset ?? 0)
      .map(toSummary);
    if (!page) return { items, total: items.length };
    const total =
      this.db
        .prepare<unknown[], { total: number }>(
          `SELECT COUNT(*) AS total FROM applications a WHERE ${where.sql}`,
        )
        .get(...where.params)?.total ?? 0;
    return { items, total };
  }

  /** How many applications in `scope` are in each status (statuses with none are absent). */
  countByStatus(scope: ApplicationScope): Partial<Record<ApplicationStatus, number>> {
    const where = scopeClause(scope);
    const rows = this.db
      .prepare<unknown[], { status: ApplicationStatus; count: number }>(
        `SELECT a.status, COUNT(*) AS count FROM applications a WHERE ${where.sql} GROUP BY a.status`,
      )
      .all(...where.params);
    return Object.fromEntries(rows.map((row) => [row.status, row.count]));
  }

  /** Moves the status only if nobody changed the application since `expectedVersion` was read. */
  updateStatus(id: number, expectedVersion: number, status: ApplicationStatus, updatedAt: string): boolean {
    const result = this.db
      .prepare(
        'UPDATE applications SET status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?',
      )
      .run(status, updatedAt, id, expectedVersion);
    return result.changes === 1;
  }

  recordEvent(event: NewApplicationEvent): number {
    const result = this.db
      .prepare(
        `INSERT INTO application_events (application_id, occurred_at, actor_user_id, actor_party, kind, action,
           from_status, to_status, visibility, message, details)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        event.applicationId,
        event.occurredAt,
        event.actorUserId,
        event.actorParty,
        event.kind,
        event.action ?? null,
        event.fromStatus ?? null,
        event.toStatus ?? null,
        event.visibility,
        event.message ?? null,
        JSON.stringify(event.details ?? {}),
      );
    return Number(result.lastInsertRowid);
  }

  /** The application's events, oldest first; internal ones only when asked for (the lender's side). */
  events(applicationId: number, { includeInternal }: { includeInternal: boolean }): ApplicationEvent[] {
    return this.db
      .prepare<[number, number], EventRow>(
        `SELECT e.id, e.application_id, e.occurred_at, e.actor_user_id, u.display_name AS actor_name, e.actor_party,
                e.kind, e.action, e.from_status, e.to_status, e.visibility, e.message, e.details
         FROM application_events e LEFT JOIN users u ON u.id = e.actor_user_id
         WHERE e.application_id = ? AND (? = 1 OR e.visibility = 'applicant')
         ORDER BY e.id`,
      )
      .all(applicationId, includeInternal ? 1 : 0)
      .map(toEvent);
  }
}
