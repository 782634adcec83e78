import type { Role } from '../db/user-repository.js';

/** Who is acting, as far as authorisation needs to know. */
export interface Actor {
  userId: number;
  role: Role;
  organisationId: number | null;
  branchId: number | null;
}

/** Carried into every change so the audit trail can say who and which request. */
export interface ChangeContext {
  actor: Actor | null;
  requestId: string;
}
