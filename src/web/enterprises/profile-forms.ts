import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { roundToPaise } from '../../domain/money.js';
import { formatIndianNumber, parseIndianAmount } from '../../domain/indian-number.js';
import {
  CONSTITUTIONS,
  DOCUMENT_IDS,
  FINANCIAL_FIGURES,
  OWNERSHIP_GROUPS,
  SMA_STATUSES,
  type EnterpriseProfile,
  type FiscalYearFigures,
  type ProfileStep,
} from '../../domain/enterprise-profile.js';
import type { StepData } from '../../services/enterprise-profile-service.js';
import { UDYAM_PATTERN } from './enterprise-forms.js';

// One zod schema per profile step, over the raw strings of the form. Amounts accept Indian formats
// (12,50,000 · 12.5 lakh · 1.2 crore · ₹ 4,00,000). Messages are i18n keys.

/** ₹10,000 crore: larger figures are typing mistakes. */
const MAX_AMOUNT = new Decimal('100000000000');
const GSTIN_PATTERN = /^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;

/** An optional non-negative amount: '' is "not answered" (null). Money is kept to whole paise. */
/** A text field a form may leave out altogether (an unticked or unsent field): read as empty. */
const text = () =>
  z
    .string()
    .optional()
    .transform((value) => value ?? '');

function amount({ money }: { money: boolean }) {
  return text().transform((text, ctx) => {
    if (text.trim() === '') return null;
    const parsed = parseIndianAmount(text);
    if (!(parsed instanceof Decimal)) {
      ctx.addIssue({ code: 'custom', message: 'profile.errors.notANumber' });
      return z.NEVER;
    }
    if (parsed.isNegative()) {
      ctx.addIssue({ code: 'custom', message: 'profile.errors.negative' });
      return z.NEVER;
    }
    if (parsed.greaterThan(MAX_AMOUNT)) {
      ctx.addIssue({ code: 'custom', message: 'profile.errors.tooLarge' });
      return z.NEVER;
    }
    return money ? roundToPaise(parsed) : parsed;
  });
}
const money = () => amount({ money: true });
const quantity = () => amount({ money: false });
/** Like money(), but a loss or negative net worth may be negative. */
const signedMoney = () =>
  text().transform((text, ctx) => {
    if (text.trim() === '') return null;
    const parsed = parseIndianAmount(text);
    if (!(parsed instanceof Decimal) || parsed.abs().greaterThan(MAX_AMOUNT)) {
      ctx.addIssue({ code: 'custom', message: 'profile.errors.notANumber' });
      return z.NEVER;
    }
    return roundToPaise(parsed);
  });

const optionalText = (pattern: RegExp, message: string) =>
  text()
    .transform((value) => value.trim().toUpperCase())
    .transform((value) => (value === '' ? null : value))
    .refine((value) => value === null || pattern.test(value), { error: message });

const asList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

function enterpriseStep(isKnownCluster: (id: string) => boolean, thisYear: number) {
  return z
    .object({
      name: z
        .string()
        .trim()
        .min(1, { error: 'enterprises.errors.nameRequired' })
        .max(150, { error: 'enterprises.errors.nameTooLong' }),
      clusterId: z.string().refine(isKnownCluster, { error: 'enterprises.errors.clusterRequired' }),
      udyamNumber: optionalText(UDYAM_PATTERN, 'enterprises.errors.udyamFormat'),
      gstNumber: optionalText(GSTIN_PATTERN, 'profile.errors.gstFormat'),
      constitution: z.union([z.enum(CONSTITUTIONS), z.literal('').transform(() => null)], {
        error: 'profile.errors.choose',
      }),
      yearOfStart: text()
        .transform((value) => value.trim())
        .transform((value) => (value === '' ? null : Number(value)))
        .refine(
          (value) => value === null || (Number.isInteger(value) && value >= 1900 && value <= thisYear),
          {
            error: 'profile.errors.yearOfStart',
          },
        ),
      ownership: asList.refine(
        (groups) => groups.every((g) => g === 'none' || (OWNERSHIP_GROUPS as readonly string[]).includes(g)),
        {
          error: 'profile.errors.choose',
        },
      ),
      investmentInr: money(),
    })
    .transform((form): StepData => ({
      step: 'enterprise',
      details: {
        ...form,
        ownership:
          form.ownership.length === 0
            ? null
            : (form.ownership.filter((g) => g !== 'none') as (typeof OWNERSHIP_GROUPS)[number][]),
      },
    }));
}

const ENERGY_FIELDS = [
  'productionTonnes',
  'electricityKwh',
  'contractDemandKva',
  'connectedLoadKw',
  'cokeTonnes',
  'naturalGasScm',
  'lpgKg',
  'dieselLitres',
  'furnaceOilKl',
] as const;

const energyStep = z
  .object({
    ...Object.fromEntries(ENERGY_FIELDS.map((field) => [field, quantity()])),
    annualEnergyBillInr: money(),
  })
  .transform((energy) => ({ step: 'energy', energy }) as StepData);

/** Field names in the finances form: `<fiscal year>.<figure>`, e.g. `2025-26.revenueInr`. */
const financeField = (year: string, figure: string) => `${year}.${figure}`;

function financesStep(fiscalYears: readonly string[]) {
  const shape = Object.fromEntries(
    fiscalYears.flatMap((year) =>
      FINANCIAL_FIGURES.map((figure) => [
        financeField(year, figure),
        figure === 'profitAfterTaxInr' || figure === 'netWorthInr' ? signedMoney() : money(),
      ]),
    ),
  );
  return z.object(shape).transform((form): StepData => {
    const values = form as Record<string, Decimal | null>;
    const financials: FiscalYearFigures[] = fiscalYears
      .map((fiscalYear) => ({
        fiscalYear,
        ...(Object.fromEntries(
          FINANCIAL_FIGURES.map((figure) => [figure, values[financeField(fiscalYear, figure)] ?? null]),
        ) as Omit<FiscalYearFigures, 'fiscalYear'>),
      }))
      // A year left entirely blank is not a year of figures: it is simply missing.
      .filter((year) => FINANCIAL_FIGURES.some((figure) => year[figure] !== null));
    return { step: 'finances', financials };
  });
}

const creditStep = z
  .object({
    cmrRank: text().refine((rank) => rank === 'ntc' || /^(10|[1-9])$/.test(rank), {
      error: 'profile.errors.cmrRank',
    }),
    existingLoansInr: money(),
    existingEmiInr: money(),
    smaStatus: z.enum(SMA_STATUSES, { error: 'profile.errors.choose' }),
  })
  .transform((form): StepData => ({
    step: 'credit',
    credit: {
      newToCredit: form.cmrRank === 'ntc',
      cmrRank: form.cmrRank === 'ntc' ? null : Number(form.cmrRank),
      existingLoansInr: form.existingLoansInr,
      existingEmiInr: form.existingEmiInr,
      smaStatus: form.smaStatus,
    },
  }));

const complianceStep = z
  .object({
    consentToOperateUntil: z.union([
      z.literal('').transform(() => null),
      z.iso.date({ error: 'profile.errors.date' }),
    ]),
    gstReturnsFiled: z.enum(['yes', 'no'], { error: 'profile.errors.choose' }),
  })
  .transform((form): StepData => ({
    step: 'compliance',
    compliance: {
      consentToOperateUntil: form.consentToOperateUntil,
      gstReturnsFiled: form.gstReturnsFiled === 'yes',
    },
  }));

const documentsStep = z
  .object({
    held: asList.refine((ids) => ids.every((id) => (DOCUMENT_IDS as readonly string[]).includes(id)), {
      error: 'profile.errors.choose',
    }),
  })
  .transform((form): StepData => ({ step: 'documents', held: form.held as (typeof DOCUMENT_IDS)[number][] }));

export interface StepContext {
  isKnownCluster: (id: string) => boolean;
  thisYear: number;
  fiscalYears: readonly string[];
}

export function stepSchema(step: ProfileStep, context: StepContext): z.ZodType<StepData> {
  switch (step) {
    case 'enterprise':
      return enterpriseStep(context.isKnownCluster, context.thisYear);
    case 'energy':
      return energyStep;
    case 'finances':
      return financesStep(context.fiscalYears);
    case 'credit':
      return creditStep;
    case 'compliance':
      return complianceStep;
    case 'documents':
      return documentsStep;
  }
}

const shown = (value: Decimal | null | undefined) =>
  value === null || value === undefined ? '' : formatIndianNumber(value, value.isInteger() ? 0 : 2);

/** The saved profile as the raw strings a step's form shows, so editing starts from what is saved. */
export function formValues(
  step: ProfileStep,
  profile: EnterpriseProfile,
  fiscalYears: readonly string[],
): Record<string, string> {
  switch (step) {
    case 'enterprise': {
      const d = profile.details;
      return {
        name: d.name,
        clusterId: d.clusterId,
        udyamNumber: d.udyamNumber ?? '',
        gstNumber: d.gstNumber ?? '',
        constitution: d.constitution ?? '',
        yearOfStart: d.yearOfStart === null ? '' : String(d.yearOfStart),
        ownership: d.ownership === null ? '' : d.ownership.length === 0 ? 'none' : d.ownership.join(','),
        investmentInr: shown(d.investmentInr),
      };
    }
    case 'energy': {
      const energy = profile.energy;
      return Object.fromEntries(
        [...ENERGY_FIELDS, 'annualEnergyBillInr' as const].map((field) => [field, shown(energy?.[field])]),
      );
    }
    case 'finances':
      return Object.fromEntries(
        fiscalYears.flatMap((year) => {
          const figures = profile.financials.find((f) => f.fiscalYear === year);
          return FINANCIAL_FIGURES.map((figure) => [financeField(year, figure), shown(figures?.[figure])]);
        }),
      );
    case 'credit': {
      const credit = profile.credit;
      return {
        cmrRank: credit === null ? '' : credit.newToCredit ? 'ntc' : String(credit.cmrRank ?? ''),
        existingLoansInr: shown(credit?.existingLoansInr),
        existingEmiInr: shown(credit?.existingEmiInr),
        smaStatus: credit?.smaStatus ?? '',
      };
    }
    case 'compliance':
      return {
        consentToOperateUntil: profile.compliance?.consentToOperateUntil ?? '',
        gstReturnsFiled: profile.compliance === null ? '' : profile.compliance.gstReturnsFiled ? 'yes' : 'no',
      };
    case 'documents':
      return { held: profile.documents.map((d) => d.documentId).join(',') };
  }
}

export { ENERGY_FIELDS, financeField };
