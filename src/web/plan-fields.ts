import { Decimal } from 'decimal.js';
import { z } from 'zod';
import type { FurtherMeasure, SavedPlan } from '../db/enterprise-plan-repository.js';
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

/**
 * The optional second and third measures of a plan or an application ("one or more technologies"): for each slot
 * a technology of the enterprise's sector and, where the owner has them, its quotation and running cost. A plain
 * list of fields, so the form needs no script; empty slots are left out.
 */
export const FURTHER_MEASURE_SLOTS = [2, 3] as const;

export const FURTHER_MEASURE_FIELDS = FURTHER_MEASURE_SLOTS.flatMap((slot) => [
  `technologyId${slot}`,
  `capexInr${slot}`,
  `annualOmInr${slot}`,
]);

type SlotFields = Readonly<Record<string, unknown>>;

export function furtherMeasureFields(technology: (id: string) => boolean) {
  const technologyField = text().refine((id) => id === '' || technology(id), {
    error: 'applications.errors.technology',
  });
  return Object.fromEntries(
    FURTHER_MEASURE_SLOTS.flatMap((slot) => [
      [`technologyId${slot}`, technologyField],
      [`capexInr${slot}`, optionalAmount(true)],
      [`annualOmInr${slot}`, optionalAmount(false)],
    ]),
  ) as Record<string, typeof technologyField | ReturnType<typeof optionalAmount>>;
}

/** The slots' measures, in order, leaving out empty slots. */
export function furtherMeasuresOf(form: SlotFields): FurtherMeasure[] {
  return FURTHER_MEASURE_SLOTS.flatMap((slot) => {
    const technologyId = form[`technologyId${slot}`];
    if (typeof technologyId !== 'string' || technologyId === '') return [];
    const amount = (field: string) => {
      const value = form[`${field}${slot}`];
      return value instanceof Decimal ? value : null;
    };
    return [{ technologyId, capexInr: amount('capexInr'), annualOmInr: amount('annualOmInr') }];
  });
}

/**
 * Each technology once in a project, and figures only for a slot with a technology: each problem on its field.
 * For `.superRefine(furtherMeasuresComplete)` on a form with `technologyId` and the slots.
 */
export function furtherMeasuresComplete(form: SlotFields, ctx: z.RefinementCtx): void {
  const chosen = [form.technologyId];
  for (const slot of FURTHER_MEASURE_SLOTS) {
    const technologyId = form[`technologyId${slot}`];
    if (technologyId === '' || technologyId === undefined) {
      if (form[`capexInr${slot}`] instanceof Decimal || form[`annualOmInr${slot}`] instanceof Decimal)
        ctx.addIssue({
          code: 'custom',
          path: [`technologyId${slot}`],
          message: 'assessment.plan.measures.technologyNeeded',
        });
      continue;
    }
    if (chosen.includes(technologyId))
      ctx.addIssue({
        code: 'custom',
        path: [`technologyId${slot}`],
        message: 'assessment.plan.measures.repeated',
      });
    chosen.push(technologyId);
  }
}

/** An application lends against quotations: every further measure chosen needs its own. For `.superRefine`. */
export function furtherMeasuresQuoted(form: SlotFields, ctx: z.RefinementCtx): void {
  for (const slot of FURTHER_MEASURE_SLOTS) {
    const technologyId = form[`technologyId${slot}`];
    if (typeof technologyId === 'string' && technologyId !== '' && form[`capexInr${slot}`] === null)
      ctx.addIssue({
        code: 'custom',
        path: [`capexInr${slot}`],
        message: 'applications.errors.capexRequired',
      });
  }
}

export const furtherMeasuresChecked = { when: parsedFields('technologyId', ...FURTHER_MEASURE_FIELDS) };

/**
 * The project's quoted cost: the first measure's and every further measure's quotation, or null when any measure
 * has none yet (its cost is the catalogue's estimate, so a loan above the quotations cannot be judged).
 */
export function quotedProjectCost(form: SlotFields & { capexInr: Decimal | null }): Decimal | null {
  const further = furtherMeasuresOf(form);
  if (form.capexInr === null || further.some((measure) => measure.capexInr === null)) return null;
  return further.reduce((sum, measure) => sum.plus(measure.capexInr ?? 0), form.capexInr);
}

/** The measures as the forms' strings, slot by slot. */
export function furtherMeasureValues(measures: readonly FurtherMeasure[]): Record<string, string> {
  return Object.fromEntries(
    measures.flatMap((measure, index) => {
      const slot = FURTHER_MEASURE_SLOTS[index];
      if (slot === undefined) return [];
      return [
        [`technologyId${slot}`, measure.technologyId],
        [`capexInr${slot}`, amountText(measure.capexInr)],
        [`annualOmInr${slot}`, amountText(measure.annualOmInr)],
      ];
    }),
  );
}

/** An amount as the forms show it: Indian grouping, paise only when there are any; '' for none. */
export const amountText = (value: Decimal | null) =>
  value === null ? '' : formatIndianNumber(value, value.isInteger() ? 0 : 2);

/** The saved plan as the plan form's and the application form's strings. */
export function savedPlanValues(plan: SavedPlan): Record<string, string> {
  return {
    technologyId: plan.technologyId,
    capexInr: amountText(plan.capexInr),
    annualOmInr: amountText(plan.annualOmInr),
    ...furtherMeasureValues(plan.furtherMeasures),
    annualSavingInr: amountText(plan.annualSavingInr),
    savingsBasis: plan.savingsBasis ?? '',
    energyAuditCostInr: amountText(plan.energyAuditCostInr),
    projectType: plan.projectType ?? '',
    loanInr: amountText(plan.loanInr),
    tenureMonths: plan.tenureMonths === null ? '' : String(plan.tenureMonths),
    moratoriumMonths: plan.moratoriumMonths === null ? '' : String(plan.moratoriumMonths),
  };
}
