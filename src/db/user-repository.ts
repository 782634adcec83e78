import type { Db } from './open-database.js';

export const ROLES = ['owner', 'advisor', 'bank_officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  email: string | null;
  mobile: string | null;
  displayName: string;
  passwordHash: string;
  role: Role;
  organisationId: number | null;
  branchId: number | null;
  failedLoginCount: number;
  lockedUntil: string | null;
  createdAt: string;
}

export type NewUser = Omit<User, 'id' | 'failedLoginCount' | 'lockedUntil'>;

interface UserRow {
  id: number;
  email: string | null;
  mobile: string | null;
  display_name: string;
  password_hash: string;
  role: Role;
  organisation_id: number | null;
  branch_id: number | null;
  failed_login_count: number;
  locked_until: string | null;
  created_at: string;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    mobile: row.mobile,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    role: row.role,
    organisationId: row.organisation_id,
    branchId: row.branch_id,
    failedLoginCount: row.failed_login_count,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
  };
}

const COLUMNS =
  'id, email, mobile, display_name, password_hash, role, organisation_id, branch_id, failed_login_count, locked_until, created_at';

export class UserRepository {
  constructor(private readonly db: Db) {}

  findById(id: number): User | undefined {
    const row = this.db.prepare<[number], UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id);
    return row && toUser(row);
  }

  /** Email (case-insensitive) or mobile number. */
  findByIdentifier(identifier: string): User | undefined {
    const row = this.db
      .prepare<[string, string], UserRow>(`SELECT ${COLUMNS} FROM users WHERE email = ? OR mobile = ?`)
      .get(identifier, identifier);
    return row && toUser(row);
  }

  list(): User[] {
    return this.db
      .prepare<[], UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY role, display_name`)
      .all()
      .map(toUser);
  }

  insert(user: NewUser): number {
    const result = this.db
      .prepare(
        `INSERT INTO users (email, mobile, display_name, password_hash, role, organisation_id, branch_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        user.email,
        user.mobile,
        user.displayName,
        user.passwordHash,
        user.role,
        user.organisationId,
        user.branchId,
        user.createdAt,
      );
    return Number(result.lastInsertRowid);
  }

  recordFailedLogin(id: number, lockedUntil: string | null): void {
    this.db
      .prepare('UPDATE users SET failed_login_count = failed_login_count + 1, locked_until = ? WHERE id = ?')
      .run(lockedUntil, id);
  }

  clearFailedLogins(id: number): void {
    this.db.prepare('UPDATE users SET failed_login_count = 0, locked_until = NULL WHERE id = ?').run(id);
  }
}
