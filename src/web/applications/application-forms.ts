import { z } from 'zod';
import { parseAck } from '../../domain/application-ack.js';
import {
  auditedSaving,
  auditedSavingChecked,
  auditedSavingComplete,
  FURTHER_MEASURE_FIELDS,
  furtherMeasureFields,
  furtherMeasuresChecked,
  furtherMeasuresComplete,
  furtherMeasuresOf,
  furtherMeasuresQuoted,
  loanMonths,
  optionalAmount,
  parsedFields,
  projectType,
  quotedProjectCost,
  requiredAmount,
  savingsBasis,
  text,
} from '../plan-fields.js';

// The owner's forms on an application: the submission (amounts the Indian way: 12,50,000 · 12.5 lakh · 1.2 crore),
// the answer to an information request, and the withdrawal. Messages are i18n keys.

export const MAX_ANSWER_LENGTH = 4000;

export function submissionForm(known: {
  technology: (id: string) => boolean;
  branch: (id: number) => boolean;
}) {
  return z
    .object({
      technologyId: text().refine(known.technology, { error: 'applications.errors.technology' }),
      capexInr: requiredAmount('applications.errors.capexRequired'),
      annualOmInr: optionalAmount(false),
      ...furtherMeasureFields(known.technology),
      annualSavingInr: auditedSaving(),
      savingsBasis: savingsBasis(),
      energyAuditCostInr: optionalAmount(true),
      projectType: projectType(),
      loanInr: requiredAmount('applications.errors.loanRequired'),
      tenureMonths: loanMonths(1, 'applications.errors.tenure'),
      moratoriumMonths: loanMonths(0, 'applications.errors.moratorium', 0),
      branchId: text()
        .transform((raw) => (/^\d{1,9}$/.test(raw) ? Number(raw) : NaN))
        .refine(known.branch, { error: 'applications.errors.branch' }),
      consent: z.literal('yes', { error: 'applications.errors.consent' }),
      replaces: text()
        .transform((raw) => (raw === '' ? undefined : parseAck(raw)))
        .optional(),
    })
    .superRefine(furtherMeasuresComplete, furtherMeasuresChecked)
    .superRefine(furtherMeasuresQuoted, furtherMeasuresChecked)
    .refine((form) => !form.loanInr.greaterThan(quotedProjectCost(form) ?? form.capexInr), {
      path: ['loanInr'],
      error: 'applications.errors.loanAboveCapex',
      when: parsedFields('loanInr', 'capexInr', ...FURTHER_MEASURE_FIELDS),
    })
    .superRefine(auditedSavingComplete, auditedSavingChecked)
    .refine((form) => form.moratoriumMonths < form.tenureMonths, {
      path: ['moratoriumMonths'],
      error: 'applications.errors.moratoriumWithinTenure',
      when: parsedFields('tenureMonths', 'moratoriumMonths'),
    })
    .transform((form) => ({
      ...form,
      // Every measure chosen has its quotation (checked above).
      furtherMeasures: furtherMeasuresOf(form).flatMap(({ capexInr, ...measure }) =>
        capexInr ? [{ ...measure, capexInr }] : [],
      ),
    }));
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
