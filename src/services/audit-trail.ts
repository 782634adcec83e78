import type { Repositories } from '../db/repositories.js';

export interface Change {
  actorUserId: number | null;
  requestId: string;
  action: string;
  objectType: string;
  objectId: string | number;
  details?: Record<string, unknown>;
}

/** The one way services write a change to the append-only audit trail, stamped with the service's clock. */
export function recordChange(repos: Repositories, now: () => Date, change: Change): void {
  repos.audit.record({ occurredAt: now().toISOString(), ...change });
}
