import type { Db } from './open-database.js';

export interface ApiToken {
  id: number;
  lenderId: number;
  actingUserId: number;
  label: string;
  tokenPrefix: string;
  createdByUserId: number;
  createdAt: string;
  revokedAt: string | null;
}

export type NewApiToken = Omit<ApiToken, 'id' | 'revokedAt'> & { tokenHash: string };

interface ApiTokenRow {
  id: number;
  lender_id: number;
  acting_user_id: number;
  label: string;
  token_prefix: string;
  created_by_user_id: number;
  created_at: string;
  revoked_at: string | null;
}

const COLUMNS =
  'id, lender_id, acting_user_id, label, token_prefix, created_by_user_id, created_at, revoked_at';

const toApiToken = (row: ApiTokenRow): ApiToken => ({
  id: row.id,
  lenderId: row.lender_id,
  actingUserId: row.acting_user_id,
  label: row.label,
  tokenPrefix: row.token_prefix,
  createdByUserId: row.created_by_user_id,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

/** Lenders' API tokens, by hash only; revoked rows are kept. */
export class ApiTokenRepository {
  constructor(private readonly db: Db) {}

  insert(token: NewApiToken): number {
    const result = this.db
      .prepare(
        `INSERT INTO api_tokens (lender_id, acting_user_id, label, token_hash, token_prefix, created_by_user_id,
           created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        token.lenderId,
        token.actingUserId,
        token.label,
        token.tokenHash,
        token.tokenPrefix,
        token.createdByUserId,
        token.createdAt,
      );
    return Number(result.lastInsertRowid);
  }

  findByHash(tokenHash: string): ApiToken | undefined {
    const row = this.db
      .prepare<[string], ApiTokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = ?`)
      .get(tokenHash);
    return row && toApiToken(row);
  }

  findById(id: number): ApiToken | undefined {
    const row = this.db
      .prepare<[number], ApiTokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE id = ?`)
      .get(id);
    return row && toApiToken(row);
  }

  list(): ApiToken[] {
    return this.db
      .prepare<[], ApiTokenRow>(`SELECT ${COLUMNS} FROM api_tokens ORDER BY id DESC`)
      .all()
      .map(toApiToken);
  }

  /** False when already revoked (or no such token). */
  revoke(id: number, byUserId: number, at: string): boolean {
    return (
      this.db
        .prepare(
          'UPDATE api_tokens SET revoked_at = ?, revoked_by_user_id = ? WHERE id = ? AND revoked_at IS NULL',
        )
        .run(at, byUserId, id).changes === 1
    );
  }
}
