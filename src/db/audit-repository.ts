import type { Db } from './open-database.js';

export interface AuditEvent {
  occurredAt: string;
  actorUserId: number | null;
  action: string;
  objectType?: string | undefined;
  objectId?: string | number | undefined;
  details?: Record<string, unknown> | undefined;
  requestId?: string | undefined;
}

export interface StoredAuditEvent extends AuditEvent {
  id: number;
}

interface AuditRow {
  id: number;
  occurred_at: string;
  actor_user_id: number | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  details: string;
  request_id: string | null;
}

function toAuditEvent(row: AuditRow): StoredAuditEvent {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    action: row.action,
    objectType: row.object_type ?? undefined,
    objectId: row.object_id ?? undefined,
    details: JSON.parse(row.details) as Record<string, unknown>,
    requestId: row.request_id ?? undefined,
  };
}

const COLUMNS = 'id, occurred_at, actor_user_id, action, object_type, object_id, details, request_id';

export class AuditRepository {
  constructor(private readonly db: Db) {}

  record(event: AuditEvent): void {
    this.db
      .prepare(
        `INSERT INTO audit_events (occurred_at, actor_user_id, action, object_type, object_id, details, request_id)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        event.occurredAt,
        event.actorUserId,
        event.action,
        event.objectType ?? null,
        event.objectId === undefined ? null : String(event.objectId),
        JSON.stringify(event.details ?? {}),
        event.requestId ?? null,
      );
  }

  recent(limit: number): StoredAuditEvent[] {
    return this.db
      .prepare<[number], AuditRow>(`SELECT ${COLUMNS} FROM audit_events ORDER BY id DESC LIMIT ?`)
      .all(limit)
      .map(toAuditEvent);
  }
}
