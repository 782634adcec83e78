import { Decimal } from 'decimal.js';
import type { ClusterUnitFigures } from '../domain/cluster-aggregates.js';
import { fromPaise } from '../domain/money.js';
import type { Db } from './open-database.js';

interface UnitFiguresRow {
  id: number;
  investment_paise: number | null;
  revenue_paise: number | null;
  production_tonnes: string | null;
  electricity_kwh: string | null;
  coke_tonnes: string | null;
  natural_gas_scm: string | null;
  lpg_kg: string | null;
  diesel_litres: string | null;
  furnace_oil_kl: string | null;
  documents: string;
}

const decimalOrNull = (value: string | null) => (value === null ? null : new Decimal(value));

/** A unit's figures with its id, which stays inside the services: the band counts look each unit up by it. */
export interface ClusterUnitRow extends ClusterUnitFigures {
  enterpriseId: number;
}

export interface PlannerUnit {
  id: number;
  name: string;
  productionTonnes: Decimal | null;
}

/**
 * The figures a cluster's aggregates need, one row per unit in one query (a cluster may hold tens of thousands of
 * imported units): investment, latest year's revenue, energy, and the documents held.
 */
export class ClusterRepository {
  constructor(private readonly db: Db) {}

  unitFigures(clusterId: string): ClusterUnitRow[] {
    return this.db
      .prepare<[string], UnitFiguresRow>(
        `SELECT e.id, e.investment_paise,
                (SELECT f.revenue_paise FROM enterprise_financials f WHERE f.enterprise_id = e.id
                 ORDER BY f.fiscal_year DESC LIMIT 1) AS revenue_paise,
                g.production_tonnes, g.electricity_kwh, g.coke_tonnes, g.natural_gas_scm, g.lpg_kg,
                g.diesel_litres, g.furnace_oil_kl,
                (SELECT json_group_array(d.document_id) FROM enterprise_documents d WHERE d.enterprise_id = e.id)
                  AS documents
         FROM enterprises e LEFT JOIN enterprise_energy g ON g.enterprise_id = e.id
         WHERE e.cluster_id = ?`,
      )
      .all(clusterId)
      .map((row) => ({
        enterpriseId: row.id,
        investmentInr: row.investment_paise === null ? null : fromPaise(row.investment_paise),
        turnoverInr: row.revenue_paise === null ? null : fromPaise(row.revenue_paise),
        productionTonnes: row.production_tonnes === null ? null : new Decimal(row.production_tonnes),
        electricityKwh: row.electricity_kwh === null ? null : new Decimal(row.electricity_kwh),
        cokeTonnes: row.coke_tonnes === null ? null : new Decimal(row.coke_tonnes),
        otherFuels: {
          naturalGasScm: decimalOrNull(row.natural_gas_scm),
          lpgKg: decimalOrNull(row.lpg_kg),
          dieselLitres: decimalOrNull(row.diesel_litres),
          furnaceOilKl: decimalOrNull(row.furnace_oil_kl),
        },
        documents: new Set(JSON.parse(row.documents) as string[]),
      }));
  }

  /** The cluster's units for the common facility planner: id, name and production, by name. */
  plannerUnits(clusterId: string): PlannerUnit[] {
    return this.db
      .prepare<[string], { id: number; name: string; production_tonnes: string | null }>(
        `SELECT e.id, e.name, g.production_tonnes
         FROM enterprises e LEFT JOIN enterprise_energy g ON g.enterprise_id = e.id
         WHERE e.cluster_id = ? ORDER BY e.name, e.id`,
      )
      .all(clusterId)
      .map((row) => ({ id: row.id, name: row.name, productionTonnes: decimalOrNull(row.production_tonnes) }));
  }
}
