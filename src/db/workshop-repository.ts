import type { Db } from './open-database.js';

export const WORKSHOP_OUTCOMES = ['pending', 'validated', 'needs-documents', 'not-interested'] as const;
export type WorkshopOutcome = (typeof WORKSHOP_OUTCOMES)[number];

export interface Workshop {
  id: number;
  organisationId: number;
  clusterId: string;
  heldOn: string;
  venue: string;
  lenderIds: number[];
  createdByUserId: number;
  createdAt: string;
}

export interface WorkshopUnit {
  workshopId: number;
  enterpriseId: number;
  enterpriseName: string;
  /** Investment in plant and machinery, paise; null when not given. */
  investmentPaise: number | null;
  /** Latest fiscal year's revenue, paise; null when not given. */
  revenuePaise: number | null;
  outcome: WorkshopOutcome;
  interests: string[];
  registeredAt: string;
}

interface WorkshopRow {
  id: number;
  organisation_id: number;
  cluster_id: string;
  held_on: string;
  venue: string;
  lender_ids: string;
  created_by_user_id: number;
  created_at: string;
}

interface UnitRow {
  workshop_id: number;
  enterprise_id: number;
  name: string;
  investment_paise: number | null;
  revenue_paise: number | null;
  outcome: WorkshopOutcome;
  interests: string;
  registered_at: string;
}

const toWorkshop = (row: WorkshopRow): Workshop => ({
  id: row.id,
  organisationId: row.organisation_id,
  clusterId: row.cluster_id,
  heldOn: row.held_on,
  venue: row.venue,
  lenderIds: JSON.parse(row.lender_ids) as number[],
  createdByUserId: row.created_by_user_id,
  createdAt: row.created_at,
});

const toUnit = (row: UnitRow): WorkshopUnit => ({
  workshopId: row.workshop_id,
  enterpriseId: row.enterprise_id,
  enterpriseName: row.name,
  investmentPaise: row.investment_paise,
  revenuePaise: row.revenue_paise,
  outcome: row.outcome,
  interests: JSON.parse(row.interests) as string[],
  registeredAt: row.registered_at,
});

const WORKSHOP_COLUMNS =
  'id, organisation_id, cluster_id, held_on, venue, lender_ids, created_by_user_id, created_at';

export class WorkshopRepository {
  constructor(private readonly db: Db) {}

  listByOrganisation(organisationId: number): Workshop[] {
    return this.db
      .prepare<[number], WorkshopRow>(
        `SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE organisation_id = ? ORDER BY held_on DESC, id DESC`,
      )
      .all(organisationId)
      .map(toWorkshop);
  }

  findById(id: number): Workshop | undefined {
    const row = this.db
      .prepare<[number], WorkshopRow>(`SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE id = ?`)
      .get(id);
    return row && toWorkshop(row);
  }

  insert(workshop: Omit<Workshop, 'id'>): number {
    const result = this.db
      .prepare(
        `INSERT INTO workshops (organisation_id, cluster_id, held_on, venue, lender_ids, created_by_user_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        workshop.organisationId,
        workshop.clusterId,
        workshop.heldOn,
        workshop.venue,
        JSON.stringify(workshop.lenderIds),
        workshop.createdByUserId,
        workshop.createdAt,
      );
    return Number(result.lastInsertRowid);
  }

  /** Attending units with the figures the aggregates need (investment, latest revenue). */
  units(workshopId: number): WorkshopUnit[] {
    return this.db
      .prepare<[number], UnitRow>(
        `SELECT u.workshop_id, u.enterprise_id, e.name, e.investment_paise,
                (SELECT f.revenue_paise FROM enterprise_financials f WHERE f.enterprise_id = e.id
                 ORDER BY f.fiscal_year DESC LIMIT 1) AS revenue_paise,
                u.outcome, u.interests, u.registered_at
         FROM workshop_units u JOIN enterprises e ON e.id = u.enterprise_id
         WHERE u.workshop_id = ? ORDER BY e.name`,
      )
      .all(workshopId)
      .map(toUnit);
  }

  register(workshopId: number, enterpriseId: number, at: string): boolean {
    return (
      this.db
        .prepare(
          `INSERT OR IGNORE INTO workshop_units (workshop_id, enterprise_id, registered_at, updated_at) VALUES (?, ?, ?, ?)`,
        )
        .run(workshopId, enterpriseId, at, at).changes === 1
    );
  }

  recordOutcome(
    workshopId: number,
    enterpriseId: number,
    outcome: WorkshopOutcome,
    interests: string[],
    at: string,
  ): boolean {
    return (
      this.db
        .prepare(
          'UPDATE workshop_units SET outcome = ?, interests = ?, updated_at = ? WHERE workshop_id = ? AND enterprise_id = ?',
        )
        .run(outcome, JSON.stringify(interests), at, workshopId, enterpriseId).changes === 1
    );
  }
}
