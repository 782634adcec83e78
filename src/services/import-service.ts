import type { ImportBatch, ImportCounts, ReportRow } from '../db/import-repository.js';
import type { Repositories } from '../db/repositories.js';
import { recentFiscalYears } from '../domain/enterprise-profile.js';
import { autoMap, mappingProblems, type ColumnMapping } from '../domain/import-columns.js';
import { ImportPlanner, type DuplicateChoice, type ExistingUnit } from '../domain/import-plan.js';
import { checkImportRow, type ClusterNames, type RowContext } from '../domain/import-row.js';
import type { Actor, ChangeContext } from './actor.js';
import type { EnterpriseService } from './enterprise-service.js';

/** One row of an uploaded sheet as its reader gives it. */
export interface SheetRow {
  /** As the spreadsheet numbers it (header = 1). */
  rowNumber: number;
  cells: string[];
}

export type UploadRefusal = 'no-association' | 'empty' | 'too-many-rows' | 'unreadable';

/** The most data rows one file may hold: the largest association sheet we plan for. */
export const MAX_IMPORT_ROWS = 100_000;
/** Rows staged, checked or applied per statement batch: bounds memory whatever the file's size. */
const CHUNK_ROWS = 500;
const HISTORY_LENGTH = 20;

const IST_OFFSET_MS = (5 * 60 + 30) * 60_000;

/**
 * The advisor's bulk import: an upload is staged row by row as it streams in, checked against a column mapping
 * (the preview), and applied only when the advisor confirms, in one transaction, so a batch is either wholly in
 * the database or not at all. Batches belong to the advisor's association; another's are "not found".
 */
export class ImportService {
  constructor(
    private readonly repos: Repositories,
    private readonly enterprises: EnterpriseService,
    private readonly now: () => Date,
  ) {}

  listFor(actor: Actor): ImportBatch[] {
    return actor.role === 'advisor' && actor.organisationId !== null
      ? this.repos.imports.listBatches(actor.organisationId, HISTORY_LENGTH)
      : [];
  }

  find(actor: Actor, id: number): ImportBatch | undefined {
    const batch = this.repos.imports.findBatch(id);
    return batch && actor.role === 'advisor' && batch.organisationId === actor.organisationId
      ? batch
      : undefined;
  }

  /**
   * Reads the sheet's rows into a new batch as they arrive (the header row first), in chunks, so even the
   * largest file is never held in memory. If the header names every required field, the batch is checked at
   * once; otherwise the advisor maps the columns first.
   */
  async upload(
    actor: Actor,
    fileName: string,
    rows: AsyncIterable<SheetRow>,
    knownClusters: readonly ClusterNames[],
    context: ChangeContext,
  ): Promise<{ batchId: number } | { refusal: UploadRefusal }> {
    const organisationId = actor.role === 'advisor' ? actor.organisationId : null;
    if (organisationId === null) return { refusal: 'no-association' };
    let batchId: number | undefined;
    let count = 0;
    let chunk: SheetRow[] = [];
    const flush = (id: number) => {
      const staged = chunk;
      chunk = [];
      this.repos.transaction(() => this.repos.imports.addRows(id, staged));
    };
    try {
      for await (const row of rows) {
        if (batchId === undefined) {
          batchId = this.repos.imports.createBatch({
            organisationId,
            createdByUserId: actor.userId,
            createdAt: this.now().toISOString(),
            fileName,
            headers: row.cells,
            mapping: autoMap(row.cells),
          });
          continue;
        }
        count += 1;
        if (count > MAX_IMPORT_ROWS) {
          this.repos.imports.deleteBatch(batchId);
          return { refusal: 'too-many-rows' };
        }
        chunk.push(row);
        if (chunk.length >= CHUNK_ROWS) flush(batchId);
      }
    } catch (error) {
      if (batchId !== undefined) this.repos.imports.deleteBatch(batchId);
      if (error instanceof UnreadableSheetError) return { refusal: 'unreadable' };
      throw error;
    }
    if (batchId === undefined) return { refusal: 'empty' };
    flush(batchId);
    this.repos.imports.setRowCount(batchId, count);
    this.audit(actor, context, 'import.uploaded', batchId, { fileName, rows: count });
    const batch = this.repos.imports.findBatch(batchId);
    if (batch && Object.keys(mappingProblems(batch.mapping, batch.headers.length)).length === 0) {
      this.preview(actor, batch, knownClusters);
    }
    return { batchId };
  }

  /** Saves the advisor's column mapping and checks the rows with it; returns the mapping's problems, if any. */
  remap(
    actor: Actor,
    batch: ImportBatch,
    mapping: ColumnMapping,
    knownClusters: readonly ClusterNames[],
  ): ReturnType<typeof mappingProblems> {
    const problems = mappingProblems(mapping, batch.headers.length);
    if (Object.keys(problems).length > 0 || batch.status === 'confirmed') return problems;
    this.repos.imports.setMapping(batch.id, mapping);
    this.preview(actor, { ...batch, mapping }, knownClusters);
    return {};
  }

  /**
   * What the batch would do, row by row, before anything is written to the enterprises: problems per cell and
   * duplicates within the file and against the database. What to do with duplicates is asked at confirmation.
   */
  private preview(actor: Actor, batch: ImportBatch, knownClusters: readonly ClusterNames[]): void {
    const context = this.rowContext(actor, knownClusters);
    const planner = new ImportPlanner(undefined, (udyam) => this.existing(udyam, context));
    this.repos.transaction(() => {
      this.eachRow(batch.id, (row) => {
        const plan = planner.plan(checkImportRow(row.cells, batch.mapping, context));
        this.repos.imports.setPlan(batch.id, row.rowNumber, plan, null);
      });
      this.repos.imports.markPreviewed(batch.id);
    });
  }

  /**
   * Applies a previewed batch in one transaction: every row is checked again (the database may have changed
   * since the preview), valid rows create or update units, invalid ones are recorded with their reasons.
   * If anything fails at the database, nothing of the batch remains. Undefined if it was confirmed already.
   */
  confirm(
    actor: Actor,
    batch: ImportBatch,
    choice: DuplicateChoice,
    knownClusters: readonly ClusterNames[],
    context: ChangeContext,
  ): ImportCounts | undefined {
    const rowContext = this.rowContext(actor, knownClusters);
    const at = this.now().toISOString();
    const [fiscalYear = ''] = recentFiscalYears(
      new Date(this.now().getTime() + IST_OFFSET_MS).toISOString().slice(0, 10),
    );
    return this.repos.transaction(() => {
      if (!this.repos.imports.claimConfirmation(batch.id, actor.userId, at, choice)) return undefined;
      const planner = new ImportPlanner(choice, (udyam) => this.existing(udyam, rowContext));
      const counts: ImportCounts = { imported: 0, updated: 0, skipped: 0, flagged: 0, rejected: 0, blank: 0 };
      this.eachRow(batch.id, (row) => {
        const plan = planner.plan(checkImportRow(row.cells, batch.mapping, rowContext));
        let enterpriseId: number | null = null;
        switch (plan.outcome) {
          case 'create':
            if (plan.values)
              enterpriseId = this.repos.imports.createUnit(plan.values, fiscalYear, actor.userId, at);
            counts.imported += 1;
            break;
          case 'update': {
            const existing =
              plan.udyamNumber === null ? undefined : this.repos.imports.findUdyam(plan.udyamNumber);
            if (!existing || !plan.values) throw new Error(`row ${row.rowNumber}: no unit to update`);
            enterpriseId = existing.enterpriseId;
            this.repos.imports.updateUnit(enterpriseId, plan.values, fiscalYear, at);
            counts.updated += 1;
            break;
          }
          case 'skip':
            counts.skipped += 1;
            break;
          case 'flag':
            counts.flagged += 1;
            break;
          case 'reject':
            counts.rejected += 1;
            break;
          case 'blank':
            counts.blank += 1;
            break;
          case undefined:
            throw new Error(`row ${row.rowNumber}: no outcome although a duplicate choice was made`);
        }
        this.repos.imports.setPlan(batch.id, row.rowNumber, plan, enterpriseId);
      });
      this.repos.imports.recordCounts(batch.id, counts);
      this.audit(actor, context, 'import.confirmed', batch.id, {
        fileName: batch.fileName,
        choice,
        ...counts,
      });
      return counts;
    });
  }

  previewCounts(batch: ImportBatch) {
    return this.repos.imports.previewCounts(batch.id);
  }

  /** Rows of the report, a page at a time. */
  reportRows(
    batch: ImportBatch,
    page: { offset: number; limit: number; problemsOnly: boolean },
  ): ReportRow[] {
    return this.repos.imports.reportRows(batch.id, {
      ...page,
      ...(page.problemsOnly ? { outcomes: ['reject', 'flag'] as const } : {}),
    });
  }

  countRows(batch: ImportBatch, problemsOnly: boolean): number {
    return this.repos.imports.countRows(batch.id, problemsOnly ? ['reject', 'flag'] : undefined);
  }

  /** The rows the advisor must correct (rejected, and flagged duplicates), for the download, chunk by chunk. */
  *rowsToCorrect(batch: ImportBatch): Generator<ReportRow> {
    for (let offset = 0; ; offset += CHUNK_ROWS) {
      const page = this.repos.imports.reportRows(batch.id, {
        outcomes: ['reject', 'flag'],
        offset,
        limit: CHUNK_ROWS,
      });
      yield* page;
      if (page.length < CHUNK_ROWS) return;
    }
  }

  private eachRow(batchId: number, visit: (row: SheetRow) => void): void {
    for (let after = 0; ;) {
      const rows = this.repos.imports.rowsAfter(batchId, after, CHUNK_ROWS);
      for (const row of rows) visit(row);
      const last = rows.at(-1);
      if (!last) return;
      after = last.rowNumber;
    }
  }

  private rowContext(actor: Actor, knownClusters: readonly ClusterNames[]): RowContext {
    const own = new Set(this.enterprises.clustersOf(actor));
    return {
      ownClusters: knownClusters.filter((cluster) => own.has(cluster.id)),
      otherClusters: knownClusters.filter((cluster) => !own.has(cluster.id)),
    };
  }

  private existing(udyamNumber: string, context: RowContext): ExistingUnit | undefined {
    const found = this.repos.imports.findUdyam(udyamNumber);
    if (!found) return undefined;
    return context.ownClusters.some((cluster) => cluster.id === found.clusterId)
      ? { visible: true, ...found }
      : { visible: false };
  }

  private audit(
    actor: Actor,
    context: ChangeContext,
    action: string,
    batchId: number,
    details: Record<string, unknown>,
  ): void {
    this.repos.audit.record({
      occurredAt: this.now().toISOString(),
      actorUserId: actor.userId,
      action,
      objectType: 'import',
      objectId: batchId,
      details,
      requestId: context.requestId,
    });
  }
}

/** A sheet reader's way of saying the file is not a sheet it can read (bad quoting, not a workbook). */
export class UnreadableSheetError extends Error {}
