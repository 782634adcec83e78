import { Decimal } from 'decimal.js';
import type { ClusterUnitFigures } from '../domain/cluster-aggregates.js';
import { fromPaise } from '../domain/money.js';
import type { Db } from './open-database.js';

interface UnitFiguresRow {
  investment_paise: number | null;
  revenue_paise: number | null;
  production_tonnes: string | null;
  electricity_kwh: string | null;
  coke_tonnes: string | null;
  documents: string;
}

/**
 * The figures a cluster's aggregates need, one row per unit in one query (a cluster may hold tens of thousands of
 * imported units): investment, latest year's revenue, energy, and the documents held.
 */
export class ClusterRepository {
  constructor(private readonly db: Db) {}

  unitFigures(clusterId: string): ClusterUnitFigures[] {
    return this.db
      .prepare<[string], UnitFiguresRow>(
        `SELECT e.investment_paise,
                (SELECT f.revenue_paise FROM enterprise_financials f WHERE f.enterprise_id = e.id
                 ORDER BY f.fiscal_year DESC LIMIT 1) AS revenue_paise,
                g.production_tonnes, g.electricity_kwh, g.coke_tonnes,
                (SELECT json_group_array(d.document_id) FROM enterprise_documents d WHERE d.enterprise_id = e.id)
                  AS documents
         FROM enterprises e LEFT JOIN enterprise_energy g ON g.enterprise_id = e.id
         WHERE e.cluster_id = ?`,
      )
      .all(clusterId)
      .map((row) => ({
        investmentInr: row.investment_paise === null ? null : fromPaise(row.investment_paise),
        turnoverInr: row.revenue_paise === null ? null : fromPaise(row.revenue_paise),
        productionTonnes: row.production_tonnes === null ? null : new Decimal(row.production_tonnes),
        electricityKwh: row.electricity_kwh === null ? null : new Decimal(row.electricity_kwh),
        cokeTonnes: row.coke_tonnes === null ? null : new Decimal(row.coke_tonnes),
        documents: new Set(JSON.parse(row.documents) as string[]),
      }));
  }
}
