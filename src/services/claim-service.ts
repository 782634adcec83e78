import { createHash, randomBytes } from 'node:crypto';
import type { Repositories } from '../db/repositories.js';
import type { Actor, ChangeContext } from './actor.js';
import type { EnterpriseService } from './enterprise-service.js';

const VALID_DAYS = 14;

// The token is 256 random bits, so a plain SHA-256 of it is enough to store (it cannot be guessed from the
// hash), and the hash can be looked up directly.
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export type ClaimOutcome = { ok: true; enterpriseId: number } | { ok: false; reason: 'invalid' | 'taken' };

/**
 * An advisor creates a unit on an owner's behalf and gives them a one-time link; the owner, signed in, claims the
 * profile with it. A link works once, for 14 days, and only while the unit has no owner.
 */
export class ClaimService {
  constructor(
    private readonly repos: Repositories,
    private readonly enterprises: EnterpriseService,
    private readonly now: () => Date,
  ) {}

  /** The link's token (shown once), or undefined when the advisor may not see the unit or it is already owned. */
  createLink(actor: Actor, enterpriseId: number, context: ChangeContext): string | undefined {
    const enterprise = this.enterprises.findFor(actor, enterpriseId);
    if (actor.role !== 'advisor' || !enterprise || enterprise.ownerUserId !== null) return undefined;
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    this.repos.transaction(() => {
      this.repos.claimLinks.insert({
        tokenHash: hash(token),
        enterpriseId,
        createdByUserId: actor.userId,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + VALID_DAYS * 86_400_000).toISOString(),
      });
      this.repos.audit.record({
        occurredAt: now.toISOString(),
        actorUserId: actor.userId,
        action: 'enterprise.claim-link-created',
        objectType: 'enterprise',
        objectId: enterpriseId,
        requestId: context.requestId,
      });
    });
    return token;
  }

  /** The unit's name a valid, unused link would give, for the confirmation page; undefined otherwise. */
  preview(token: string): { enterpriseId: number; name: string } | undefined {
    const link = this.repos.claimLinks.find(hash(token));
    if (!link || link.usedAt !== null || link.expiresAt <= this.now().toISOString()) return undefined;
    const enterprise = this.repos.enterprises.findById(link.enterpriseId);
    return enterprise && enterprise.ownerUserId === null
      ? { enterpriseId: enterprise.id, name: enterprise.name }
      : undefined;
  }

  claim(actor: Actor, token: string, context: ChangeContext): ClaimOutcome {
    if (actor.role !== 'owner') return { ok: false, reason: 'invalid' };
    const found = this.preview(token);
    if (!found) return { ok: false, reason: 'invalid' };
    return this.repos.transaction((): ClaimOutcome => {
      const at = this.now().toISOString();
      if (!this.repos.claimLinks.claim(hash(token), actor.userId, at)) return { ok: false, reason: 'taken' };
      this.repos.audit.record({
        occurredAt: at,
        actorUserId: actor.userId,
        action: 'enterprise.claimed',
        objectType: 'enterprise',
        objectId: found.enterpriseId,
        requestId: context.requestId,
      });
      return { ok: true, enterpriseId: found.enterpriseId };
    });
  }
}
