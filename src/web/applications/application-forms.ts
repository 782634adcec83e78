import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { parseAck } from '../../domain/application-ack.js';
import { parseIndianAmount } from '../../domain/indian-number.js';
import { roundToPaise } from '../../domain/money.js';

// The owner's forms on an application: the submission (amounts the Indian way: 12,50,000 · 12.5 lakh · 1.2 crore),
// the answer to an information request, and the withdrawal. Messages are i18n keys.

/** ₹10,000 crore, as elsewhere: larger figures are typing mistakes. */
const MAX_AMOUNT_INR = new Decimal('100000000000');
const MAX_TENURE_MONTHS = 360;
export const MAX_ANSWER_LENGTH = 4000;

const text = () =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? '').trim());

const positiveMoney = (required: string) =>
  text().transform((raw, ctx) => {
    if (raw === '') {
      ctx.addIssue({ code: 'custom', message: required });
      return z.NEVER;
    }
    const parsed = parseIndianAmount(raw);
    if (!Decimal.isDecimal(parsed)) {
      ctx.addIssue({ code: 'custom', message: 'applications.errors.notAnAmount' });
      return z.NEVER;
    }
    if (!parsed.greaterThan(0)) {
      ctx.addIssue({ code: 'custom', message: 'applications.errors.positive' });
      return z.NEVER;
    }
    if (parsed.greaterThan(MAX_AMOUNT_INR)) {
      ctx.addIssue({ code: 'custom', message: 'applications.errors.tooLarge' });
      return z.NEVER;
    }
    return roundToPaise(parsed);
  });

/** An amount the owner may leave empty (null); zero is a real answer. */
const optionalMoney = () =>
  text().transform((raw, ctx) => {
    if (raw === '') return null;
    const parsed = parseIndianAmount(raw);
    if (!Decimal.isDecimal(parsed)) {
      ctx.addIssue({ code: 'custom', message: 'applications.errors.notAnAmount' });
      return z.NEVER;
    }
    if (parsed.isNegative() || parsed.greaterThan(MAX_AMOUNT_INR)) {
      ctx.addIssue({
        code: 'custom',
        message: parsed.isNegative() ? 'applications.errors.negative' : 'applications.errors.tooLarge',
      });
      return z.NEVER;
    }
    return roundToPaise(parsed);
  });

const wholeMonths = (min: number, message: string, emptyAs?: number) =>
  text().transform((raw, ctx) => {
    if (raw === '' && emptyAs !== undefined) return emptyAs;
    const months = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
    if (!(months >= min && months <= MAX_TENURE_MONTHS)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return months;
  });

/** Reports a cross-field problem only when the fields it reads parsed, so each problem shows once. */
const parsedFields =
  (...fields: string[]) =>
  (payload: { issues: readonly { path?: readonly PropertyKey[] | undefined }[] }) =>
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));

export function submissionForm(known: {
  technology: (id: string) => boolean;
  branch: (id: number) => boolean;
}) {
  return z
    .object({
      technologyId: text().refine(known.technology, { error: 'applications.errors.technology' }),
      capexInr: positiveMoney('applications.errors.capexRequired'),
      annualOmInr: optionalMoney(),
      loanInr: positiveMoney('applications.errors.loanRequired'),
      tenureMonths: wholeMonths(1, 'applications.errors.tenure'),
      moratoriumMonths: wholeMonths(0, 'applications.errors.moratorium', 0),
      branchId: text()
        .transform((raw) => (/^\d{1,9}$/.test(raw) ? Number(raw) : NaN))
        .refine(known.branch, { error: 'applications.errors.branch' }),
      consent: z.literal('yes', { error: 'applications.errors.consent' }),
      replaces: text()
        .transform((raw) => (raw === '' ? undefined : parseAck(raw)))
        .optional(),
    })
    .refine((form) => !form.loanInr.greaterThan(form.capexInr), {
      path: ['loanInr'],
      error: 'applications.errors.loanAboveCapex',
      when: parsedFields('loanInr', 'capexInr'),
    })
    .refine((form) => form.moratoriumMonths < form.tenureMonths, {
      path: ['moratoriumMonths'],
      error: 'applications.errors.moratoriumWithinTenure',
      when: parsedFields('tenureMonths', 'moratoriumMonths'),
    });
}

export type SubmissionForm = z.infer<ReturnType<typeof submissionForm>>;

/** The version the page was rendered from: a change made meanwhile (by the bank) is a conflict, not overwritten. */
const version = z
  .string()
  .regex(/^\d{1,9}$/, { error: 'forms.invalid' })
  .transform(Number);

export const answerForm = z.object({
  version,
  answer: text().pipe(
    z
      .string()
      .min(1, { error: 'applications.errors.answerRequired' })
      .max(MAX_ANSWER_LENGTH, { error: 'applications.errors.messageTooLong' }),
  ),
});

export const withdrawForm = z.object({
  version,
  reason: text().pipe(z.string().max(MAX_ANSWER_LENGTH, { error: 'applications.errors.messageTooLong' })),
});
