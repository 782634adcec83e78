import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { APPLICATION_STATUSES, DECLINE_REASONS } from '../../domain/application-status.js';
import { parseIndianAmount } from '../../domain/indian-number.js';
import { roundToPaise } from '../../domain/money.js';
import { BANDS } from '../../domain/readiness/scorecard.js';

// The officer's forms: the queue's filters (GET), the sensitivity controls (GET), the document checklist, the
// comment and each decision. Amounts the Indian way (12,50,000 · 12.5 lakh · 1.2 crore). Messages are i18n keys.

const MAX_AMOUNT_INR = new Decimal('100000000000');
export const MAX_MESSAGE_LENGTH = 4000;
const MAX_TENURE_MONTHS = 360;

const text = () =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? '').trim());

const manyOf = <T extends string>(values: readonly T[], message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((raw, ctx) => {
      const list = (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]).filter((v) => v !== '');
      if (!list.every((v): v is T => (values as readonly string[]).includes(v))) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return list;
    });

const optionalAmount = () =>
  text().transform((raw, ctx) => {
    if (raw === '') return undefined;
    const parsed = parseIndianAmount(raw);
    if (!Decimal.isDecimal(parsed) || parsed.isNegative() || parsed.greaterThan(MAX_AMOUNT_INR)) {
      ctx.addIssue({ code: 'custom', message: 'bank.errors.amount' });
      return z.NEVER;
    }
    return roundToPaise(parsed);
  });

const optionalWhole = (max: number, message: string) =>
  text().transform((raw, ctx) => {
    if (raw === '') return undefined;
    const value = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
    if (!(value >= 0 && value <= max)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return value;
  });

export const QUEUE_SORTS = ['oldest', 'newest', 'amount-desc', 'amount-asc'] as const;

export const queueQuerySchema = z
  .object({
    status: manyOf(APPLICATION_STATUSES, 'bank.errors.status'),
    band: manyOf(BANDS, 'bank.errors.band'),
    cluster: text(),
    technology: text(),
    minLoan: optionalAmount(),
    maxLoan: optionalAmount(),
    minAge: optionalWhole(3650, 'bank.errors.age'),
    maxAge: optionalWhole(3650, 'bank.errors.age'),
    sort: z
      .enum(QUEUE_SORTS, { error: 'bank.errors.sort' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    page: optionalWhole(100_000, 'bank.errors.page'),
    scope: z
      .enum(['branch', 'lender'], { error: 'bank.errors.scope' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .superRefine((query, ctx) => {
    if (query.minLoan && query.maxLoan && query.minLoan.greaterThan(query.maxLoan)) {
      ctx.addIssue({ code: 'custom', path: ['maxLoan'], message: 'bank.errors.amountRange' });
    }
    if (query.minAge !== undefined && query.maxAge !== undefined && query.minAge > query.maxAge) {
      ctx.addIssue({ code: 'custom', path: ['maxAge'], message: 'bank.errors.ageRange' });
    }
  });
export type QueueQueryForm = z.infer<typeof queueQuerySchema>;

const percentIn = (min: number, max: number, message: string) =>
  text().transform((raw, ctx) => {
    if (raw === '') return undefined;
    const value = /^-?\d{1,3}(\.\d{1,2})?$/.test(raw) ? new Decimal(raw) : null;
    if (value === null || value.lessThan(min) || value.greaterThan(max)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return value;
  });

/** The sensitivity controls; an empty field keeps the default. */
export const sensitivitySchema = z.object({
  shortfall: percentIn(0, 90, 'bank.errors.shortfall'),
  tariff: percentIn(0, 50, 'bank.errors.tariff'),
  rateRise: percentIn(0, 10, 'bank.errors.rateRise'),
  delay: optionalWhole(36, 'bank.errors.delay'),
});
export type SensitivityForm = z.infer<typeof sensitivitySchema>;

export const CHECK_STATES = ['verified', 'waived', 'requested'] as const;

export const documentCheckSchema = (documentIds: readonly string[]) =>
  z.object({
    documentId: z.string({ error: 'bank.errors.document' }).refine((id) => documentIds.includes(id), {
      message: 'bank.errors.document',
    }),
    state: z.enum(CHECK_STATES, { error: 'bank.errors.checkState' }),
    reason: text().refine((reason) => reason.length <= 1000, { message: 'bank.errors.tooLong' }),
  });

const version = z
  .string({ error: 'bank.errors.version' })
  .regex(/^\d{1,9}$/, { message: 'bank.errors.version' })
  .transform(Number);

const message = (required: boolean) =>
  text().superRefine((value, ctx) => {
    if (required && value === '') ctx.addIssue({ code: 'custom', message: 'bank.errors.message' });
    if (value.length > MAX_MESSAGE_LENGTH) ctx.addIssue({ code: 'custom', message: 'bank.errors.tooLong' });
  });

export const commentSchema = z.object({
  message: message(true),
  visibility: z.enum(['internal', 'applicant'], { error: 'bank.errors.visibility' }),
});

export const simpleActionSchema = (messageRequired: boolean) =>
  z.object({ version, message: message(messageRequired) });

const requiredAmount = () =>
  text().transform((raw, ctx) => {
    const parsed = raw === '' ? null : parseIndianAmount(raw);
    if (!Decimal.isDecimal(parsed) || !parsed.greaterThan(0) || parsed.greaterThan(MAX_AMOUNT_INR)) {
      ctx.addIssue({ code: 'custom', message: 'bank.errors.sanctionAmount' });
      return z.NEVER;
    }
    return roundToPaise(parsed);
  });

/** Sanction terms, for a recommendation (proposed) and for the sanction itself. */
export const termsSchema = z.object({
  version,
  amount: requiredAmount(),
  rate: text().transform((raw, ctx) => {
    const rate = /^\d{1,2}(\.\d{1,2})?$/.test(raw) ? new Decimal(raw) : null;
    if (rate === null || !rate.greaterThan(0) || rate.greaterThan(30)) {
      ctx.addIssue({ code: 'custom', message: 'bank.errors.rate' });
      return z.NEVER;
    }
    return rate;
  }),
  tenure: text().transform((raw, ctx) => {
    const months = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
    if (!(months >= 1 && months <= MAX_TENURE_MONTHS)) {
      ctx.addIssue({ code: 'custom', message: 'bank.errors.tenure' });
      return z.NEVER;
    }
    return months;
  }),
  conditions: message(false),
  message: message(false),
});

export const declineSchema = z
  .object({
    version,
    reasons: manyOf(DECLINE_REASONS, 'bank.errors.reasons').refine((reasons) => reasons.length > 0, {
      message: 'bank.errors.reasons',
    }),
    message: message(false),
  })
  .superRefine((form, ctx) => {
    // "Other" says nothing to the applicant on its own: the officer's words are the reason.
    if (form.reasons.includes('other') && form.message === '') {
      ctx.addIssue({ code: 'custom', path: ['message'], message: 'bank.errors.otherReason' });
    }
  });
