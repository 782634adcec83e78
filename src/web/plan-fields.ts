import { Decimal } from 'decimal.js';
import { z } from 'zod';
import type { SavedPlan } from '../db/enterprise-plan-repository.js';
import { formatIndianNumber, parseIndianAmount } from '../domain/indian-number.js';
import { roundToPaise } from '../domain/money.js';
import { projectTypes } from '../domain/enterprise-facts.js';
import { auditBases, type AuditBasis } from '../domain/readiness/assess-readiness.js';

// Fields the owner's upgrade plan and their application share: amounts typed the Indian way (12,50,000 · 12.5
// lakh · 1.2 crore), loan months, and the yearly saving an energy audit found with the kind of audit. Messages
// are i18n keys.

/** ₹10,000 crore: larger figures are typing mistakes. */
const MAX_AMOUNT_INR = new Decimal('100000000000');
const MAX_TENURE_MONTHS = 360;

/** A form string, trimmed; a field left out of the body reads as ''. */
export const text = () =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? '').trim());

function amountIn(raw: string, ctx: z.RefinementCtx, positive: boolean): Decimal {
  const parsed = parseIndianAmount(raw);
  if (!Decimal.isDecimal(parsed)) {
    ctx.addIssue({ code: 'custom', message: 'applications.errors.notAnAmount' });
    return z.NEVER;
  }
  const problem = (positive ? !parsed.greaterThan(0) : parsed.isNegative())
    ? positive
      ? 'applications.errors.positive'
      : 'applications.errors.negative'
    : parsed.greaterThan(MAX_AMOUNT_INR)
      ? 'applications.errors.tooLarge'
      : null;
  if (problem !== null) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return roundToPaise(parsed);
}

/** Rupees the owner must give, more than zero; `required` is the message when the field is empty. */
export const requiredAmount = (required: string) =>
  text().transform((raw, ctx) => {
    if (raw !== '') return amountIn(raw, ctx, true);
    ctx.addIssue({ code: 'custom', message: required });
    return z.NEVER;
  });

/** Rupees the owner may leave empty (null): more than zero when `positive`, else zero or more. */
export const optionalAmount = (positive: boolean) =>
  text().transform((raw, ctx) => (raw === '' ? null : amountIn(raw, ctx, positive)));

function monthsIn(raw: string, ctx: z.RefinementCtx, min: number, message: string): number {
  const months = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (months >= min && months <= MAX_TENURE_MONTHS) return months;
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

/** Whole months from `min` to 360, else `message`; an empty field is `emptyAs` where given, else `message`. */
export const loanMonths = (min: number, message: string, emptyAs?: number) =>
  text().transform((raw, ctx) =>
    raw === '' && emptyAs !== undefined ? emptyAs : monthsIn(raw, ctx, min, message),
  );

/** Whole months from `min` to 360 that the owner may leave empty (null: the usual terms stand). */
export const optionalLoanMonths = (min: number, message: string) =>
  text().transform((raw, ctx) => (raw === '' ? null : monthsIn(raw, ctx, min, message)));

/** For a cross-field check: true when none of `fields` failed, so each problem is reported once. */
export const parsedFields =
  (...fields: string[]) =>
  (payload: { issues: readonly { path?: readonly PropertyKey[] | undefined }[] }) =>
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));

/** What the upgrade does to the plant; '' (not said) is null. */
export const projectType = () =>
  text().pipe(
    z.union([z.literal('').transform(() => null), z.enum(projectTypes)], {
      error: 'assessment.plan.projectTypeUnknown',
    }),
  );

/** The yearly saving an energy audit found (optional, more than zero). */
export const auditedSaving = () => optionalAmount(true);

/** '' (no audit: the model's estimate stands) or one of the kinds of audit. */
export const savingsBasis = () =>
  text().pipe(
    z.union([z.literal('').transform(() => null), z.enum(auditBases)], {
      error: 'assessment.plan.basisUnknown',
    }),
  );

/**
 * An audited saving needs the kind of audit (it decides the readiness points), and a kind of audit its saving:
 * each problem on its own field. For `.superRefine(auditedSavingComplete, auditedSavingChecked)`.
 */
export function auditedSavingComplete(
  form: { annualSavingInr: Decimal | null; savingsBasis: AuditBasis | null },
  ctx: z.RefinementCtx,
): void {
  if (form.annualSavingInr !== null && form.savingsBasis === null)
    ctx.addIssue({ code: 'custom', path: ['savingsBasis'], message: 'assessment.plan.basisNeeded' });
  if (form.savingsBasis !== null && form.annualSavingInr === null)
    ctx.addIssue({ code: 'custom', path: ['annualSavingInr'], message: 'assessment.plan.savingNeeded' });
}

export const auditedSavingChecked = { when: parsedFields('annualSavingInr', 'savingsBasis') };

/** An amount as the forms show it: Indian grouping, paise only when there are any; '' for none. */
export const amountText = (value: Decimal | null) =>
  value === null ? '' : formatIndianNumber(value, value.isInteger() ? 0 : 2);

/** The saved plan as the plan form's and the application form's strings. */
export function savedPlanValues(plan: SavedPlan): Record<string, string> {
  return {
    technologyId: plan.technologyId,
    capexInr: amountText(plan.capexInr),
    annualOmInr: amountText(plan.annualOmInr),
    annualSavingInr: amountText(plan.annualSavingInr),
    savingsBasis: plan.savingsBasis ?? '',
    projectType: plan.projectType ?? '',
    loanInr: amountText(plan.loanInr),
    tenureMonths: plan.tenureMonths === null ? '' : String(plan.tenureMonths),
    moratoriumMonths: plan.moratoriumMonths === null ? '' : String(plan.moratoriumMonths),
  };
}
