import type { Db } from './open-database.js';

/** How an officer marked one required document of an application. */
export type DocumentCheckState = 'verified' | 'waived' | 'requested';

export interface NewDocumentCheck {
  applicationId: number;
  documentId: string;
  state: DocumentCheckState;
  reason: string | null;
  officerUserId: number;
  checkedAt: string;
}

export interface DocumentCheck extends NewDocumentCheck {
  id: number;
  officerName: string | null;
}

/** One line of an application's audit trail (from the app-wide audit log), with the actor's name. */
export interface TrailEntry {
  id: number;
  occurredAt: string;
  actorUserId: number | null;
  actorName: string | null;
  action: string;
  details: Record<string, unknown>;
}

interface CheckRow {
  id: number;
  application_id: number;
  document_id: string;
  state: DocumentCheckState;
  reason: string | null;
  officer_user_id: number;
  officer_name: string | null;
  checked_at: string;
}

interface TrailRow {
  id: number;
  occurred_at: string;
  actor_user_id: number | null;
  actor_name: string | null;
  action: string;
  details: string;
}

/** The officer's side of an application: document checks, and the application's own slice of the audit log. */
export class ApplicationReviewRepository {
  constructor(private readonly db: Db) {}

  recordCheck(check: NewDocumentCheck): number {
    const result = this.db
      .prepare(
        `INSERT INTO application_document_checks
           (application_id, document_id, state, reason, officer_user_id, checked_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        check.applicationId,
        check.documentId,
        check.state,
        check.reason,
        check.officerUserId,
        check.checkedAt,
      );
    return Number(result.lastInsertRowid);
  }

  /** The latest mark of each document of the application (documents never marked are absent). */
  currentChecks(applicationId: number): DocumentCheck[] {
    return this.db
      .prepare<[number, number], CheckRow>(
        `SELECT c.id, c.application_id, c.document_id, c.state, c.reason, c.officer_user_id,
                u.display_name AS officer_name, c.checked_at
         FROM application_document_checks c LEFT JOIN users u ON u.id = c.officer_user_id
         WHERE c.application_id = ? AND c.id = (
           SELECT MAX(latest.id) FROM application_document_checks latest
           WHERE latest.application_id = ? AND latest.document_id = c.document_id)
         ORDER BY c.document_id`,
      )
      .all(applicationId, applicationId)
      .map((row) => ({
        id: row.id,
        applicationId: row.application_id,
        documentId: row.document_id,
        state: row.state,
        reason: row.reason,
        officerUserId: row.officer_user_id,
        officerName: row.officer_name,
        checkedAt: row.checked_at,
      }));
  }

  /** Everything the audit log holds about the application (views, checks, changes, decisions), oldest first. */
  trail(ackNumber: string): TrailEntry[] {
    return this.db
      .prepare<[string], TrailRow>(
        `SELECT a.id, a.occurred_at, a.actor_user_id, u.display_name AS actor_name, a.action, a.details
         FROM audit_events a LEFT JOIN users u ON u.id = a.actor_user_id
         WHERE a.object_type = 'application' AND a.object_id = ?
         ORDER BY a.id`,
      )
      .all(ackNumber)
      .map((row) => ({
        id: row.id,
        occurredAt: row.occurred_at,
        actorUserId: row.actor_user_id,
        actorName: row.actor_name,
        action: row.action,
        details: JSON.parse(row.details) as Record<string, unknown>,
      }));
  }
}
