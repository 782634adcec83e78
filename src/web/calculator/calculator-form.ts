import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { parseIndianAmount } from '../../domain/indian-number.js';

// The calculator's GET form: raw strings in, Decimals out. Amounts are read the Indian way (12,50,000, 12.5 lakh,
// 1.2 crore, ₹ 4,00,000). An empty field means "not given": the catalogue default applies, or the result asks.

/** The largest amount the calculator takes, as the JSON API: ₹10,000 crore. */
const MAX_AMOUNT_INR = new Decimal('100000000000');
// A quantity beyond this (kWh, tonnes, SCM) is a typing slip, not a foundry.
const MAX_QUANTITY = new Decimal('1000000000000');

type FieldKind =
  'money' | 'positiveMoney' | 'quantity' | 'percent' | 'powerFactor' | 'factor' | 'years' | 'months';

/** Every figure field, in the order shown; the name is also the override key of the energy model. */
export const FIELD_KINDS = {
  productionTonnes: 'quantity',
  electricityKwh: 'quantity',
  contractDemandKva: 'quantity',
  cokeTonnes: 'quantity',
  naturalGasScm: 'quantity',
  lpgKg: 'quantity',
  dieselLitres: 'quantity',
  furnaceOilKilolitres: 'quantity',
  newSandTonnes: 'quantity',
  capexInr: 'positiveMoney',
  subsidyInr: 'money',
  annualOmInr: 'money',
  savingPct: 'percent',
  lifetimeYears: 'years',
  endUseAmount: 'quantity',
  capacity: 'quantity',
  moltenMetalTonnes: 'quantity',
  electricityPrice: 'factor',
  cokePrice: 'money',
  naturalGasPrice: 'factor',
  lpgPrice: 'factor',
  dieselPrice: 'factor',
  furnaceOilPrice: 'money',
  newSandPrice: 'money',
  electricityCo2Factor: 'factor',
  cokeCo2Factor: 'factor',
  dieselDensity: 'factor',
  fromPerTonne: 'quantity',
  toPerTonne: 'quantity',
  yield: 'quantity',
  degradationPct: 'percent',
  powerFactorBefore: 'powerFactor',
  powerFactorAfter: 'powerFactor',
  energyCharge: 'factor',
  motorEfficiencyPct: 'percent',
  efficiencyGainPoints: 'percent',
  newSandPerTonne: 'factor',
  replacedPct: 'percent',
  addedElectricityKwh: 'quantity',
  discountRatePct: 'percent',
  escalationPct: 'percent',
  loanPrincipalInr: 'positiveMoney',
  loanRatePct: 'percent',
  loanTenureMonths: 'months',
  loanMoratoriumMonths: 'months',
  loanSubventionPct: 'percent',
  loanSubventionMonths: 'months',
} as const satisfies Record<string, FieldKind>;

export type FieldName = keyof typeof FIELD_KINDS;

const errorKey = {
  notNumber: 'calculator.errors.notNumber',
  negative: 'calculator.errors.negative',
  positive: 'calculator.errors.positive',
  tooLarge: 'calculator.errors.tooLarge',
  quantityTooLarge: 'calculator.errors.quantityTooLarge',
  rateAbove100: 'calculator.errors.rateAbove100',
  powerFactor: 'calculator.errors.powerFactor',
  wholeYears: 'calculator.errors.wholeYears',
  months: 'calculator.errors.months',
} as const;

function check(kind: FieldKind, value: Decimal): string | null {
  switch (kind) {
    case 'money':
    case 'positiveMoney':
      if (value.isNegative()) return errorKey.negative;
      if (kind === 'positiveMoney' && value.isZero()) return errorKey.positive;
      return value.greaterThan(MAX_AMOUNT_INR) ? errorKey.tooLarge : null;
    case 'quantity':
    case 'factor':
      if (value.isNegative()) return errorKey.negative;
      return value.greaterThan(MAX_QUANTITY) ? errorKey.quantityTooLarge : null;
    case 'percent':
      if (value.isNegative()) return errorKey.negative;
      return value.greaterThan(100) ? errorKey.rateAbove100 : null;
    case 'powerFactor':
      return value.greaterThan(0) && value.lessThanOrEqualTo(1) ? null : errorKey.powerFactor;
    case 'years':
      return value.isInteger() && value.greaterThanOrEqualTo(1) && value.lessThanOrEqualTo(50)
        ? null
        : errorKey.wholeYears;
    case 'months':
      return value.isInteger() && value.greaterThanOrEqualTo(0) && value.lessThanOrEqualTo(360)
        ? null
        : errorKey.months;
  }
}

function figureField(kind: FieldKind) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): Decimal | undefined => {
      const text = (raw ?? '').trim().replace(/\s*%$/, '');
      if (text === '') return undefined;
      const parsed = parseIndianAmount(text);
      if (!Decimal.isDecimal(parsed)) {
        ctx.addIssue({ code: 'custom', message: errorKey.notNumber });
        return z.NEVER;
      }
      const problem = check(kind, parsed);
      if (problem !== null) {
        ctx.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      }
      return parsed;
    });
}

const figureShape = Object.fromEntries(
  Object.entries(FIELD_KINDS).map(([name, kind]) => [name, figureField(kind)]),
) as { [K in FieldName]: ReturnType<typeof figureField> };

/** Runs a cross-field rule only when the fields it reads parsed, so each problem is reported once. */
const whenParsed =
  (...fields: string[]) =>
  (payload: { issues: readonly { path?: readonly PropertyKey[] | undefined }[] }) =>
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));

export function calculatorForm(known: {
  technology: (id: string) => boolean;
  cluster: (id: string) => boolean;
  state: (code: string) => boolean;
}) {
  return z
    .object({
      technology: z.string().refine(known.technology, { error: 'calculator.errors.technology' }),
      cluster: z
        .string()
        .optional()
        .transform((id) => (id === undefined || id === '' ? undefined : id))
        .refine((id) => id === undefined || known.cluster(id), { error: 'calculator.errors.cluster' }),
      state: z
        .string()
        .optional()
        .refine((code) => code === undefined || code === '' || known.state(code), {
          error: 'calculator.errors.state',
        }),
      ...figureShape,
    })
    .superRefine(
      (form, ctx) => {
        if (form.productionTonnes === undefined || form.productionTonnes.isZero()) {
          ctx.addIssue({
            code: 'custom',
            path: ['productionTonnes'],
            message: 'calculator.errors.production',
          });
        }
      },
      { when: whenParsed('productionTonnes') },
    )
    .superRefine(
      (form, ctx) => {
        if (form.cluster === undefined && (form.state === undefined || form.state === '')) {
          ctx.addIssue({ code: 'custom', path: ['state'], message: 'calculator.errors.state' });
        }
      },
      { when: whenParsed('cluster', 'state') },
    )
    .superRefine(
      (form, ctx) => {
        if (form.capexInr && form.subsidyInr?.greaterThan(form.capexInr)) {
          ctx.addIssue({
            code: 'custom',
            path: ['subsidyInr'],
            message: 'calculator.errors.subsidyAboveCapex',
          });
        }
      },
      { when: whenParsed('capexInr', 'subsidyInr') },
    )
    .superRefine(
      (form, ctx) => {
        if (form.loanPrincipalInr !== undefined && form.loanRatePct === undefined)
          ctx.addIssue({ code: 'custom', path: ['loanRatePct'], message: 'calculator.errors.loanRate' });
      },
      { when: whenParsed('loanPrincipalInr', 'loanRatePct') },
    )
    .superRefine(
      (form, ctx) => {
        if (form.loanPrincipalInr === undefined) return;
        const tenure = form.loanTenureMonths;
        if (tenure === undefined || tenure.isZero()) {
          ctx.addIssue({
            code: 'custom',
            path: ['loanTenureMonths'],
            message: 'calculator.errors.loanTenure',
          });
        } else if (tenure.lessThanOrEqualTo(form.loanMoratoriumMonths ?? 0)) {
          ctx.addIssue({
            code: 'custom',
            path: ['loanTenureMonths'],
            message: 'calculator.errors.tenureNotAfterMoratorium',
          });
        }
      },
      { when: whenParsed('loanPrincipalInr', 'loanTenureMonths', 'loanMoratoriumMonths') },
    );
}

export type CalculatorForm = z.output<ReturnType<typeof calculatorForm>>;
