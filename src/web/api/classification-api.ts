import { z } from 'zod';
import { isoDateSchema } from '../../catalogue/dated-value-schema.js';
import { classify, normsOn } from '../../domain/classification.js';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import { moneyOut, moneyOutSchema } from './api-format.js';
import {
  exportsWithinTurnover,
  invalidRequestBody,
  moneyField,
  whenFieldsValid,
  type InvalidRequestBody,
} from './api-validation.js';

// POST /api/v1/classification (design/api-v1.md): the MSME category under the norms in force on asOf.

export const classificationRequestSchema = z
  .strictObject({
    asOf: isoDateSchema.optional(),
    investmentInr: moneyField('investmentInr'),
    turnoverInr: moneyField('turnoverInr'),
    exportTurnoverInr: moneyField('exportTurnoverInr').optional(),
  })
  .superRefine(exportsWithinTurnover(''), whenFieldsValid('turnoverInr', 'exportTurnoverInr'));

const limitsSchema = z.object({ investmentInr: moneyOutSchema, turnoverInr: moneyOutSchema });

export const classificationResponseSchema = z.object({
  category: z.enum(['micro', 'small', 'medium', 'not-msme']),
  norms: z.object({
    id: z.string(),
    effectiveFrom: z.string(),
    reference: z.string(),
    notification: z.string(),
  }),
  limits: z.object({ micro: limitsSchema, small: limitsSchema, medium: limitsSchema }),
  countedTurnoverInr: moneyOutSchema,
  exceeded: z.array(z.enum(['investment', 'turnover'])),
  rulesVersion: z.string(),
  asOf: z.string(),
});

type ClassificationResponseBody = z.infer<typeof classificationResponseSchema>;

export function classificationResponse(
  body: unknown,
  ctx: { catalogue: Catalogue; asOf: string },
): { status: 200; body: ClassificationResponseBody } | { status: 422; body: InvalidRequestBody } {
  const parsed = classificationRequestSchema.safeParse(body);
  if (!parsed.success) return { status: 422, body: invalidRequestBody(parsed.error) };
  const asOf = parsed.data.asOf ?? ctx.asOf;
  const norms = normsOn(ctx.catalogue, asOf);
  if (!norms) {
    return {
      status: 422,
      body: {
        error: 'invalid_request',
        issues: [{ path: 'asOf', message: `no MSME norms were in force on ${asOf}` }],
      },
    };
  }
  const result = classify(
    {
      investment: parsed.data.investmentInr,
      turnover: parsed.data.turnoverInr,
      exportTurnover: parsed.data.exportTurnoverInr ?? parsed.data.turnoverInr.minus(parsed.data.turnoverInr),
    },
    norms,
  );
  const limits = (band: 'micro' | 'small' | 'medium') => ({
    investmentInr: moneyOut(norms.value[band].investmentInr),
    turnoverInr: moneyOut(norms.value[band].turnoverInr),
  });
  return {
    status: 200,
    body: {
      category: result.category,
      norms: {
        id: norms.value.id,
        effectiveFrom: norms.from,
        reference: norms.reference,
        notification: norms.value.notification,
      },
      limits: { micro: limits('micro'), small: limits('small'), medium: limits('medium') },
      countedTurnoverInr: moneyOut(result.countedTurnover),
      exceeded: [...result.exceeded],
      rulesVersion: ctx.catalogue.version,
      asOf,
    },
  };
}
