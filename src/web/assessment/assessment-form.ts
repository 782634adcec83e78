import { z } from 'zod';
import {
  auditedSaving,
  auditedSavingChecked,
  auditedSavingComplete,
  optionalAmount,
  optionalLoanMonths,
  parsedFields,
  projectType,
  savingsBasis,
  text,
} from '../plan-fields.js';

// The upgrade plan on the assessment report: the owner picks a technology and may enter their quotation (cost,
// running cost), the yearly saving their energy audit found (with the kind of audit) and loan terms; the report
// is recomputed with them, marked as the owner's figures. A GET form, so the plan is a link the owner can keep,
// and it works without JavaScript. Messages are i18n keys.

export function upgradePlanForm(technology: (id: string) => boolean) {
  return z
    .object({
      technologyId: text().refine(technology, { error: 'applications.errors.technology' }),
      capexInr: optionalAmount(true),
      annualOmInr: optionalAmount(false),
      annualSavingInr: auditedSaving(),
      savingsBasis: savingsBasis(),
      projectType: projectType(),
      loanInr: optionalAmount(false),
      tenureMonths: optionalLoanMonths(1, 'applications.errors.tenure'),
      moratoriumMonths: optionalLoanMonths(0, 'applications.errors.moratorium'),
    })
    .refine((form) => !form.loanInr || !form.capexInr || !form.loanInr.greaterThan(form.capexInr), {
      path: ['loanInr'],
      error: 'applications.errors.loanAboveCapex',
      when: parsedFields('loanInr', 'capexInr'),
    })
    .superRefine(auditedSavingComplete, auditedSavingChecked)
    .refine((form) => (form.moratoriumMonths ?? 0) < (form.tenureMonths ?? 60), {
      path: ['moratoriumMonths'],
      error: 'applications.errors.moratoriumWithinTenure',
      when: parsedFields('tenureMonths', 'moratoriumMonths'),
    });
}

export type UpgradePlanForm = z.infer<ReturnType<typeof upgradePlanForm>>;
