import type { ReportRow } from '../../db/import-repository.js';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from '../../domain/import-columns.js';
import type { Translate } from '../i18n.js';

// What the preview, the report and the rows-to-correct file say about a row, in the advisor's language.

const isField = (name: string): name is ImportField => (IMPORT_FIELDS as readonly string[]).includes(name);

/** Each problem as "Turnover (₹): not a number", one per cell. */
export function cellReasons(row: ReportRow, t: Translate): { field: ImportField; text: string }[] {
  return Object.entries(row.problems)
    .filter(([field]) => isField(field))
    .map(([field, code]) => ({
      field: field as ImportField,
      text: t('imports.reason', {
        field: t(`imports.fields.${field}`),
        problem: t(`imports.problems.${code}`),
      }),
    }));
}

/** Why a row needs the advisor: its cell problems, or that it was flagged as a duplicate. */
export function rowReason(row: ReportRow, t: Translate): string {
  const reasons = cellReasons(row, t).map((reason) => reason.text);
  if (row.outcome === 'flag' && row.duplicateOf) reasons.push(t(`imports.duplicateOf.${row.duplicateOf}`));
  return reasons.join('; ');
}

/** The mapped cells of a row, field by field, for tables that show what was read. */
export function mappedCells(row: ReportRow, mapping: ColumnMapping): Record<ImportField, string> {
  return Object.fromEntries(
    IMPORT_FIELDS.map((field) => {
      const column = mapping[field];
      return [field, column === null ? '' : (row.cells[column] ?? '')];
    }),
  ) as Record<ImportField, string>;
}
