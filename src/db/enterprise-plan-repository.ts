import type { Decimal } from 'decimal.js';
import type { ProjectType } from '../domain/enterprise-facts.js';
import type { AuditBasis } from '../domain/readiness/assess-readiness.js';
import { fromPaise, toPaise } from '../domain/money.js';
import type { Db } from './open-database.js';

// The owner's saved upgrade plan, one row per enterprise with its first measure, and a row per further measure
// (enterprise_plan_measures, in the owner's order): money as INTEGER paise, the chosen package's scheme ids as a
// JSON array (null until the owner picks one; [] is the ordinary term loan without scheme support).

/** A measure after the plan's first: the technology and, where the owner gave them, its quotation and running cost. */
export interface FurtherMeasure {
  technologyId: string;
  capexInr: Decimal | null;
  annualOmInr: Decimal | null;
}

export interface SavedPlan {
  enterpriseId: number;
  technologyId: string;
  capexInr: Decimal | null;
  annualOmInr: Decimal | null;
  /** The second and later measures, in the owner's order; [] for a plan of one technology. */
  furtherMeasures: FurtherMeasure[];
  /** The owner's own figure for the project's yearly saving, from an energy audit; null: the model's estimate stands. */
  annualSavingInr: Decimal | null;
  /** The kind of audit `annualSavingInr` comes from; null exactly when there is no such figure. */
  savingsBasis: AuditBasis | null;
  /** What the owner's energy audit cost, which some state schemes pay part of back; null: not given. */
  energyAuditCostInr: Decimal | null;
  /** What the upgrade does to the plant (new unit, expansion, modernisation); null: not said. */
  projectType: ProjectType | null;
  loanInr: Decimal | null;
  tenureMonths: number | null;
  moratoriumMonths: number | null;
  packageSchemeIds: string[] | null;
  savedByUserId: number;
  savedAt: string;
}

interface PlanRow {
  enterprise_id: number;
  technology_id: string;
  capex_paise: number | null;
  annual_om_paise: number | null;
  annual_saving_paise: number | null;
  loan_paise: number | null;
  tenure_months: number | null;
  moratorium_months: number | null;
  package_scheme_ids: string | null;
  savings_basis: AuditBasis | null;
  project_type: ProjectType | null;
  energy_audit_cost_paise: number | null;
  saved_by_user_id: number;
  saved_at: string;
}

interface MeasureRow {
  technology_id: string;
  capex_paise: number | null;
  annual_om_paise: number | null;
}

const paise = (value: Decimal | null): number | null => (value === null ? null : toPaise(value));
const rupees = (value: number | null): Decimal | null => (value === null ? null : fromPaise(value));

export class EnterprisePlanRepository {
  constructor(private readonly db: Db) {}

  find(enterpriseId: number): SavedPlan | undefined {
    const row = this.db
      .prepare<[number], PlanRow>(
        `SELECT enterprise_id, technology_id, capex_paise, annual_om_paise, annual_saving_paise, loan_paise,
           tenure_months, moratorium_months, package_scheme_ids, savings_basis, project_type,
           energy_audit_cost_paise, saved_by_user_id, saved_at
         FROM enterprise_plans WHERE enterprise_id = ?`,
      )
      .get(enterpriseId);
    if (!row) return undefined;
    const measures = this.db
      .prepare<[number], MeasureRow>(
        `SELECT technology_id, capex_paise, annual_om_paise FROM enterprise_plan_measures
         WHERE enterprise_id = ? ORDER BY position`,
      )
      .all(enterpriseId);
    return {
      enterpriseId: row.enterprise_id,
      technologyId: row.technology_id,
      capexInr: rupees(row.capex_paise),
      annualOmInr: rupees(row.annual_om_paise),
      furtherMeasures: measures.map((measure) => ({
        technologyId: measure.technology_id,
        capexInr: rupees(measure.capex_paise),
        annualOmInr: rupees(measure.annual_om_paise),
      })),
      annualSavingInr: rupees(row.annual_saving_paise),
      savingsBasis: row.savings_basis,
      energyAuditCostInr: rupees(row.energy_audit_cost_paise),
      projectType: row.project_type,
      loanInr: rupees(row.loan_paise),
      tenureMonths: row.tenure_months,
      moratoriumMonths: row.moratorium_months,
      packageSchemeIds:
        row.package_scheme_ids === null ? null : (JSON.parse(row.package_scheme_ids) as string[]),
      savedByUserId: row.saved_by_user_id,
      savedAt: row.saved_at,
    };
  }

  /** Inserts or replaces the enterprise's plan with its measures; the caller holds the transaction. */
  save(plan: SavedPlan): void {
    this.db
      .prepare(
        `INSERT INTO enterprise_plans (enterprise_id, technology_id, capex_paise, annual_om_paise,
           annual_saving_paise, savings_basis, energy_audit_cost_paise, project_type, loan_paise, tenure_months,
           moratorium_months, package_scheme_ids, saved_by_user_id, saved_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (enterprise_id) DO UPDATE SET
           technology_id = excluded.technology_id, capex_paise = excluded.capex_paise,
           annual_om_paise = excluded.annual_om_paise, annual_saving_paise = excluded.annual_saving_paise,
           savings_basis = excluded.savings_basis, energy_audit_cost_paise = excluded.energy_audit_cost_paise,
           project_type = excluded.project_type,
           loan_paise = excluded.loan_paise, tenure_months = excluded.tenure_months,
           moratorium_months = excluded.moratorium_months, package_scheme_ids = excluded.package_scheme_ids,
           saved_by_user_id = excluded.saved_by_user_id, saved_at = excluded.saved_at`,
      )
      .run(
        plan.enterpriseId,
        plan.technologyId,
        paise(plan.capexInr),
        paise(plan.annualOmInr),
        paise(plan.annualSavingInr),
        plan.savingsBasis,
        paise(plan.energyAuditCostInr),
        plan.projectType,
        paise(plan.loanInr),
        plan.tenureMonths,
        plan.moratoriumMonths,
        plan.packageSchemeIds === null ? null : JSON.stringify(plan.packageSchemeIds),
        plan.savedByUserId,
        plan.savedAt,
      );
    this.db.prepare('DELETE FROM enterprise_plan_measures WHERE enterprise_id = ?').run(plan.enterpriseId);
    const insert = this.db.prepare(
      `INSERT INTO enterprise_plan_measures (enterprise_id, position, technology_id, capex_paise, annual_om_paise)
       VALUES (?, ?, ?, ?, ?)`,
    );
    plan.furtherMeasures.forEach((measure, index) =>
      insert.run(
        plan.enterpriseId,
        index + 2,
        measure.technologyId,
        paise(measure.capexInr),
        paise(measure.annualOmInr),
      ),
    );
  }
}
