import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { isoDateSchema } from '../../catalogue/dated-value-schema.js';
import { economicsFigures, type EconomicsFigures, type EconomicsInput } from '../../domain/economics.js';
import { estimateEconomics, type EconomicsEstimate } from '../../domain/economics-estimate.js';
import { certainText, type Bounded } from '../../domain/finance/bounded.js';
import { OUTPUT_DECIMAL_PLACES } from '../../domain/money.js';
import {
  moneyOut,
  moneyOutSchema,
  percentOut,
  percentOutSchema,
  ratioOut,
  ratioOutSchema,
  yearsOut,
  yearsOutSchema,
} from './api-format.js';
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

export function economicsResponseBody(
  result: EconomicsFigures,
  meta: { rulesVersion: string; asOf: string },
): EconomicsResponseBody {
  const { loan } = result;
  return {
    netAnnualSavingsInr: moneyOut(result.netAnnualSavingsInr),
    simplePaybackYears: yearsOut(result.simplePaybackYears),
    discountedPaybackYears: yearsOut(result.discountedPaybackYears),
    npvInr: moneyOut(result.npvInr),
    irrPct: percentOut(result.irrPct),
    ...(loan && {
      loan: {
        emiInr: moneyOut(loan.emiInr),
        totalInterestInr: moneyOut(loan.totalInterestInr),
        totalSubventionInr: moneyOut(loan.totalSubventionInr),
        minDscr: ratioOut(loan.minDscr),
        avgDscr: ratioOut(loan.avgDscr),
        years: loan.years.map((year) => ({
          year: year.year,
          debtServiceInr: moneyOut(year.debtServiceInr),
          dscr: ratioOut(year.dscr),
        })),
      },
    }),
    rulesVersion: meta.rulesVersion,
    asOf: meta.asOf,
  };
}

/**
 * The response body written from the estimate (economics-estimate.ts), or null when its bounds do not decide
 * every digit: then it is not the exact answer, and `economicsResponseBody` of the exact figures is.
 */
export function estimatedResponseBody(
  estimate: EconomicsEstimate,
  meta: { rulesVersion: string; asOf: string },
): EconomicsResponseBody | null {
  let undecided = false;
  const written = (places: number) => {
    function out(value: Bounded): string;
    function out(value: Bounded | null): string | null;
    function out(value: Bounded | null): string | null {
      if (value === null) return null;
      const text = certainText(value, places);
      if (text === null) undecided = true;
      return text ?? '';
    }
    return out;
  };
  const money = written(OUTPUT_DECIMAL_PLACES.money);
  const years = written(OUTPUT_DECIMAL_PLACES.years);
  const percent = written(OUTPUT_DECIMAL_PLACES.percent);
  const ratio = written(OUTPUT_DECIMAL_PLACES.ratio);
  const { loan } = estimate;
  const body: EconomicsResponseBody = {
    netAnnualSavingsInr: money(estimate.netAnnualSavingsInr),
    simplePaybackYears: years(estimate.simplePaybackYears),
    discountedPaybackYears: years(estimate.discountedPaybackYears),
    npvInr: money(estimate.npvInr),
    irrPct: percent(estimate.irrPct),
    ...(loan && {
      loan: {
        emiInr: money(loan.emiInr),
        totalInterestInr: money(loan.totalInterestInr),
        totalSubventionInr: money(loan.totalSubventionInr),
        minDscr: ratio(loan.minDscr),
        avgDscr: ratio(loan.avgDscr),
        years: loan.years.map((year) => ({
          year: year.year,
          debtServiceInr: money(year.debtServiceInr),
          dscr: ratio(year.dscr),
        })),
      },
    }),
    rulesVersion: meta.rulesVersion,
    asOf: meta.asOf,
  };
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
