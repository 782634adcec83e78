import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { UnreadableSheetError, type SheetRow } from '../../services/import-service.js';

// Uploaded sheets read as streams of rows of text, one row at a time, so a 100,000-row file never sits in memory.

/** Wider rows and longer cells than any association's sheet are cut, not stored. */
const MAX_COLUMNS = 60;
const MAX_CELL_LENGTH = 1000;

const clip = (cells: readonly string[]) =>
  cells.slice(0, MAX_COLUMNS).map((cell) => cell.slice(0, MAX_CELL_LENGTH));

export type SheetKind = 'csv' | 'xlsx';

export function sheetKindOf(fileName: string): SheetKind | undefined {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension === 'csv' || extension === 'xlsx' ? extension : undefined;
}

export function readSheet(path: string, kind: SheetKind): AsyncIterable<SheetRow> {
  return kind === 'csv' ? readCsv(path) : readXlsx(path);
}

/** CSV as Excel saves it: a byte order mark or not, CRLF or LF, rows of uneven width. */
async function* readCsv(path: string): AsyncGenerator<SheetRow> {
  const parser = createReadStream(path).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: false, max_record_size: 64_000 }),
  );
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      yield { rowNumber, cells: clip(record) };
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('CSV_'))
      throw new UnreadableSheetError(error.message);
    throw error;
  }
}

/**
 * The first worksheet of a workbook. Numbers arrive from Excel as binary floating point; their shortest decimal
 * text (what Excel shows) is what we read, and from then on they are exact decimals.
 */
async function* readXlsx(path: string): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        yield { rowNumber: row.number, cells: clip(Array.from(values, cellText)) };
      }
      return;
    }
  } catch (error) {
    if (error instanceof Error && !(error instanceof UnreadableSheetError))
      throw new UnreadableSheetError(error.message);
    throw error;
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText
        .map((part: { text?: unknown }) => (typeof part.text === 'string' ? part.text : ''))
        .join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return cellText(value.text);
  }
  return '';
}
