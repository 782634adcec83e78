import { Decimal } from 'decimal.js';
import { fromPaise, toPaise } from '../domain/money.js';
import {
  FINANCIAL_FIGURES,
  type Compliance,
  type CreditRecord,
  type DocumentId,
  type DocumentRecord,
  type EnergyUse,
  type EnterpriseDetails,
  type EnterpriseProfile,
  type FiscalYearFigures,
  type OwnershipGroupId,
  type ProfileStep,
  type Provenance,
  type SmaStatus,
  type Constitution,
} from '../domain/enterprise-profile.js';
import type { FigureCheck } from '../domain/figure-checks.js';
import type { Db } from './open-database.js';

// Rows ↔ profile: money as INTEGER paise, quantities as TEXT decimals, JSON arrays for small sets.

const paise = (value: Decimal | null): number | null => (value === null ? null : toPaise(value));
const rupees = (value: number | null): Decimal | null => (value === null ? null : fromPaise(value));
const quantityText = (value: Decimal | null): string | null => (value === null ? null : value.toFixed());
const quantity = (text: string | null): Decimal | null => (text === null ? null : new Decimal(text));

interface EnterpriseRow {
  id: number;
  version: number;
  owner_user_id: number | null;
  name: string;
  cluster_id: string;
  udyam_number: string | null;
  gst_number: string | null;
  constitution: Constitution | null;
  year_of_start: number | null;
  ownership: string | null;
  investment_paise: number | null;
  completed_steps: string;
}

interface EnergyRow {
  production_tonnes: string | null;
  electricity_kwh: string | null;
  contract_demand_kva: string | null;
  connected_load_kw: string | null;
  coke_tonnes: string | null;
  natural_gas_scm: string | null;
  lpg_kg: string | null;
  diesel_litres: string | null;
  furnace_oil_kl: string | null;
  annual_energy_bill_paise: number | null;
}

const ENERGY_COLUMNS: [keyof EnergyUse, keyof EnergyRow][] = [
  ['productionTonnes', 'production_tonnes'],
  ['electricityKwh', 'electricity_kwh'],
  ['contractDemandKva', 'contract_demand_kva'],
  ['connectedLoadKw', 'connected_load_kw'],
  ['cokeTonnes', 'coke_tonnes'],
  ['naturalGasScm', 'natural_gas_scm'],
  ['lpgKg', 'lpg_kg'],
  ['dieselLitres', 'diesel_litres'],
  ['furnaceOilKl', 'furnace_oil_kl'],
];

/** revenueInr → revenue_paise, and so on for every figure. */
const financialColumn = (figure: string) =>
  `${figure.replace(/Inr$/, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_paise`;

interface CreditRow {
  new_to_credit: number;
  cmr_rank: number | null;
  existing_loans_paise: number | null;
  existing_emi_paise: number | null;
  sma_status: SmaStatus;
}

interface DocumentRow {
  document_id: DocumentId;
  provenance: Provenance;
  updated_by_user_id: number;
  updated_at: string;
}

export class EnterpriseProfileRepository {
  constructor(private readonly db: Db) {}

  load(id: number): EnterpriseProfile | undefined {
    const row = this.db
      .prepare<[number], EnterpriseRow>(
        `SELECT id, version, owner_user_id, name, cluster_id, udyam_number, gst_number, constitution, year_of_start,
                ownership, investment_paise, completed_steps
         FROM enterprises WHERE id = ?`,
      )
      .get(id);
    if (!row) return undefined;
    return {
      id: row.id,
      version: row.version,
      ownerUserId: row.owner_user_id,
      details: {
        name: row.name,
        clusterId: row.cluster_id,
        udyamNumber: row.udyam_number,
        gstNumber: row.gst_number,
        constitution: row.constitution,
        yearOfStart: row.year_of_start,
        ownership: row.ownership === null ? null : (JSON.parse(row.ownership) as OwnershipGroupId[]),
        investmentInr: rupees(row.investment_paise),
      },
      energy: this.energy(id),
      financials: this.financials(id),
      credit: this.credit(id),
      compliance: this.compliance(id),
      documents: this.documents(id),
      completedSteps: JSON.parse(row.completed_steps) as ProfileStep[],
      figureChecks: this.figureChecks(id),
    };
  }

  /** Records the groups of figures an advisor has seen, with the values seen; a newer check replaces an older. */
  recordFigureChecks(
    id: number,
    seen: readonly { group: string; seenValues: string }[],
    userId: number,
    at: string,
  ): void {
    const record = this.db.prepare(
      `INSERT INTO figure_checks (enterprise_id, figure_group, seen_values, checked_by_user_id, checked_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (enterprise_id, figure_group) DO UPDATE SET seen_values = excluded.seen_values,
         checked_by_user_id = excluded.checked_by_user_id, checked_at = excluded.checked_at`,
    );
    for (const { group, seenValues } of seen) record.run(id, group, seenValues, userId, at);
  }

  private figureChecks(id: number): FigureCheck[] {
    return this.db
      .prepare<[number], FigureCheck>(
        `SELECT c.figure_group AS "group", c.seen_values AS seenValues, COALESCE(u.display_name, '') AS checkedByName,
                c.checked_at AS checkedAt
         FROM figure_checks c LEFT JOIN users u ON u.id = c.checked_by_user_id
         WHERE c.enterprise_id = ? ORDER BY c.figure_group`,
      )
      .all(id);
  }

  /**
   * Claims the next version for a step save: succeeds only if nobody saved since `expectedVersion` was read.
   * Returns false on a conflict, and then the caller must write nothing.
   */
  claimVersion(id: number, expectedVersion: number, step: ProfileStep, updatedAt: string): boolean {
    const result = this.db
      .prepare(
        `UPDATE enterprises
         SET version = version + 1, updated_at = ?,
             completed_steps = CASE WHEN EXISTS (SELECT 1 FROM json_each(completed_steps) WHERE value = ?)
                                    THEN completed_steps ELSE json_insert(completed_steps, '$[#]', ?) END
         WHERE id = ? AND version = ?`,
      )
      .run(updatedAt, step, step, id, expectedVersion);
    return result.changes === 1;
  }

  saveDetails(id: number, details: EnterpriseDetails): void {
    this.db
      .prepare(
        `UPDATE enterprises SET name = ?, cluster_id = ?, udyam_number = ?, gst_number = ?, constitution = ?,
                year_of_start = ?, ownership = ?, investment_paise = ? WHERE id = ?`,
      )
      .run(
        details.name,
        details.clusterId,
        details.udyamNumber,
        details.gstNumber,
        details.constitution,
        details.yearOfStart,
        details.ownership === null ? null : JSON.stringify(details.ownership),
        paise(details.investmentInr),
        id,
      );
  }

  saveEnergy(id: number, energy: EnergyUse): void {
    const columns = ENERGY_COLUMNS.map(([, column]) => column);
    this.db
      .prepare(
        `INSERT OR REPLACE INTO enterprise_energy (enterprise_id, ${columns.join(', ')}, annual_energy_bill_paise)
         VALUES (?, ${columns.map(() => '?').join(', ')}, ?)`,
      )
      .run(
        id,
        ...ENERGY_COLUMNS.map(([field]) => quantityText(energy[field])),
        paise(energy.annualEnergyBillInr),
      );
  }

  saveFinancials(id: number, years: readonly FiscalYearFigures[]): void {
    this.db.prepare('DELETE FROM enterprise_financials WHERE enterprise_id = ?').run(id);
    const columns = FINANCIAL_FIGURES.map(financialColumn);
    const insert = this.db.prepare(
      `INSERT INTO enterprise_financials (enterprise_id, fiscal_year, ${columns.join(', ')})
       VALUES (?, ?, ${columns.map(() => '?').join(', ')})`,
    );
    for (const year of years) {
      insert.run(id, year.fiscalYear, ...FINANCIAL_FIGURES.map((figure) => paise(year[figure])));
    }
  }

  saveCredit(id: number, credit: CreditRecord): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO enterprise_credit
           (enterprise_id, new_to_credit, cmr_rank, existing_loans_paise, existing_emi_paise, sma_status)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        credit.newToCredit ? 1 : 0,
        credit.cmrRank,
        paise(credit.existingLoansInr),
        paise(credit.existingEmiInr),
        credit.smaStatus,
      );
  }

  saveCompliance(id: number, compliance: Compliance): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO enterprise_compliance (enterprise_id, consent_to_operate_until, gst_returns_filed)
         VALUES (?, ?, ?)`,
      )
      .run(id, compliance.consentToOperateUntil, compliance.gstReturnsFiled ? 1 : 0);
  }

  /**
   * The owner's own checklist: documents they say they have become self-declared; documents already
   * checked by an advisor or verified by an officer keep that standing; unticked ones are removed.
   */
  saveOwnerDocuments(id: number, held: readonly DocumentId[], userId: number, updatedAt: string): void {
    const keep = new Set(held);
    for (const record of this.documents(id)) {
      if (!keep.has(record.documentId)) {
        this.db
          .prepare('DELETE FROM enterprise_documents WHERE enterprise_id = ? AND document_id = ?')
          .run(id, record.documentId);
      }
    }
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO enterprise_documents (enterprise_id, document_id, provenance, updated_by_user_id, updated_at)
       VALUES (?, ?, 'self-declared', ?, ?)`,
    );
    for (const documentId of held) insert.run(id, documentId, userId, updatedAt);
  }

  /**
   * Documents an advisor has seen become advisor-checked, with who and when. One a bank officer verified keeps
   * that higher standing. Returns the documents whose standing changed.
   */
  markDocumentsChecked(
    id: number,
    documentIds: readonly DocumentId[],
    userId: number,
    at: string,
  ): DocumentId[] {
    const mark = this.db.prepare(
      `INSERT INTO enterprise_documents (enterprise_id, document_id, provenance, updated_by_user_id, updated_at)
       VALUES (?, ?, 'advisor-checked', ?, ?)
       ON CONFLICT (enterprise_id, document_id) DO UPDATE SET provenance = 'advisor-checked',
         updated_by_user_id = excluded.updated_by_user_id, updated_at = excluded.updated_at
       WHERE provenance = 'self-declared'`,
    );
    return documentIds.filter((documentId) => mark.run(id, documentId, userId, at).changes === 1);
  }

  private energy(id: number): EnergyUse | null {
    const row = this.db
      .prepare<[number], EnergyRow>(
        `SELECT ${ENERGY_COLUMNS.map(([, column]) => column).join(', ')}, annual_energy_bill_paise
         FROM enterprise_energy WHERE enterprise_id = ?`,
      )
      .get(id);
    if (!row) return null;
    const energy = Object.fromEntries(
      ENERGY_COLUMNS.map(([field, column]) => [field, quantity(row[column] as string | null)]),
    );
    return {
      ...(energy as Omit<EnergyUse, 'annualEnergyBillInr'>),
      annualEnergyBillInr: rupees(row.annual_energy_bill_paise),
    };
  }

  private financials(id: number): FiscalYearFigures[] {
    const columns = FINANCIAL_FIGURES.map(financialColumn);
    const rows = this.db
      .prepare<[number], Record<string, number | null> & { fiscal_year: string }>(
        `SELECT fiscal_year, ${columns.join(', ')} FROM enterprise_financials WHERE enterprise_id = ? ORDER BY fiscal_year DESC`,
      )
      .all(id);
    return rows.map((row) => ({
      fiscalYear: row.fiscal_year,
      ...(Object.fromEntries(
        FINANCIAL_FIGURES.map((figure) => [figure, rupees(row[financialColumn(figure)] ?? null)]),
      ) as Omit<FiscalYearFigures, 'fiscalYear'>),
    }));
  }

  private credit(id: number): CreditRecord | null {
    const row = this.db
      .prepare<[number], CreditRow>(
        `SELECT new_to_credit, cmr_rank, existing_loans_paise, existing_emi_paise, sma_status
         FROM enterprise_credit WHERE enterprise_id = ?`,
      )
      .get(id);
    return row
      ? {
          newToCredit: row.new_to_credit === 1,
          cmrRank: row.cmr_rank,
          existingLoansInr: rupees(row.existing_loans_paise),
          existingEmiInr: rupees(row.existing_emi_paise),
          smaStatus: row.sma_status,
        }
      : null;
  }

  private compliance(id: number): Compliance | null {
    const row = this.db
      .prepare<[number], { consent_to_operate_until: string | null; gst_returns_filed: number }>(
        'SELECT consent_to_operate_until, gst_returns_filed FROM enterprise_compliance WHERE enterprise_id = ?',
      )
      .get(id);
    return row
      ? { consentToOperateUntil: row.consent_to_operate_until, gstReturnsFiled: row.gst_returns_filed === 1 }
      : null;
  }

  private documents(id: number): DocumentRecord[] {
    return this.db
      .prepare<[number], DocumentRow>(
        `SELECT document_id, provenance, updated_by_user_id, updated_at FROM enterprise_documents
         WHERE enterprise_id = ? ORDER BY document_id`,
      )
      .all(id)
      .map((row) => ({
        documentId: row.document_id,
        provenance: row.provenance,
        updatedByUserId: row.updated_by_user_id,
        updatedAt: row.updated_at,
      }));
  }
}
