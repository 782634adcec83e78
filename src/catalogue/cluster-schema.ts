import { z } from 'zod';
import { sectors, stateCodes, westBengalZones } from '../domain/catalogue-types.js';
import { confidenceSchema } from './dated-value-schema.js';

const localisedTextSchema = z.object({ en: z.string().min(1), hi: z.string().min(1) }).strict();

function flagSchema<V>(valueSchema: z.ZodType<V>) {
  return z
    .object({
      value: valueSchema.nullable(),
      confidence: confidenceSchema,
      reference: z.string().min(1).optional(),
      note: z.string().min(1).optional(),
    })
    .strict()
    .superRefine((flag, ctx) => {
      // An unknown fact must say why it is unknown, or the UI has nothing to tell the user.
      if (flag.value === null && flag.note === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'a flag whose value is null needs a note saying what is unknown',
        });
      }
      if (
        flag.value !== null &&
        flag.confidence !== 'unconfirmed' &&
        flag.reference === undefined &&
        flag.note === undefined
      ) {
        ctx.addIssue({
          code: 'custom',
          message: 'a known flag needs a reference or a note giving its basis',
        });
      }
    });
}

const booleanFlagSchema = flagSchema(z.boolean());

const clusterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'a kebab-case id, e.g. batala-foundry' }),
    name: localisedTextSchema,
    state: z.enum(stateCodes),
    stateName: localisedTextSchema,
    district: z.string().min(1),
    sector: z.enum(sectors),
    note: z.string().min(1).optional(),
    // Empty where no public profile exists (Jaipur): better no source than one that does not say it.
    references: z.array(z.string().min(1)),
    flags: z
      .object({
        northEastHillOrIsland: booleanFlagSchema,
        specialCategoryState: booleanFlagSchema,
        aspirationalDistrict: booleanFlagSchema,
        lweDistrict: booleanFlagSchema,
        adeetieNotifiedCluster: booleanFlagSchema,
        punjabBorderDistrict: booleanFlagSchema.optional(),
        punjabKandiArea: booleanFlagSchema.optional(),
        westBengalZone: flagSchema(z.enum(westBengalZones)).optional(),
      })
      .strict(),
  })
  .strict()
  .superRefine((cluster, ctx) => {
    const punjabOnly = cluster.flags.punjabBorderDistrict ?? cluster.flags.punjabKandiArea;
    if (cluster.state !== 'PB' && punjabOnly !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['flags'],
        message: 'Punjab IBDP flags apply only to Punjab (PB) clusters',
      });
    }
    if (cluster.state !== 'WB' && cluster.flags.westBengalZone !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['flags'],
        message: 'westBengalZone applies only to West Bengal (WB) clusters',
      });
    }
  });

export const clustersFileSchema = z
  .object({ clusters: z.array(clusterSchema).min(1) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.clusters.forEach((cluster, index) => {
      if (seen.has(cluster.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['clusters', index, 'id'],
          message: `duplicate cluster id ${cluster.id}`,
        });
      }
      seen.add(cluster.id);
    });
  });
