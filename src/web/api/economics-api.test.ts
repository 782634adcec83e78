import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import crossCheck from '../../../test/fixtures/finance/cross-check.json' with { type: 'json' };
import { economicsRequestSchema, economicsResponse, economicsResponseSchema } from './economics-api.js';
import { API_V1_ECONOMICS_EXAMPLE } from '../../../test/fixtures/finance/api-v1-example.js';

const ctx = { rulesVersion: 'test-rules', asOf: '2026-11-22' };
const example = API_V1_ECONOMICS_EXAMPLE;

const issuesOf = (body: unknown) => {
  const response = economicsResponse(body, ctx);
  expect(response.status).toBe(422);
  return response.status === 422 ? response.body.issues : [];
};

describe('economicsResponse: valid requests', () => {
  it('answers the api-v1 example with the documented fields and conventions', () => {
    const response = economicsResponse(example, ctx);
    expect(response.status).toBe(200);
    expect(economicsResponseSchema.parse(response.body)).toEqual(response.body);
    expect(response.body).toMatchObject({
      netAnnualSavingsInr: '1440000.00',
      simplePaybackYears: '3.1250',
      rulesVersion: 'test-rules',
      asOf: '2026-11-22',
    });
    expect(Object.keys(response.body)).toEqual([
      'netAnnualSavingsInr',
      'simplePaybackYears',
      'discountedPaybackYears',
      'npvInr',
      'irrPct',
      'loan',
      'rulesVersion',
      'asOf',
    ]);
  });

  it('accepts JSON numbers for money and rates, read through their decimal form', () => {
    const asNumbers = {
      ...example,
      capexInr: 4500000,
      discountRatePct: 12,
      loan: { ...example.loan, annualRatePct: 10.5 },
    };
    expect(economicsResponse(asNumbers, ctx)).toEqual(economicsResponse(example, ctx));
    // JavaScript writes 1e-7 with an exponent; it is read as 0.0000001 all the same.
    expect(economicsResponse({ ...example, annualOmCostInr: 1e-7 }, ctx).status).toBe(200);
  });

  it('applies the defaults: no subsidy, O&M, escalation or loan', () => {
    const response = economicsResponse(
      { capexInr: '100', annualEnergySavingsInr: '50', lifetimeYears: 3, discountRatePct: '10' },
      ctx,
    );
    expect(response.body).toEqual({
      netAnnualSavingsInr: '50.00',
      simplePaybackYears: '2.0000',
      discountedPaybackYears: '2.3520',
      npvInr: '24.34',
      irrPct: '23.375193', // Python decimal bisection: 23.3751928528…
      rulesVersion: 'test-rules',
      asOf: '2026-11-22',
    });
  });

  it('uses the asOf of the request when given', () => {
    expect(economicsResponse({ ...example, asOf: '2025-06-01' }, ctx).body).toMatchObject({
      asOf: '2025-06-01',
    });
  });

  it('gives null, never Infinity, for a project that never pays back', () => {
    const body = { ...example, annualOmCostInr: '1500000', savingsEscalationPct: '0', loan: undefined };
    const response = economicsResponse(body, ctx);
    expect(response.body).toMatchObject({
      simplePaybackYears: null,
      discountedPaybackYears: null,
      irrPct: null,
    });
  });

  it('writes a DSCR of null for a loan year with no debt service', () => {
    // S_y = 1,500,000 − 60,000 = 14,40,000 both years; debt service 0 then 1,200.
    const response = economicsResponse(
      {
        ...example,
        savingsEscalationPct: '0',
        loan: { principalInr: '1200', annualRatePct: '0', tenureMonths: 24, moratoriumMonths: 12 },
      },
      ctx,
    );
    expect(response.body).toMatchObject({
      loan: {
        emiInr: '100.00',
        totalInterestInr: '0.00',
        totalSubventionInr: '0.00',
        minDscr: '1200.000000',
        years: [
          { year: 1, debtServiceInr: '0.00', dscr: null },
          { year: 2, debtServiceInr: '1200.00', dscr: '1200.000000' },
        ],
      },
    });
  });

  it.each(crossCheck.cases.map((c) => [c.name, c] as const))(
    'matches the independent Python cross-check to the last output digit: %s',
    (_, c) => {
      expect(economicsResponse(c.request, ctx).body).toEqual({ ...c.response, ...ctx });
    },
  );
});

describe('economicsResponse: bad input (422, every problem listed)', () => {
  it('lists each problem with its dotted path and a sentence', () => {
    const issues = issuesOf({
      ...example,
      capexInr: '0',
      annualOmCostInr: '-1',
      lifetimeYears: 0,
      discountRatePct: '-2',
      loan: { ...example.loan, tenureMonths: 6, moratoriumMonths: 6, annualRatePct: '101' },
    });
    expect(issues).toEqual([
      { path: 'capexInr', message: 'capexInr must be more than 0' },
      { path: 'annualOmCostInr', message: 'annualOmCostInr must be 0 or more' },
      { path: 'lifetimeYears', message: 'lifetimeYears must be 1 or more' },
      { path: 'discountRatePct', message: 'discountRatePct must be 0 or more' },
      { path: 'loan.annualRatePct', message: 'loan.annualRatePct must be at most 100' },
      { path: 'loan.tenureMonths', message: 'loan.tenureMonths must be more than loan.moratoriumMonths' },
    ]);
  });

  it('rejects a subsidy above the capex, alongside other problems', () => {
    expect(issuesOf({ ...example, subsidyInr: '4500000.01', lifetimeYears: 51 })).toEqual([
      { path: 'lifetimeYears', message: 'lifetimeYears must be at most 50' },
      { path: 'subsidyInr', message: 'subsidyInr must not be more than capexInr' },
    ]);
  });

  it('allows a subsidy equal to the capex and a zero discount rate', () => {
    expect(economicsResponse({ ...example, subsidyInr: '4500000', discountRatePct: '0' }, ctx).status).toBe(
      200,
    );
  });

  it.each([
    ['12,50,000', 'capexInr must be a decimal number written as a string, e.g. "12.5"'],
    ['12.5 lakh', 'capexInr must be a decimal number written as a string, e.g. "12.5"'],
    ['1.2.3', 'capexInr must be a decimal number written as a string, e.g. "12.5"'],
    ['', 'capexInr must be a decimal number written as a string, e.g. "12.5"'],
    ['1e5', 'capexInr must be a decimal number written as a string, e.g. "12.5"'],
    [true, 'capexInr must be a decimal number'],
    [null, 'capexInr must be a decimal number'],
    [undefined, 'capexInr is required'],
    ['100000000000.01', 'capexInr must be at most 100000000000 (₹10,000 crore)'],
    [`0.${'0'.repeat(38)}1`, 'capexInr must be at most 40 characters written out in full, e.g. "12.5"'],
    // A JSON number is held to the same: 1e-70 written out has 72 characters.
    [1e-70, 'capexInr must be at most 40 characters written out in full, e.g. "12.5"'],
    // What is wrong is said first: a number out of range, a string that is no number at all.
    [1e50, 'capexInr must be at most 100000000000 (₹10,000 crore)'],
    ['x'.repeat(50), 'capexInr must be a decimal number written as a string, e.g. "12.5"'],
  ])('rejects capexInr %j', (capexInr, message) => {
    expect(issuesOf({ ...example, capexInr })).toEqual([{ path: 'capexInr', message }]);
  });

  it.each([
    [2.5, 'lifetimeYears must be a whole number, written without quotes'],
    ['15', 'lifetimeYears must be a whole number, written without quotes'],
    [undefined, 'lifetimeYears is required'],
  ])('rejects lifetimeYears %j', (lifetimeYears, message) => {
    expect(issuesOf({ ...example, lifetimeYears })).toEqual([{ path: 'lifetimeYears', message }]);
  });

  it('limits the tenure to 360 months and names unknown fields', () => {
    expect(
      issuesOf({ ...example, capex: '1', loan: { ...example.loan, tenureMonths: 361, extra: 1 } }),
    ).toEqual([
      { path: 'loan.tenureMonths', message: 'loan.tenureMonths must be at most 360' },
      { path: 'loan.extra', message: 'loan.extra is not a field of this request' },
      { path: 'capex', message: 'capex is not a field of this request' },
    ]);
  });

  it('rejects a body that is not an object, and a loan that is not one', () => {
    for (const body of [[1], null, 'x', 3]) {
      expect(issuesOf(body)).toEqual([{ path: '', message: 'The request body must be a JSON object' }]);
    }
    expect(issuesOf({ ...example, loan: null })).toEqual([
      { path: 'loan', message: 'loan must be an object' },
    ]);
    expect(issuesOf({ ...example, loan: 'yes' })).toEqual([
      { path: 'loan', message: 'loan must be an object' },
    ]);
  });

  it('lets savings shrink by less than 100 % a year, not more', () => {
    expect(economicsResponse({ ...example, savingsEscalationPct: '-99.9' }, ctx).status).toBe(200);
    expect(issuesOf({ ...example, savingsEscalationPct: '-100' })).toEqual([
      { path: 'savingsEscalationPct', message: 'savingsEscalationPct must be more than -100' },
    ]);
  });

  it('rejects a bad asOf date', () => {
    expect(issuesOf({ ...example, asOf: '22-11-2026' })).toEqual([
      { path: 'asOf', message: 'asOf must be a date written YYYY-MM-DD' },
    ]);
  });
});

describe('schemas for the OpenAPI document', () => {
  it('the request schema converts to JSON Schema describing what clients send', () => {
    const schema = z.toJSONSchema(economicsRequestSchema, { io: 'input' }) as {
      required: string[];
      properties: Record<string, unknown>;
      additionalProperties: boolean;
    };
    expect(schema.required).toEqual([
      'capexInr',
      'annualEnergySavingsInr',
      'lifetimeYears',
      'discountRatePct',
    ]);
    expect(schema.properties.capexInr).toEqual({
      type: ['string', 'number'],
      description: 'Rupees as a decimal string, e.g. "4500000"; more than 0, at most ₹10,000 crore',
    });
    expect(schema.additionalProperties).toBe(false);
  });
  it('the response schema converts too', () => {
    expect(() => z.toJSONSchema(economicsResponseSchema)).not.toThrow();
  });
});
