import { createHash, randomBytes } from 'node:crypto';
import type { ApiToken } from '../db/api-token-repository.js';
import type { Repositories } from '../db/repositories.js';
import { recordChange } from './audit-trail.js';
import type { User } from '../db/user-repository.js';
import type { Actor, ChangeContext } from './actor.js';

export type { ApiToken } from '../db/api-token-repository.js';

/** A token as the admin's list shows it: never the secret, only its first characters. */
export interface ApiTokenListing extends ApiToken {
  lenderName: string;
  actingName: string;
}

/** Who a presented token speaks for: the token and the lender officer it acts as. */
export interface ApiClient {
  tokenId: number;
  lenderId: number;
  actor: Actor;
}

export type CreateTokenOutcome =
  | { ok: true; id: number; token: string }
  | { ok: false; reason: 'invalid'; field: 'actingUserId' | 'label'; error: string };

const TOKEN_PREFIX = 'hst_';
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;

/**
 * A token is 32 random bytes (256 bits), so unlike a password it cannot be guessed or brute-forced from its hash:
 * a fast, unsalted SHA-256 is enough, and it lets the token be found by an indexed lookup of its hash.
 */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * API tokens for lenders' systems (issue 7). An admin creates one for a lender, naming the officer of that lender
 * it acts as: reads and decisions through the API are that officer's, so scoping and maker-checker are exactly
 * those of the officer's pages (a sanction above the limit recommended through the same token is self-approval).
 */
export class ApiTokenService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
  ) {}

  /** Officers a token may act as: every bank officer with a lender. */
  actingOfficers(): (User & { lenderName: string })[] {
    return this.repos.users.list().flatMap((user) => {
      if (user.role !== 'bank_officer' || user.organisationId === null) return [];
      const lender = this.repos.organisations.findById(user.organisationId);
      return lender?.kind === 'lender' ? [{ ...user, lenderName: lender.name }] : [];
    });
  }

  list(actor: Actor): ApiTokenListing[] {
    if (actor.role !== 'admin') return [];
    return this.repos.apiTokens.list().map((token) => ({
      ...token,
      lenderName: this.repos.organisations.findById(token.lenderId)?.name ?? '—',
      actingName: this.repos.users.findById(token.actingUserId)?.displayName ?? '—',
    }));
  }

  /** Creates a token; the secret is in the outcome and nowhere else (only its hash is stored). */
  create(
    actor: Actor,
    request: { actingUserId: number; label: string },
    context: ChangeContext,
  ): CreateTokenOutcome {
    if (actor.role !== 'admin') throw new Error('only an admin creates API tokens');
    const label = request.label.trim();
    if (label === '' || label.length > 100)
      return { ok: false, reason: 'invalid', field: 'label', error: 'admin.apiTokens.errors.label' };
    const officer = this.actingOfficers().find((user) => user.id === request.actingUserId);
    if (!officer || officer.organisationId === null)
      return { ok: false, reason: 'invalid', field: 'actingUserId', error: 'admin.apiTokens.errors.officer' };
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const at = this.now().toISOString();
    const lenderId = officer.organisationId;
    const id = this.repos.transaction(() => {
      const id = this.repos.apiTokens.insert({
        lenderId,
        actingUserId: officer.id,
        label,
        tokenHash: hashToken(token),
        tokenPrefix: token.slice(0, SHOWN_PREFIX_LENGTH),
        createdByUserId: actor.userId,
        createdAt: at,
      });
      this.audit(actor, 'api-token.created', id, context, { lenderId, actingUserId: officer.id, label });
      return id;
    });
    return { ok: true, id, token };
  }

  /** False when there is no such token or it was already revoked. */
  revoke(actor: Actor, id: number, context: ChangeContext): boolean {
    if (actor.role !== 'admin') throw new Error('only an admin revokes API tokens');
    return this.repos.transaction(() => {
      const token = this.repos.apiTokens.findById(id);
      if (!token || !this.repos.apiTokens.revoke(id, actor.userId, this.now().toISOString())) return false;
      this.audit(actor, 'api-token.revoked', id, context, { lenderId: token.lenderId });
      return true;
    });
  }

  /**
   * The client a bearer token speaks for, or undefined (401): unknown, revoked, or its officer no longer an
   * officer of the token's lender.
   */
  authenticate(presented: string): ApiClient | undefined {
    if (!presented.startsWith(TOKEN_PREFIX) || presented.length > 200) return undefined;
    const token = this.repos.apiTokens.findByHash(hashToken(presented));
    if (!token || token.revokedAt !== null) return undefined;
    const officer = this.repos.users.findById(token.actingUserId);
    if (officer?.role !== 'bank_officer' || officer.organisationId !== token.lenderId) return undefined;
    return {
      tokenId: token.id,
      lenderId: token.lenderId,
      actor: {
        userId: officer.id,
        role: officer.role,
        organisationId: officer.organisationId,
        branchId: officer.branchId,
      },
    };
  }

  /** A decision taken through the API, on the audit log beside the officer's own entry: which token. */
  recordApiUse(client: ApiClient, action: string, ackNumber: string, context: ChangeContext): void {
    this.repos.audit.record({
      occurredAt: this.now().toISOString(),
      actorUserId: client.actor.userId,
      action: `api.${action}`,
      objectType: 'application',
      objectId: ackNumber,
      details: { tokenId: client.tokenId, lenderId: client.lenderId },
      requestId: context.requestId,
    });
  }

  private audit(
    actor: Actor,
    action: string,
    id: number,
    context: ChangeContext,
    details: Record<string, unknown>,
  ): void {
    recordChange(this.repos, this.now, {
      actorUserId: actor.userId,
      requestId: context.requestId,
      action,
      objectType: 'api-token',
      objectId: id,
      details,
    });
  }
}
