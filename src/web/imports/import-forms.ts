import { z } from 'zod';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from '../../domain/import-columns.js';
import { DUPLICATE_CHOICES } from '../../domain/import-plan.js';

/** One select per field: the column's index, or empty for "not in the file". */
export function mappingForm(columnCount: number) {
  const column = z
    .string()
    .optional()
    .transform((value) => (value === undefined || value === '' ? null : Number(value)))
    .refine((value) => value === null || (Number.isInteger(value) && value >= 0 && value < columnCount), {
      error: 'imports.mapping.errors.no-such-column',
    });
  return z
    .object(
      Object.fromEntries(IMPORT_FIELDS.map((field) => [field, column])) as Record<ImportField, typeof column>,
    )
    .transform((mapping): ColumnMapping => mapping);
}

export const confirmForm = z.object({
  duplicates: z.enum(DUPLICATE_CHOICES, { error: 'imports.errors.duplicateChoice' }),
});

export const reportQuery = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  problems: z
    .string()
    .optional()
    .transform((value) => value === '1'),
});
