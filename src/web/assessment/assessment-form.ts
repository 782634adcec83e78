import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { parseIndianAmount } from '../../domain/indian-number.js';
import { roundToPaise } from '../../domain/money.js';
import { auditBases } from '../../domain/readiness/assess-readiness.js';

// The upgrade plan on the assessment report: the owner picks a technology and may enter their quotation (cost,
// running cost), the yearly saving their energy audit found (with the kind of audit) and loan terms; the report is recomputed with them, marked as the owner's figures. A GET form, so
// the plan is a link the owner can keep, and it works without JavaScript. Messages are i18n keys.

const MAX_AMOUNT_INR = new Decimal('100000000000');
const MAX_TENURE_MONTHS = 360;

const text = () =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? '').trim());

/** An amount the owner may leave empty (null: the catalogue's estimate or the usual terms stand). */
const optionalMoney = (positive: boolean) =>
  text().transform((raw, ctx) => {
    if (raw === '') return null;
    const parsed = parseIndianAmount(raw);
    if (!Decimal.isDecimal(parsed)) {
      ctx.addIssue({ code: 'custom', message: 'applications.errors.notAnAmount' });
      return z.NEVER;
    }
    if (positive ? !parsed.greaterThan(0) : parsed.isNegative()) {
      ctx.addIssue({
        code: 'custom',
        message: positive ? 'applications.errors.positive' : 'applications.errors.negative',
      });
      return z.NEVER;
    }
    if (parsed.greaterThan(MAX_AMOUNT_INR)) {
      ctx.addIssue({ code: 'custom', message: 'applications.errors.tooLarge' });
      return z.NEVER;
    }
    return roundToPaise(parsed);
  });

const optionalMonths = (min: number, message: string) =>
  text().transform((raw, ctx) => {
    if (raw === '') return null;
    const months = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
    if (!(months >= min && months <= MAX_TENURE_MONTHS)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return months;
  });

const parsedFields =
  (...fields: string[]) =>
  (payload: { issues: readonly { path?: readonly PropertyKey[] | undefined }[] }) =>
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));

export function upgradePlanForm(technology: (id: string) => boolean) {
  return (
    z
      .object({
        technologyId: text().refine(technology, { error: 'applications.errors.technology' }),
        capexInr: optionalMoney(true),
        annualOmInr: optionalMoney(false),
        annualSavingInr: optionalMoney(true),
        savingsBasis: text().pipe(
          z.union([z.literal('').transform(() => null), z.enum(auditBases)], {
            error: 'assessment.plan.basisUnknown',
          }),
        ),
        loanInr: optionalMoney(false),
        tenureMonths: optionalMonths(1, 'applications.errors.tenure'),
        moratoriumMonths: optionalMonths(0, 'applications.errors.moratorium'),
      })
      .refine((form) => !form.loanInr || !form.capexInr || !form.loanInr.greaterThan(form.capexInr), {
        path: ['loanInr'],
        error: 'applications.errors.loanAboveCapex',
        when: parsedFields('loanInr', 'capexInr'),
      })
      // An audited saving needs the kind of audit (it decides the readiness points), and the kind needs the figure.
      .refine((form) => form.annualSavingInr === null || form.savingsBasis !== null, {
        path: ['savingsBasis'],
        error: 'assessment.plan.basisNeeded',
        when: parsedFields('annualSavingInr', 'savingsBasis'),
      })
      .refine((form) => form.savingsBasis === null || form.annualSavingInr !== null, {
        path: ['annualSavingInr'],
        error: 'assessment.plan.savingNeeded',
        when: parsedFields('annualSavingInr', 'savingsBasis'),
      })
      .refine((form) => (form.moratoriumMonths ?? 0) < (form.tenureMonths ?? 60), {
        path: ['moratoriumMonths'],
        error: 'applications.errors.moratoriumWithinTenure',
        when: parsedFields('tenureMonths', 'moratoriumMonths'),
      })
  );
}

export type UpgradePlanForm = z.infer<ReturnType<typeof upgradePlanForm>>;
