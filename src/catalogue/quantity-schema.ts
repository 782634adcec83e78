import { Decimal } from 'decimal.js';
import { z } from 'zod';
import type { Quantity } from '../domain/catalogue-types.js';
import { datedSeriesSchema, decimalStringSchema } from './dated-value-schema.js';

export const decimalSchema = decimalStringSchema.transform((text) => new Decimal(text));

const rangeSchema = z
  .object({
    default: decimalSchema.nullable().optional(),
    low: decimalSchema,
    high: decimalSchema,
  })
  .strict()
  .superRefine((range, ctx) => {
    if (range.low.greaterThan(range.high)) {
      ctx.addIssue({
        code: 'custom',
        message: `low ${range.low.toString()} is above high ${range.high.toString()}`,
      });
    }
    const point = range.default;
    if (point != null && (point.lessThan(range.low) || point.greaterThan(range.high))) {
      ctx.addIssue({ code: 'custom', message: `default ${point.toString()} lies outside low–high` });
    }
  });

const pointQuantitySchema = decimalSchema.transform((point): Quantity => ({
  default: point,
  low: point,
  high: point,
}));
const rangeQuantitySchema = rangeSchema.transform((range): Quantity => ({
  default: range.default ?? null,
  low: range.low,
  high: range.high,
}));

/**
 * A quoted decimal ("600") or a range ({ low: "550", high: "700", default: "600" }). A range without a default
 * has no defensible point value (technologies.md: "store low and high; no point value is defined").
 * Dispatching on the input's shape, rather than a z.union, keeps the specific message ("low is above high").
 */
export const quantitySchema = z.unknown().transform((input, ctx): Quantity => {
  if (typeof input === 'number') {
    ctx.addIssue({
      code: 'custom',
      message: `write the number in quotes ("${input}") so no float ever carries it`,
    });
    return z.NEVER;
  }
  const schema = typeof input === 'object' && input !== null ? rangeQuantitySchema : pointQuantitySchema;
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }
  return z.NEVER;
});

export const quantitySeriesSchema = datedSeriesSchema(quantitySchema);
