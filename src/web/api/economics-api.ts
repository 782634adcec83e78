import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { isoDateSchema } from '../../catalogue/dated-value-schema.js';
import { economicsFigures, type EconomicsFigures, type EconomicsInput } from '../../domain/economics.js';
import { estimateEconomics, type EconomicsEstimate } from '../../domain/economics-estimate.js';
import { certainText } from '../../domain/finance/bounded.js';
import { OUTPUT_DECIMAL_PLACES, roundedString } from '../../domain/money.js';
import { moneyOutSchema, percentOutSchema, ratioOutSchema, yearsOutSchema } from './api-format.js';
import {
  countField,
  invalidRequestBody,
  moneyField,
  percentField,
  whenFieldsValid,
  type InvalidRequestBody,
} from './api-validation.js';

// POST /api/v1/economics (design/api-v1.md): request schema, mapping to the domain, and the response body.

const loanRequestSchema = z
  .strictObject({
    principalInr: moneyField('loan.principalInr', { positive: true }),
    annualRatePct: percentField('loan.annualRatePct'),
    tenureMonths: countField('loan.tenureMonths', 1, 360),
    moratoriumMonths: countField('loan.moratoriumMonths', 0, 359).optional(),
    interestSubventionPct: percentField('loan.interestSubventionPct').optional(),
    subventionMonths: countField('loan.subventionMonths', 0, 360).optional(),
  })
  .superRefine(
    (loan, ctx) => {
      if (loan.tenureMonths <= (loan.moratoriumMonths ?? 0)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tenureMonths'],
          message: 'loan.tenureMonths must be more than loan.moratoriumMonths',
        });
      }
    },
    whenFieldsValid('tenureMonths', 'moratoriumMonths'),
  );

export const economicsRequestSchema = z
  .strictObject({
    asOf: isoDateSchema.optional(),
    capexInr: moneyField('capexInr', { positive: true }),
    subsidyInr: moneyField('subsidyInr').optional(),
    annualEnergySavingsInr: moneyField('annualEnergySavingsInr'),
    annualOmCostInr: moneyField('annualOmCostInr').optional(),
    lifetimeYears: countField('lifetimeYears', 1, 50),
    discountRatePct: percentField('discountRatePct'),
    // Savings may shrink (e.g. panel degradation), but not by 100 % or more a year.
    savingsEscalationPct: percentField('savingsEscalationPct', { value: -100, inclusive: false }).optional(),
    loan: loanRequestSchema.optional(),
  })
  .superRefine(
    (request, ctx) => {
      if (request.subsidyInr?.greaterThan(request.capexInr)) {
        ctx.addIssue({
          code: 'custom',
          path: ['subsidyInr'],
          message: 'subsidyInr must not be more than capexInr',
        });
      }
    },
    whenFieldsValid('capexInr', 'subsidyInr'),
  );

export type EconomicsRequest = z.output<typeof economicsRequestSchema>;

const loanYearSchema = z.object({
  year: z.int(),
  debtServiceInr: moneyOutSchema,
  dscr: ratioOutSchema.nullable(),
});

export const economicsResponseSchema = z.object({
  netAnnualSavingsInr: moneyOutSchema,
  simplePaybackYears: yearsOutSchema.nullable(),
  discountedPaybackYears: yearsOutSchema.nullable(),
  npvInr: moneyOutSchema,
  irrPct: percentOutSchema.nullable(),
  loan: z
    .object({
      emiInr: moneyOutSchema,
      totalInterestInr: moneyOutSchema,
      totalSubventionInr: moneyOutSchema,
      minDscr: ratioOutSchema.nullable(),
      avgDscr: ratioOutSchema.nullable(),
      years: z.array(loanYearSchema),
    })
    .optional(),
  rulesVersion: z.string(),
  asOf: isoDateSchema,
});

export type EconomicsResponseBody = z.infer<typeof economicsResponseSchema>;

export function economicsInputFrom(request: EconomicsRequest): EconomicsInput {
  const zero = (value: Decimal | undefined) => value ?? new Decimal(0);
  const { loan } = request;
  return {
    capexInr: request.capexInr,
    subsidyInr: zero(request.subsidyInr),
    annualEnergySavingsInr: request.annualEnergySavingsInr,
    annualOmCostInr: zero(request.annualOmCostInr),
    lifetimeYears: request.lifetimeYears,
    discountRatePct: request.discountRatePct,
    savingsEscalationPct: zero(request.savingsEscalationPct),
    loan: loan && {
      principalInr: loan.principalInr,
      annualRatePct: loan.annualRatePct,
      tenureMonths: loan.tenureMonths,
      moratoriumMonths: loan.moratoriumMonths ?? 0,
      interestSubventionPct: zero(loan.interestSubventionPct),
      subventionMonths: loan.subventionMonths ?? 0,
    },
  };
}

type Meta = { rulesVersion: string; asOf: string };

/** The figures the response reports, whatever holds them: Decimals (exact) or bounded doubles (the estimate). */
interface ReportedFigures<V> {
  netAnnualSavingsInr: V;
  simplePaybackYears: V | null;
  discountedPaybackYears: V | null;
  npvInr: V;
  irrPct: V | null;
  loan: {
    emiInr: V;
    totalInterestInr: V;
    totalSubventionInr: V;
    minDscr: V | null;
    avgDscr: V | null;
    years: readonly { year: number; debtServiceInr: V; dscr: V | null }[];
  } | null;
}

/** The response body in api-v1's order, each figure written by `write` to its kind's decimal places. */
function responseBody<V>(
  figures: ReportedFigures<V>,
  write: (value: V, places: number) => string,
  meta: Meta,
): EconomicsResponseBody {
  const places = OUTPUT_DECIMAL_PLACES;
  const maybe = (value: V | null, decimals: number) => (value === null ? null : write(value, decimals));
  const { loan } = figures;
  return {
    netAnnualSavingsInr: write(figures.netAnnualSavingsInr, places.money),
    simplePaybackYears: maybe(figures.simplePaybackYears, places.years),
    discountedPaybackYears: maybe(figures.discountedPaybackYears, places.years),
    npvInr: write(figures.npvInr, places.money),
    irrPct: maybe(figures.irrPct, places.percent),
    ...(loan && {
      loan: {
        emiInr: write(loan.emiInr, places.money),
        totalInterestInr: write(loan.totalInterestInr, places.money),
        totalSubventionInr: write(loan.totalSubventionInr, places.money),
        minDscr: maybe(loan.minDscr, places.ratio),
        avgDscr: maybe(loan.avgDscr, places.ratio),
        years: loan.years.map((year) => ({
          year: year.year,
          debtServiceInr: write(year.debtServiceInr, places.money),
          dscr: maybe(year.dscr, places.ratio),
        })),
      },
    }),
    rulesVersion: meta.rulesVersion,
    asOf: meta.asOf,
  };
}

export function economicsResponseBody(result: EconomicsFigures, meta: Meta): EconomicsResponseBody {
  return responseBody(result, roundedString, meta);
}

/**
 * The response body written from the estimate (economics-estimate.ts), or null when its bounds do not decide
 * every digit: then it is not the exact answer, and `economicsResponseBody` of the exact figures is.
 */
export function estimatedResponseBody(estimate: EconomicsEstimate, meta: Meta): EconomicsResponseBody | null {
  let undecided = false;
  const body = responseBody(
    estimate,
    (value, places) => {
      const text = certainText(value, places);
      if (text === null) undecided = true;
      return text ?? '';
    },
    meta,
  );
  return undecided ? null : body;
}

/**
 * The whole endpoint short of HTTP: `body` is the parsed JSON; `ctx.asOf` is the date used when the request
 * gives none (today in Asia/Kolkata, decided by the caller, which owns the clock).
 */
export function economicsResponse(
  body: unknown,
  ctx: { rulesVersion: string; asOf: string },
): { status: 200; body: EconomicsResponseBody } | { status: 422; body: InvalidRequestBody } {
  const parsed = economicsRequestSchema.safeParse(body);
  if (!parsed.success) return { status: 422, body: invalidRequestBody(parsed.error) };
  const input = economicsInputFrom(parsed.data);
  const meta = { rulesVersion: ctx.rulesVersion, asOf: parsed.data.asOf ?? ctx.asOf };
  // Nearly every request is answered from the estimate, at a fraction of the exact figures' cost (decision 0010).
  const estimate = estimateEconomics(input);
  const estimated = estimate && estimatedResponseBody(estimate, meta);
  return { status: 200, body: estimated ?? economicsResponseBody(economicsFigures(input), meta) };
}
