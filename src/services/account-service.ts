import type { Repositories } from '../db/repositories.js';
import type { Role, User } from '../db/user-repository.js';
import type { ChangeContext } from './actor.js';
import type { PasswordHasher } from './password-hashing.js';

export type Identifier = { email: string; mobile: null } | { email: null; mobile: string };

/** Email (any case) or an Indian mobile number (10 digits from 6–9, optional +91 / 0 prefix). */
export function parseIdentifier(raw: string): Identifier | undefined {
  const text = raw.trim();
  if (text.includes('@')) {
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? { email: text.toLowerCase(), mobile: null } : undefined;
  }
  const digits = text.replace(/[\s-]/g, '').replace(/^(\+91|91|0)(?=\d{10}$)/, '');
  return /^[6-9]\d{9}$/.test(digits) ? { email: null, mobile: digits } : undefined;
}

export type LoginResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; lockedUntil: string };

export interface NewAccount {
  identifier: Identifier;
  displayName: string;
  password: string;
  role: Role;
  organisationId: number | null;
  branchId: number | null;
}

export class AccountService {
  constructor(
    private readonly repos: Repositories,
    private readonly hasher: PasswordHasher,
    private readonly now: () => Date,
    private readonly lockout: { maxFailures: number; lockMinutes: number },
  ) {}

  async logIn(rawIdentifier: string, password: string, requestId: string): Promise<LoginResult> {
    const identifier = parseIdentifier(rawIdentifier);
    const user = identifier && this.repos.users.findByIdentifier(identifier.email ?? identifier.mobile);
    if (!user) {
      await this.hasher.verifyNothing(password);
      this.audit(null, 'login.failed', requestId, { reason: 'unknown-account' });
      return { ok: false, reason: 'invalid' };
    }
    const nowIso = this.now().toISOString();
    if (user.lockedUntil && user.lockedUntil > nowIso) {
      this.audit(user.id, 'login.refused-locked', requestId, {});
      return { ok: false, reason: 'locked', lockedUntil: user.lockedUntil };
    }
    if (!(await this.hasher.verify(password, user.passwordHash))) {
      const failures = user.failedLoginCount + 1;
      const lockedUntil =
        failures >= this.lockout.maxFailures
          ? new Date(this.now().getTime() + this.lockout.lockMinutes * 60_000).toISOString()
          : null;
      this.repos.transaction(() => {
        this.repos.users.recordFailedLogin(user.id, lockedUntil);
        this.audit(user.id, lockedUntil ? 'login.locked' : 'login.failed', requestId, { failures });
      });
      return lockedUntil ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason: 'invalid' };
    }
    this.repos.transaction(() => {
      this.repos.users.clearFailedLogins(user.id);
      this.audit(user.id, 'login.succeeded', requestId, {});
    });
    return { ok: true, user };
  }

  logOut(userId: number, requestId: string): void {
    this.audit(userId, 'logout', requestId, {});
  }

  identifierTaken(identifier: Identifier): boolean {
    return this.repos.users.findByIdentifier(identifier.email ?? identifier.mobile) !== undefined;
  }

  /** Creates an account; the caller has checked the identifier is free and the organisation fits the role. */
  async createAccount(account: NewAccount, context: ChangeContext): Promise<User> {
    const passwordHash = await this.hasher.hash(account.password);
    return this.repos.transaction(() => {
      const id = this.repos.users.insert({
        email: account.identifier.email,
        mobile: account.identifier.mobile,
        displayName: account.displayName,
        passwordHash,
        role: account.role,
        organisationId: account.organisationId,
        branchId: account.branchId,
        createdAt: this.now().toISOString(),
      });
      this.audit(context.actor?.userId ?? id, 'user.created', context.requestId, { role: account.role }, id);
      const user = this.repos.users.findById(id);
      if (!user) throw new Error(`user ${id} vanished after insert`);
      return user;
    });
  }

  findUser(id: number): User | undefined {
    return this.repos.users.findById(id);
  }

  listUsers(): User[] {
    return this.repos.users.list();
  }

  private audit(
    actorUserId: number | null,
    action: string,
    requestId: string,
    details: Record<string, unknown>,
    userId?: number,
  ): void {
    this.repos.audit.record({
      occurredAt: this.now().toISOString(),
      actorUserId,
      action,
      objectType: 'user',
      objectId: userId ?? actorUserId ?? undefined,
      details,
      requestId,
    });
  }
}
