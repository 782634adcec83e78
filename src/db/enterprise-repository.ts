import type { Db } from './open-database.js';

export interface Enterprise {
  id: number;
  ownerUserId: number | null;
  createdByUserId: number;
  clusterId: string;
  name: string;
  udyamNumber: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type NewEnterprise = Omit<Enterprise, 'id' | 'version' | 'updatedAt'>;

interface EnterpriseRow {
  id: number;
  owner_user_id: number | null;
  created_by_user_id: number;
  cluster_id: string;
  name: string;
  udyam_number: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

const toEnterprise = (row: EnterpriseRow): Enterprise => ({
  id: row.id,
  ownerUserId: row.owner_user_id,
  createdByUserId: row.created_by_user_id,
  clusterId: row.cluster_id,
  name: row.name,
  udyamNumber: row.udyam_number,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

const COLUMNS =
  'id, owner_user_id, created_by_user_id, cluster_id, name, udyam_number, created_at, updated_at, version';

export class EnterpriseRepository {
  constructor(private readonly db: Db) {}

  findById(id: number): Enterprise | undefined {
    const row = this.db
      .prepare<[number], EnterpriseRow>(`SELECT ${COLUMNS} FROM enterprises WHERE id = ?`)
      .get(id);
    return row && toEnterprise(row);
  }

  findByUdyam(udyamNumber: string): Enterprise | undefined {
    const row = this.db
      .prepare<[string], EnterpriseRow>(`SELECT ${COLUMNS} FROM enterprises WHERE udyam_number = ?`)
      .get(udyamNumber);
    return row && toEnterprise(row);
  }

  listByOwner(ownerUserId: number): Enterprise[] {
    return this.db
      .prepare<[number], EnterpriseRow>(
        `SELECT ${COLUMNS} FROM enterprises WHERE owner_user_id = ? ORDER BY name`,
      )
      .all(ownerUserId)
      .map(toEnterprise);
  }

  listByClusters(clusterIds: readonly string[]): Enterprise[] {
    if (clusterIds.length === 0) return [];
    const placeholders = clusterIds.map(() => '?').join(', ');
    return this.db
      .prepare<string[], EnterpriseRow>(
        `SELECT ${COLUMNS} FROM enterprises WHERE cluster_id IN (${placeholders}) ORDER BY cluster_id, name`,
      )
      .all(...clusterIds)
      .map(toEnterprise);
  }

  insert(enterprise: NewEnterprise): number {
    const result = this.db
      .prepare(
        `INSERT INTO enterprises (owner_user_id, created_by_user_id, cluster_id, name, udyam_number, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        enterprise.ownerUserId,
        enterprise.createdByUserId,
        enterprise.clusterId,
        enterprise.name,
        enterprise.udyamNumber,
        enterprise.createdAt,
        enterprise.createdAt,
      );
    return Number(result.lastInsertRowid);
  }
}
