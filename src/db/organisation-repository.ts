import type { Db } from './open-database.js';

export type OrganisationKind = 'association' | 'lender';

export interface Organisation {
  id: number;
  kind: OrganisationKind;
  name: string;
  createdAt: string;
}

export interface Branch {
  id: number;
  organisationId: number;
  name: string;
  city: string;
}

interface OrganisationRow {
  id: number;
  kind: OrganisationKind;
  name: string;
  created_at: string;
}

interface BranchRow {
  id: number;
  organisation_id: number;
  name: string;
  city: string;
}

const toOrganisation = (row: OrganisationRow): Organisation => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  createdAt: row.created_at,
});

const toBranch = (row: BranchRow): Branch => ({
  id: row.id,
  organisationId: row.organisation_id,
  name: row.name,
  city: row.city,
});

export class OrganisationRepository {
  constructor(private readonly db: Db) {}

  list(): Organisation[] {
    return this.db
      .prepare<[], OrganisationRow>(
        'SELECT id, kind, name, created_at FROM organisations ORDER BY kind, name',
      )
      .all()
      .map(toOrganisation);
  }

  findById(id: number): Organisation | undefined {
    const row = this.db
      .prepare<[number], OrganisationRow>('SELECT id, kind, name, created_at FROM organisations WHERE id = ?')
      .get(id);
    return row && toOrganisation(row);
  }

  findByName(name: string): Organisation | undefined {
    const row = this.db
      .prepare<[string], OrganisationRow>(
        'SELECT id, kind, name, created_at FROM organisations WHERE name = ?',
      )
      .get(name);
    return row && toOrganisation(row);
  }

  insert(kind: OrganisationKind, name: string, createdAt: string): number {
    const result = this.db
      .prepare('INSERT INTO organisations (kind, name, created_at) VALUES (?, ?, ?)')
      .run(kind, name, createdAt);
    return Number(result.lastInsertRowid);
  }

  clusterIdsOf(organisationId: number): string[] {
    return this.db
      .prepare<[number], { cluster_id: string }>(
        'SELECT cluster_id FROM association_clusters WHERE organisation_id = ? ORDER BY cluster_id',
      )
      .all(organisationId)
      .map((row) => row.cluster_id);
  }

  addCluster(organisationId: number, clusterId: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO association_clusters (organisation_id, cluster_id) VALUES (?, ?)')
      .run(organisationId, clusterId);
  }

  branchesOf(organisationId: number): Branch[] {
    return this.db
      .prepare<[number], BranchRow>(
        'SELECT id, organisation_id, name, city FROM branches WHERE organisation_id = ? ORDER BY name',
      )
      .all(organisationId)
      .map(toBranch);
  }

  allBranches(): Branch[] {
    return this.db
      .prepare<[], BranchRow>('SELECT id, organisation_id, name, city FROM branches ORDER BY name')
      .all()
      .map(toBranch);
  }

  findBranch(id: number): Branch | undefined {
    const row = this.db
      .prepare<[number], BranchRow>('SELECT id, organisation_id, name, city FROM branches WHERE id = ?')
      .get(id);
    return row && toBranch(row);
  }

  insertBranch(organisationId: number, name: string, city: string, createdAt: string): number {
    const result = this.db
      .prepare('INSERT INTO branches (organisation_id, name, city, created_at) VALUES (?, ?, ?, ?)')
      .run(organisationId, name, city, createdAt);
    return Number(result.lastInsertRowid);
  }
}
