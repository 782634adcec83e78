import { z } from 'zod';
import {
  auditedSaving,
  auditedSavingChecked,
  auditedSavingComplete,
  FURTHER_MEASURE_FIELDS,
  furtherMeasureFields,
  furtherMeasuresChecked,
  furtherMeasuresComplete,
  furtherMeasuresOf,
  optionalAmount,
  optionalLoanMonths,
  parsedFields,
  projectType,
  quotedProjectCost,
  savingsBasis,
  text,
} from '../plan-fields.js';

// The upgrade plan on the assessment report: the owner picks a technology (and up to two more measures) and may
// enter their quotation (cost, running cost), the yearly saving their energy audit found (with the kind of audit) and loan terms; the report
// is recomputed with them, marked as the owner's figures. A GET form, so the plan is a link the owner can keep,
// and it works without JavaScript. Messages are i18n keys.

export function upgradePlanForm(technology: (id: string) => boolean) {
  return z
    .object({
      technologyId: text().refine(technology, { error: 'applications.errors.technology' }),
      capexInr: optionalAmount(true),
      annualOmInr: optionalAmount(false),
      ...furtherMeasureFields(technology),
      annualSavingInr: auditedSaving(),
      savingsBasis: savingsBasis(),
      energyAuditCostInr: optionalAmount(true),
      projectType: projectType(),
      loanInr: optionalAmount(false),
      tenureMonths: optionalLoanMonths(1, 'applications.errors.tenure'),
      moratoriumMonths: optionalLoanMonths(0, 'applications.errors.moratorium'),
    })
    .refine(
      (form) => {
        const quoted = quotedProjectCost(form);
        return !form.loanInr || !quoted || !form.loanInr.greaterThan(quoted);
      },
      {
        path: ['loanInr'],
        error: 'applications.errors.loanAboveCapex',
        when: parsedFields('loanInr', 'capexInr', ...FURTHER_MEASURE_FIELDS),
      },
    )
    .superRefine(auditedSavingComplete, auditedSavingChecked)
    .refine((form) => (form.moratoriumMonths ?? 0) < (form.tenureMonths ?? 60), {
      path: ['moratoriumMonths'],
      error: 'applications.errors.moratoriumWithinTenure',
      when: parsedFields('tenureMonths', 'moratoriumMonths'),
    })
    .superRefine(furtherMeasuresComplete, furtherMeasuresChecked)
    .transform((form) => ({
      technologyId: form.technologyId,
      capexInr: form.capexInr,
      annualOmInr: form.annualOmInr,
      furtherMeasures: furtherMeasuresOf(form),
      annualSavingInr: form.annualSavingInr,
      savingsBasis: form.savingsBasis,
      energyAuditCostInr: form.energyAuditCostInr,
      projectType: form.projectType,
      loanInr: form.loanInr,
      tenureMonths: form.tenureMonths,
      moratoriumMonths: form.moratoriumMonths,
    }));
}

export type UpgradePlanForm = z.infer<ReturnType<typeof upgradePlanForm>>;
