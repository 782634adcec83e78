import { z } from 'zod';

export const isoDateSchema = z.iso.date();
export const confidenceSchema = z.enum(['official', 'secondary', 'unconfirmed']);
/** Money and rates are quoted decimal strings in YAML so no float ever carries them. */
export const decimalStringSchema = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'a decimal number in quotes, e.g. "12.5"');

/** A dated series of values of one kind, each with its source; start dates must not repeat. */
export function datedSeriesSchema<T extends z.ZodType>(valueSchema: T) {
  return z
    .object({
      unit: z.string().min(1),
      values: z
        .array(
          z.object({
            from: isoDateSchema,
            value: valueSchema.nullable(),
            reference: z.string().min(1),
            confidence: confidenceSchema,
            note: z.string().optional(),
          }),
        )
        .min(1),
    })
    .superRefine((series, ctx) => {
      const seen = new Set<string>();
      for (const entry of series.values) {
        if (seen.has(entry.from))
          ctx.addIssue({ code: 'custom', message: `two values start on ${entry.from}` });
        seen.add(entry.from);
      }
    });
}
