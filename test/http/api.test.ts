import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildTestApp, catalogue } from '../helpers/test-app.js';
import { API_V1_ECONOMICS_EXAMPLE } from '../fixtures/finance/api-v1-example.js';

const EXAMPLE = API_V1_ECONOMICS_EXAMPLE;

describe('POST /api/v1/economics', () => {
  it('answers the contract example with strings rounded as api-v1 says, without a session or CSRF token', async () => {
    const { app } = await buildTestApp();
    const response = await request(app)
      .post('/api/v1/economics')
      .send({ ...EXAMPLE, asOf: '2026-11-22' });
    expect(response.status).toBe(200);
    const body = response.body as Record<string, unknown> & {
      loan: { years: { year: number; dscr: string }[] };
    };
    expect(body.netAnnualSavingsInr).toBe('1440000.00');
    expect(body.simplePaybackYears).toBe('3.1250');
    expect(body.npvInr).toMatch(/^\d+\.\d{2}$/);
    expect(body.irrPct).toMatch(/^\d+\.\d{6}$/);
    expect(body.loan.years).toHaveLength(5);
    expect(body.loan.years[0]?.year).toBe(1);
    expect(body.rulesVersion).toBe(catalogue.version);
    expect(body.asOf).toBe('2026-11-22');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it("defaults asOf to today's date in India", async () => {
    const { app } = await buildTestApp();
    const response = await request(app).post('/api/v1/economics').send(EXAMPLE);
    expect((response.body as { asOf: string }).asOf).toBe('2026-11-22');
  });

  it('lists every problem at once with a dotted path', async () => {
    const { app } = await buildTestApp();
    const response = await request(app)
      .post('/api/v1/economics')
      .send({
        ...EXAMPLE,
        capexInr: '-5',
        lifetimeYears: 0,
        annualEnergySavingsInr: 'lots',
        discountRatePct: '120',
        annualOmCostInr: '200000000000',
        loan: { ...EXAMPLE.loan, tenureMonths: 6, moratoriumMonths: 6 },
      });
    expect(response.status).toBe(422);
    const body = response.body as { error: string; issues: { path: string; message: string }[] };
    expect(body.error).toBe('invalid_request');
    const paths = body.issues.map((issue) => issue.path).sort();
    expect(paths).toEqual(
      [
        'annualEnergySavingsInr',
        'annualOmCostInr',
        'capexInr',
        'discountRatePct',
        'lifetimeYears',
        'loan.tenureMonths',
      ].sort(),
    );
    expect(body.issues.every((issue) => issue.message.length > 10)).toBe(true);
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const { app } = await buildTestApp();
    const response = await request(app)
      .post('/api/v1/economics')
      .set('Content-Type', 'application/json')
      .send('{"capexInr": ');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).not.toMatch(/\.ts:\d+|at /);
  });

  it('rate-limits each client address with 429 and Retry-After', async () => {
    const { app } = await buildTestApp({ apiRequestsPerMinute: 2 });
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 3; i++) {
      const response = await request(app).post('/api/v1/economics').send(EXAMPLE);
      statuses.push(response.status);
      retryAfter = response.headers['retry-after'];
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe('POST /api/v1/classification', () => {
  const classify = async (body: object) => {
    const { app } = await buildTestApp();
    return request(app).post('/api/v1/classification').send(body);
  };

  it('uses the 2025 norms from 2025-04-01: ₹8 crore investment and ₹30 crore turnover is small', async () => {
    const response = await classify({
      investmentInr: '80000000',
      turnoverInr: '300000000',
      exportTurnoverInr: '0',
      asOf: '2025-06-01',
    });
    expect(response.status).toBe(200);
    const body = response.body as { category: string; norms: { effectiveFrom: string; reference: string } };
    expect(body.category).toBe('small');
    expect(body.norms.effectiveFrom).toBe('2025-04-01');
    expect(body.norms.reference).toMatch(/^https?:\/\//);
  });

  it('uses the 2020 norms before then, where the same enterprise is also small but micro limits differ', async () => {
    const before = await classify({ investmentInr: '20000000', turnoverInr: '90000000', asOf: '2025-03-31' });
    const after = await classify({ investmentInr: '20000000', turnoverInr: '90000000', asOf: '2025-04-01' });
    expect((before.body as { category: string }).category).toBe('small');
    expect((after.body as { category: string }).category).toBe('micro');
  });

  it('leaves exports out of turnover', async () => {
    const response = await classify({
      investmentInr: '20000000',
      turnoverInr: '150000000',
      exportTurnoverInr: '60000000',
      asOf: '2026-01-01',
    });
    expect((response.body as { category: string }).category).toBe('micro');
  });

  it.each(['null', '[]', '"text"', '42'])(
    'answers a JSON body that is not an object (%s) with 422',
    async (json) => {
      const { app } = await buildTestApp();
      for (const path of ['/api/v1/classification', '/api/v1/economics']) {
        const response = await request(app).post(path).set('Content-Type', 'application/json').send(json);
        expect({ path, status: response.status }).toEqual({ path, status: 422 });
      }
    },
  );

  it('refuses exports larger than turnover and negative money, naming each', async () => {
    const response = await classify({ investmentInr: '-1', turnoverInr: '100', exportTurnoverInr: '200' });
    expect(response.status).toBe(422);
    const paths = (response.body as { issues: { path: string }[] }).issues.map((issue) => issue.path).sort();
    expect(paths).toEqual(['exportTurnoverInr', 'investmentInr']);
  });
});

describe('catalogue and contract', () => {
  it('lists all 17 technologies with references', async () => {
    const { app } = await buildTestApp();
    const response = await request(app).get('/api/v1/technologies');
    const technologies = (response.body as { technologies: { id: string; references: string[] }[] })
      .technologies;
    expect(technologies).toHaveLength(17);
    expect(technologies.every((technology) => technology.references.length > 0)).toBe(true);
  });

  it('serves an OpenAPI 3.1 document generated from the request schemas', async () => {
    const { app } = await buildTestApp();
    const response = await request(app).get('/api/v1/openapi.json');
    const doc = response.body as {
      openapi: string;
      paths: Record<
        string,
        {
          post?: {
            requestBody: {
              content: { 'application/json': { schema: { properties: Record<string, unknown> } } };
            };
          };
        }
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    const economics = doc.paths['/api/v1/economics']?.post?.requestBody.content['application/json'].schema;
    expect(Object.keys(economics?.properties ?? {})).toEqual(
      expect.arrayContaining(['capexInr', 'lifetimeYears', 'loan']),
    );
  });

  it('answers an unknown API path with JSON 404', async () => {
    const { app } = await buildTestApp();
    const response = await request(app).get('/api/v1/nothing');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: 'not_found' });
  });
});
