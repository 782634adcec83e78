import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { parseIndianAmount } from '../../domain/indian-number.js';
import { roundToPaise } from '../../domain/money.js';
import { FURNACES } from '../../domain/quick-check.js';

// The quick check's seven questions. Each answer stands alone: results appear for whatever is answered, so
// every field is optional and a bad one is reported beside it without hiding the rest.

const MAX_AMOUNT = new Decimal('100000000000');

const optionalAmount = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (text === undefined || text.trim() === '') return undefined;
    const parsed = parseIndianAmount(text);
    if (!(parsed instanceof Decimal) || parsed.isNegative() || parsed.greaterThan(MAX_AMOUNT)) {
      ctx.addIssue({ code: 'custom', message: 'check.errors.amount' });
      return z.NEVER;
    }
    return roundToPaise(parsed);
  });

export const OWNERSHIP_ANSWERS = ['women', 'sc', 'st', 'none'] as const;

export function checkForm(isKnownCluster: (id: string) => boolean) {
  return z.object({
    clusterId: z
      .string()
      .optional()
      .transform((id) => (id === '' ? undefined : id))
      .refine((id) => id === undefined || isKnownCluster(id), { error: 'check.errors.cluster' }),
    investmentInr: optionalAmount,
    turnoverInr: optionalAmount,
    furnace: z
      .union([z.enum(FURNACES), z.literal('').transform(() => undefined)], { error: 'check.errors.choose' })
      .optional(),
    monthlyEnergyBillInr: optionalAmount,
    monthlyProductionTonnes: optionalAmount,
    ownership: z
      .union([z.enum(OWNERSHIP_ANSWERS), z.literal('').transform(() => undefined)], {
        error: 'check.errors.choose',
      })
      .optional(),
  });
}

export type CheckAnswers = z.output<ReturnType<typeof checkForm>>;

/** The answers as the query string of a shareable /check link and the hidden fields of "save and sign up". */
export const CHECK_FIELDS = [
  'clusterId',
  'investmentInr',
  'turnoverInr',
  'furnace',
  'monthlyEnergyBillInr',
  'monthlyProductionTonnes',
  'ownership',
] as const;
