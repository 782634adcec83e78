import type { Db } from './open-database.js';

export interface ClaimLink {
  tokenHash: string;
  enterpriseId: number;
  createdByUserId: number;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

interface ClaimLinkRow {
  token_hash: string;
  enterprise_id: number;
  created_by_user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

const toClaimLink = (row: ClaimLinkRow): ClaimLink => ({
  tokenHash: row.token_hash,
  enterpriseId: row.enterprise_id,
  createdByUserId: row.created_by_user_id,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
});

export class ClaimLinkRepository {
  constructor(private readonly db: Db) {}

  insert(link: Omit<ClaimLink, 'usedAt'>): void {
    this.db
      .prepare(
        `INSERT INTO claim_links (token_hash, enterprise_id, created_by_user_id, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(link.tokenHash, link.enterpriseId, link.createdByUserId, link.createdAt, link.expiresAt);
  }

  find(tokenHash: string): ClaimLink | undefined {
    const row = this.db
      .prepare<[string], ClaimLinkRow>(
        `SELECT token_hash, enterprise_id, created_by_user_id, created_at, expires_at, used_at
         FROM claim_links WHERE token_hash = ?`,
      )
      .get(tokenHash);
    return row && toClaimLink(row);
  }

  /** Uses the link and gives the enterprise its owner, only if neither has happened yet; false otherwise. */
  claim(tokenHash: string, userId: number, at: string): boolean {
    const used = this.db
      .prepare(
        'UPDATE claim_links SET used_at = ?, used_by_user_id = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
      )
      .run(at, userId, tokenHash, at);
    if (used.changes !== 1) return false;
    const owned = this.db
      .prepare(
        `UPDATE enterprises SET owner_user_id = ?, version = version + 1, updated_at = ?
         WHERE id = (SELECT enterprise_id FROM claim_links WHERE token_hash = ?) AND owner_user_id IS NULL`,
      )
      .run(userId, at, tokenHash);
    return owned.changes === 1;
  }
}
