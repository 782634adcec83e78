import { z } from 'zod';
import { endUses, sectors, stateCodes, streamIds } from '../domain/catalogue-types.js';
import { coverageCategories } from '../domain/scheme-types.js';
import { confidenceSchema } from './dated-value-schema.js';
import { decimalSchema, quantitySeriesSchema } from './quantity-schema.js';

const streamRefSchema = z.object({ stream: z.enum(streamIds), endUse: z.enum(endUses) }).strict();
const streamAmountSchema = streamRefSchema.extend({ amount: quantitySeriesSchema }).strict();

const savingModelSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('percent-of-stream'),
      stream: streamRefSchema,
      percent: quantitySeriesSchema,
      baselinePerTonneProduct: quantitySeriesSchema.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('fuel-switch'), from: streamAmountSchema, to: streamAmountSchema }).strict(),
  z
    .object({
      kind: z.literal('generation'),
      stream: streamRefSchema,
      yieldKwhPerKwpYear: z.partialRecord(z.enum(stateCodes), quantitySeriesSchema),
      degradationPctPerYear: quantitySeriesSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('material-substitution'),
      material: streamRefSchema,
      baselinePerTonneProduct: quantitySeriesSchema,
      replacedPct: quantitySeriesSchema,
      addedPerTonneReplaced: z.array(streamAmountSchema),
    })
    .strict(),
  z.object({ kind: z.literal('kvah-billing'), stream: streamRefSchema }).strict(),
  z
    .object({
      kind: z.literal('efficiency-gain'),
      stream: streamRefSchema,
      percentagePoints: quantitySeriesSchema,
    })
    .strict(),
  z.object({ kind: z.literal('none'), addedLoads: z.array(streamAmountSchema) }).strict(),
]);

const sizeRangeSchema = z
  .object({ low: decimalSchema, high: decimalSchema, unit: z.string().min(1) })
  .strict();

const capexModelSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('per-capacity'),
      capacityUnit: z.enum(['kW', 'kWp']),
      costPerUnit: quantitySeriesSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('range-at-size'),
      sizes: z.array(z.object({ capacity: sizeRangeSchema, cost: quantitySeriesSchema }).strict()).min(1),
    })
    .strict(),
  z.object({ kind: z.literal('fixed'), cost: quantitySeriesSchema }).strict(),
  z.object({ kind: z.literal('premium-over-baseline'), premiumPct: quantitySeriesSchema }).strict(),
  z.object({ kind: z.literal('recurring'), costPerYear: quantitySeriesSchema }).strict(),
]);

const omModelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent-of-capex'), pctPerYear: quantitySeriesSchema }).strict(),
  z.object({ kind: z.literal('per-tonne'), inrPerTonne: quantitySeriesSchema }).strict(),
  z
    .object({
      kind: z.literal('per-capacity-year'),
      inrPerUnitYear: quantitySeriesSchema,
      escalationPctPerYear: quantitySeriesSchema.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('not-quantified'), note: z.string().min(1) }).strict(),
]);

export const technologyFileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'a kebab-case id equal to the file name' }),
    name: z.object({ en: z.string().min(1), hi: z.string().min(1) }).strict(),
    applicability: z
      .object({
        sectors: z.array(z.enum(sectors)).min(1),
        replaces: z.string().min(1),
        sizeBand: z.string().min(1).optional(),
      })
      .strict(),
    coverage: z.array(z.enum(coverageCategories)).min(1),
    streams: z.array(streamRefSchema).min(1),
    savingModel: savingModelSchema,
    capexModel: capexModelSchema,
    lifeYears: quantitySeriesSchema,
    om: omModelSchema,
    pollutionEffect: z.string().min(1),
    complianceOnly: z.boolean(),
    confidence: confidenceSchema,
    references: z.array(z.string().min(1)).min(1),
    note: z.string().min(1).optional(),
  })
  .strict();
