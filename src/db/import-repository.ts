import type { Decimal } from 'decimal.js';
import type { ColumnMapping } from '../domain/import-columns.js';
import type { DuplicateChoice, DuplicateOf, PlannedRow, RowOutcome } from '../domain/import-plan.js';
import type { ImportValues } from '../domain/import-row.js';
import { toPaise } from '../domain/money.js';
import type { Db } from './open-database.js';

export type ImportStatus = 'uploaded' | 'previewed' | 'confirmed';

export interface ImportCounts {
  imported: number;
  updated: number;
  skipped: number;
  flagged: number;
  rejected: number;
  blank: number;
}

export interface ImportBatch {
  id: number;
  organisationId: number;
  createdByUserId: number;
  createdByName: string;
  createdAt: string;
  fileName: string;
  headers: string[];
  mapping: ColumnMapping;
  status: ImportStatus;
  rowCount: number;
  duplicateChoice: DuplicateChoice | null;
  confirmedAt: string | null;
  /** Set once confirmed. */
  counts: ImportCounts | null;
}

export interface StagedRow {
  rowNumber: number;
  cells: string[];
}

export interface ReportRow extends StagedRow {
  outcome: RowOutcome | null;
  problems: Record<string, string>;
  duplicateOf: DuplicateOf | null;
  enterpriseId: number | null;
}

/** Rows of the preview, before the advisor has said what to do with duplicates. */
export interface PreviewCounts {
  rows: number;
  valid: number;
  invalid: number;
  blank: number;
  duplicatesInFile: number;
  duplicatesInDatabase: number;
}

interface BatchRow {
  id: number;
  organisation_id: number;
  created_by_user_id: number;
  created_by_name: string;
  created_at: string;
  file_name: string;
  headers: string;
  mapping: string;
  status: ImportStatus;
  row_count: number;
  duplicate_choice: DuplicateChoice | null;
  confirmed_at: string | null;
  imported_count: number | null;
  updated_count: number | null;
  skipped_count: number | null;
  flagged_count: number | null;
  rejected_count: number | null;
  blank_count: number | null;
}

const toBatch = (row: BatchRow): ImportBatch => ({
  id: row.id,
  organisationId: row.organisation_id,
  createdByUserId: row.created_by_user_id,
  createdByName: row.created_by_name,
  createdAt: row.created_at,
  fileName: row.file_name,
  headers: JSON.parse(row.headers) as string[],
  mapping: JSON.parse(row.mapping) as ColumnMapping,
  status: row.status,
  rowCount: row.row_count,
  duplicateChoice: row.duplicate_choice,
  confirmedAt: row.confirmed_at,
  counts:
    row.status === 'confirmed'
      ? {
          imported: row.imported_count ?? 0,
          updated: row.updated_count ?? 0,
          skipped: row.skipped_count ?? 0,
          flagged: row.flagged_count ?? 0,
          rejected: row.rejected_count ?? 0,
          blank: row.blank_count ?? 0,
        }
      : null,
});

const BATCH_COLUMNS = `b.id, b.organisation_id, b.created_by_user_id, u.display_name AS created_by_name, b.created_at,
  b.file_name, b.headers, b.mapping, b.status, b.row_count, b.duplicate_choice, b.confirmed_at, b.imported_count,
  b.updated_count, b.skipped_count, b.flagged_count, b.rejected_count, b.blank_count`;

interface ReportRowRow {
  row_number: number;
  cells: string;
  outcome: RowOutcome | null;
  problems: string;
  duplicate_of: DuplicateOf | null;
  enterprise_id: number | null;
}

const toReportRow = (row: ReportRowRow): ReportRow => ({
  rowNumber: row.row_number,
  cells: JSON.parse(row.cells) as string[],
  outcome: row.outcome,
  problems: JSON.parse(row.problems) as Record<string, string>,
  duplicateOf: row.duplicate_of,
  enterpriseId: row.enterprise_id,
});

const paise = (value: Decimal | null): number | null => (value === null ? null : toPaise(value));
const quantity = (value: Decimal | null): string | null => (value === null ? null : value.toFixed());

/**
 * Import batches and their staged rows, and the writes a confirmed batch makes to the enterprise tables. Those
 * writes are here rather than in the profile repository because a batch of 100,000 rows needs each statement
 * prepared once, not once per row.
 */
export class ImportRepository {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      addRow: db.prepare('INSERT INTO import_rows (batch_id, row_number, cells) VALUES (?, ?, ?)'),
      rowsAfter: db.prepare<[number, number, number], { row_number: number; cells: string }>(
        `SELECT row_number, cells FROM import_rows WHERE batch_id = ? AND row_number > ?
         ORDER BY row_number LIMIT ?`,
      ),
      setPlan: db.prepare(
        `UPDATE import_rows SET outcome = ?, problems = ?, udyam_number = ?, duplicate_of = ?, enterprise_id = ?
         WHERE batch_id = ? AND row_number = ?`,
      ),
      findUdyam: db.prepare<[string], { id: number; cluster_id: string }>(
        'SELECT id, cluster_id FROM enterprises WHERE udyam_number = ?',
      ),
      insertEnterprise: db.prepare(
        `INSERT INTO enterprises (owner_user_id, created_by_user_id, cluster_id, name, udyam_number, investment_paise,
                                  created_at, updated_at)
         VALUES (NULL, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      updateEnterprise: db.prepare(
        `UPDATE enterprises SET name = ?, investment_paise = COALESCE(?, investment_paise), updated_at = ?,
                version = version + 1
         WHERE id = ?`,
      ),
      upsertEnergy: db.prepare(
        `INSERT INTO enterprise_energy (enterprise_id, production_tonnes, electricity_kwh, coke_tonnes,
                                        annual_energy_bill_paise)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (enterprise_id) DO UPDATE SET
           production_tonnes = COALESCE(excluded.production_tonnes, production_tonnes),
           electricity_kwh = COALESCE(excluded.electricity_kwh, electricity_kwh),
           coke_tonnes = COALESCE(excluded.coke_tonnes, coke_tonnes),
           annual_energy_bill_paise = COALESCE(excluded.annual_energy_bill_paise, annual_energy_bill_paise)`,
      ),
      upsertRevenue: db.prepare(
        `INSERT INTO enterprise_financials (enterprise_id, fiscal_year, revenue_paise) VALUES (?, ?, ?)
         ON CONFLICT (enterprise_id, fiscal_year) DO UPDATE SET revenue_paise = excluded.revenue_paise`,
      ),
      // The sheet gives a rank, never an SMA status: a new row says 'none' (the column cannot be empty), and the
      // credit step stays unfinished so the owner is asked to review it; an existing status is kept.
      upsertCredit: db.prepare(
        `INSERT INTO enterprise_credit (enterprise_id, new_to_credit, cmr_rank, sma_status) VALUES (?, ?, ?, 'none')
         ON CONFLICT (enterprise_id) DO UPDATE SET new_to_credit = excluded.new_to_credit,
           cmr_rank = excluded.cmr_rank`,
      ),
    };
  }

  createBatch(batch: {
    organisationId: number;
    createdByUserId: number;
    createdAt: string;
    fileName: string;
    headers: readonly string[];
    mapping: ColumnMapping;
  }): number {
    const result = this.db
      .prepare(
        `INSERT INTO import_batches (organisation_id, created_by_user_id, created_at, file_name, headers, mapping)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        batch.organisationId,
        batch.createdByUserId,
        batch.createdAt,
        batch.fileName,
        JSON.stringify(batch.headers),
        JSON.stringify(batch.mapping),
      );
    return Number(result.lastInsertRowid);
  }

  addRows(batchId: number, rows: readonly StagedRow[]): void {
    for (const row of rows) this.statements.addRow.run(batchId, row.rowNumber, JSON.stringify(row.cells));
  }

  setRowCount(batchId: number, rowCount: number): void {
    this.db.prepare('UPDATE import_batches SET row_count = ? WHERE id = ?').run(rowCount, batchId);
  }

  /** An upload that could not be read to the end leaves nothing behind. */
  deleteBatch(batchId: number): void {
    this.db.prepare('DELETE FROM import_rows WHERE batch_id = ?').run(batchId);
    this.db.prepare("DELETE FROM import_batches WHERE id = ? AND status <> 'confirmed'").run(batchId);
  }

  findBatch(id: number): ImportBatch | undefined {
    const row = this.db
      .prepare<[number], BatchRow>(
        `SELECT ${BATCH_COLUMNS} FROM import_batches b JOIN users u ON u.id = b.created_by_user_id WHERE b.id = ?`,
      )
      .get(id);
    return row && toBatch(row);
  }

  listBatches(organisationId: number, limit: number): ImportBatch[] {
    return this.db
      .prepare<[number, number], BatchRow>(
        `SELECT ${BATCH_COLUMNS} FROM import_batches b JOIN users u ON u.id = b.created_by_user_id
         WHERE b.organisation_id = ? ORDER BY b.created_at DESC, b.id DESC LIMIT ?`,
      )
      .all(organisationId, limit)
      .map(toBatch);
  }

  setMapping(batchId: number, mapping: ColumnMapping): void {
    this.db
      .prepare(
        "UPDATE import_batches SET mapping = ?, status = 'uploaded' WHERE id = ? AND status <> 'confirmed'",
      )
      .run(JSON.stringify(mapping), batchId);
  }

  markPreviewed(batchId: number): void {
    this.db
      .prepare("UPDATE import_batches SET status = 'previewed' WHERE id = ? AND status = 'uploaded'")
      .run(batchId);
  }

  /** Staged rows after `afterRowNumber`, in file order: callers page through a batch in bounded chunks. */
  rowsAfter(batchId: number, afterRowNumber: number, limit: number): StagedRow[] {
    return this.statements.rowsAfter.all(batchId, afterRowNumber, limit).map((row) => ({
      rowNumber: row.row_number,
      cells: JSON.parse(row.cells) as string[],
    }));
  }

  setPlan(batchId: number, rowNumber: number, plan: PlannedRow, enterpriseId: number | null): void {
    this.statements.setPlan.run(
      plan.outcome ?? null,
      JSON.stringify(plan.problems),
      plan.udyamNumber,
      plan.duplicateOf,
      enterpriseId,
      batchId,
      rowNumber,
    );
  }

  previewCounts(batchId: number): PreviewCounts {
    const row = this.db
      .prepare<[number], PreviewCounts>(
        `SELECT COUNT(*) AS rows,
                COUNT(*) FILTER (WHERE outcome IS NULL OR outcome NOT IN ('blank', 'reject')) AS valid,
                COUNT(*) FILTER (WHERE outcome = 'reject') AS invalid,
                COUNT(*) FILTER (WHERE outcome = 'blank') AS blank,
                COUNT(*) FILTER (WHERE duplicate_of = 'file') AS duplicatesInFile,
                COUNT(*) FILTER (WHERE duplicate_of = 'database') AS duplicatesInDatabase
         FROM import_rows WHERE batch_id = ?`,
      )
      .get(batchId);
    if (!row) throw new Error(`no counts for import ${batchId}`);
    return row;
  }

  /** A page of the row-by-row report; `outcomes` narrows it (e.g. the rows with problems for the preview). */
  reportRows(
    batchId: number,
    page: { outcomes?: readonly RowOutcome[]; offset: number; limit: number },
  ): ReportRow[] {
    const filter = page.outcomes ? `AND outcome IN (${page.outcomes.map(() => '?').join(', ')})` : '';
    return this.db
      .prepare<unknown[], ReportRowRow>(
        `SELECT row_number, cells, outcome, problems, duplicate_of, enterprise_id FROM import_rows
         WHERE batch_id = ? ${filter} ORDER BY row_number LIMIT ? OFFSET ?`,
      )
      .all(batchId, ...(page.outcomes ?? []), page.limit, page.offset)
      .map(toReportRow);
  }

  countRows(batchId: number, outcomes?: readonly RowOutcome[]): number {
    const filter = outcomes ? `AND outcome IN (${outcomes.map(() => '?').join(', ')})` : '';
    return (
      this.db
        .prepare<unknown[], { n: number }>(
          `SELECT COUNT(*) AS n FROM import_rows WHERE batch_id = ? ${filter}`,
        )
        .get(batchId, ...(outcomes ?? []))?.n ?? 0
    );
  }

  /** Claims the batch for confirmation; false if it was confirmed already (a second click, another tab). */
  claimConfirmation(batchId: number, userId: number, at: string, choice: DuplicateChoice): boolean {
    return (
      this.db
        .prepare(
          `UPDATE import_batches SET status = 'confirmed', confirmed_by_user_id = ?, confirmed_at = ?,
                  duplicate_choice = ?
           WHERE id = ? AND status = 'previewed'`,
        )
        .run(userId, at, choice, batchId).changes === 1
    );
  }

  recordCounts(batchId: number, counts: ImportCounts): void {
    this.db
      .prepare(
        `UPDATE import_batches SET imported_count = ?, updated_count = ?, skipped_count = ?, flagged_count = ?,
                rejected_count = ?, blank_count = ?
         WHERE id = ?`,
      )
      .run(
        counts.imported,
        counts.updated,
        counts.skipped,
        counts.flagged,
        counts.rejected,
        counts.blank,
        batchId,
      );
  }

  findUdyam(udyamNumber: string): { enterpriseId: number; clusterId: string } | undefined {
    const row = this.statements.findUdyam.get(udyamNumber);
    return row && { enterpriseId: row.id, clusterId: row.cluster_id };
  }

  /** A new, unclaimed unit with the row's figures; returns its id. */
  createUnit(values: ImportValues, fiscalYear: string, createdByUserId: number, at: string): number {
    const id = Number(
      this.statements.insertEnterprise.run(
        createdByUserId,
        values.clusterId,
        values.name,
        values.udyamNumber,
        paise(values.investmentInr),
        at,
        at,
      ).lastInsertRowid,
    );
    this.writeFigures(id, values, fiscalYear);
    return id;
  }

  /** The row's name and every figure it gives; figures it leaves blank keep their saved values. */
  updateUnit(id: number, values: ImportValues, fiscalYear: string, at: string): void {
    this.statements.updateEnterprise.run(values.name, paise(values.investmentInr), at, id);
    this.writeFigures(id, values, fiscalYear);
  }

  private writeFigures(id: number, values: ImportValues, fiscalYear: string): void {
    const energy = [
      values.productionTonnes,
      values.electricityKwh,
      values.cokeTonnes,
      values.annualEnergyBillInr,
    ];
    if (energy.some((value) => value !== null)) {
      this.statements.upsertEnergy.run(
        id,
        quantity(values.productionTonnes),
        quantity(values.electricityKwh),
        quantity(values.cokeTonnes),
        paise(values.annualEnergyBillInr),
      );
    }
    if (values.turnoverInr !== null)
      this.statements.upsertRevenue.run(id, fiscalYear, paise(values.turnoverInr));
    if (values.credit !== null) {
      this.statements.upsertCredit.run(id, values.credit.newToCredit ? 1 : 0, values.credit.cmrRank);
    }
  }
}
