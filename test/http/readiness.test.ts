import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildTestApp, catalogue } from '../helpers/test-app.js';
import { READINESS_EXAMPLE } from '../fixtures/readiness/api-example.js';

type Body = Record<string, unknown> & {
  issues: { path: string; message: string }[];
  ratios: Record<string, string | null>;
  factors: { id: string; points: string; maxPoints: string; explanation: string }[];
  actions: { id: string; text: string; pointsGain: string | null }[];
  gates: { id: string; passed: boolean }[];
  sensitivity: {
    cases: { label: string; minDscr: string | null }[];
    breakEven: { annualEnergySavingsInr: string };
  };
};

async function post(body: unknown) {
  const { app } = await buildTestApp();
  const response = await request(app)
    .post('/api/v1/readiness')
    .send(body as object);
  return { status: response.status, body: response.body as Body };
}

describe('POST /api/v1/readiness', () => {
  it('answers with the api-v1 fields, strings rounded, and a sensitivity table', async () => {
    const { status, body } = await post(READINESS_EXAMPLE);
    expect(status).toBe(200);
    expect(body.score).toMatch(/^\d{1,3}\.\d{2}$/);
    expect(['ready', 'nearly-ready', 'not-ready']).toContain(body.band);
    expect(body.gates.map((g) => g.id)).toEqual([
      'no-current-default',
      'udyam-registered',
      'consent-to-operate',
      'positive-saving',
    ]);
    expect(Object.keys(body.ratios)).toEqual(
      expect.arrayContaining(['currentRatio', 'tolTnw', 'dscr', 'projectDscrYear1']),
    );
    expect(body.ratios.currentRatio).toBe('1.500000');
    expect(body.ratios.tolTnw).toBe('2.500000');
    expect(body.ratios.dscr).toBe('1.785714');
    expect(body.factors).toHaveLength(14);
    expect(body.factors[0]).toMatchObject({ id: 'existing-dscr', points: '8.00', maxPoints: '8.00' });
    expect(body.actions[0]?.pointsGain).toMatch(/^\d+\.\d{2}$/);
    expect(body.sensitivity.cases).toHaveLength(7);
    expect(body.sensitivity.breakEven.annualEnergySavingsInr).toMatch(/^\d+\.\d{2}$/);
    expect(body.rulesVersion).toBe(catalogue.version);
    expect(body.asOf).toBe('2026-11-22');
  });

  it('speaks Hindi when asked', async () => {
    const { body } = await post({ ...READINESS_EXAMPLE, lang: 'hi' });
    expect(body.factors[0]?.explanation).toMatch(/[\u0900-\u097F]/);
    expect(body.actions.every((a) => /[\u0900-\u097F]/.test(a.text))).toBe(true);
  });

  it('names every inconsistency in the statements at once', async () => {
    const [latest, previous] = READINESS_EXAMPLE.financials;
    const { status, body } = await post({
      ...READINESS_EXAMPLE,
      financials: [
        { ...latest, currentAssetsInr: '-5' },
        { ...previous, netWorthInr: '100000', intangibleAssetsInr: '200000' },
        {
          fiscalYear: '2026-27',
          termLoanRepaymentInr: '50000',
          interestInr: '0',
          totalOutsideLiabilitiesInr: '0',
        },
      ],
      credit: { cmrRank: 11, smaStatus: null },
      documents: { 'kyc-promoters': 'document-verified', horoscope: 'self-declared' },
    });
    expect(status).toBe(422);
    const byPath = Object.fromEntries(body.issues.map((issue) => [issue.path, issue.message]));
    expect(byPath['financials.0.currentAssetsInr']).toBe('currentAssetsInr must be 0 or more');
    expect(byPath['financials.1.netWorthInr']).toMatch(
      /below intangible assets .*tangible net worth is negative/,
    );
    expect(byPath['financials.2.termLoanRepaymentInr']).toMatch(
      /repayment is given but the year shows no loan/,
    );
    expect(byPath['financials.2.fiscalYear']).toMatch(/ends on 2027-03-31, after asOf 2026-11-22/);
    expect(byPath['credit.cmrRank']).toBe('credit.cmrRank must be at most 10');
    expect(byPath['documents.horoscope']).toMatch(/not a document/);
  });

  it('refuses a fiscal year given twice and a CMR rank below 1', async () => {
    const [latest] = READINESS_EXAMPLE.financials;
    const { status, body } = await post({
      ...READINESS_EXAMPLE,
      financials: [latest, latest],
      credit: { cmrRank: 0 },
    });
    expect(status).toBe(422);
    expect(body.issues.map((issue) => issue.path).sort()).toEqual([
      'credit.cmrRank',
      'financials.1.fiscalYear',
    ]);
  });

  it('takes a missing year and a file without statements, and says the confidence is lower', async () => {
    const { status, body } = await post({
      ...READINESS_EXAMPLE,
      financials: [READINESS_EXAMPLE.financials[0]],
    });
    expect(status).toBe(200);
    expect(body.confidence).toEqual({ level: 'low', missingFiscalYears: ['2024-25', '2023-24'] });
    const none = await post({ ...READINESS_EXAMPLE, financials: [] });
    expect(none.status).toBe(200);
    expect(none.body.ratios.dscr).toBeNull();
    expect((none.body.ratioReasons as Record<string, string>).dscr).toBe(
      'no financial statements were given',
    );
  });

  it('is in the OpenAPI document', async () => {
    const { app } = await buildTestApp();
    const response = await request(app).get('/api/v1/openapi.json');
    expect(Object.keys((response.body as { paths: object }).paths)).toContain('/api/v1/readiness');
  });
});
