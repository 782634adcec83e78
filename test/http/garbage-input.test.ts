import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildTestApp, loggedInAgent } from '../helpers/test-app.js';

// Whatever a user can type must never produce a 500: every form and API route gets nonsense and must answer
// with a client status (or a redirect), never a server error.

const NONSENSE = [
  {},
  { a: 'x'.repeat(5000) },
  { name: ['a', 'b'], clusterId: { nested: 1 } },
  { capexInr: '१२,५०,०००', investmentInr: '-0', turnoverInr: '1e400', yearOfStart: '99999999999999999999' },
  { udyamNumber: '<script>alert(1)</script>', identifier: '\u0000', password: '' },
];

const API = ['/api/v1/economics', '/api/v1/classification', '/api/v1/readiness', '/api/v1/matches'];
const API_BODIES = [
  '{}',
  '[]',
  'null',
  '{"capexInr": {"$gt": 1}, "enterprise": [], "project": "x"}',
  '{"capexInr": "99999999999999999999999999999999999999999999", "lifetimeYears": 1e308}',
  JSON.stringify({ enterprise: { clusterId: 'x'.repeat(10000) }, project: { technologyId: null } }),
];

describe('nonsense never makes a server error', () => {
  it('on the JSON API', async () => {
    const { app } = await buildTestApp();
    for (const path of API) {
      for (const body of API_BODIES) {
        const response = await request(app).post(path).set('Content-Type', 'application/json').send(body);
        expect({ path, body, status: response.status < 500 }).toEqual({ path, body, status: true });
      }
    }
  });

  it('on more exports than turnover, which classification cannot read: a 422 naming the field', async () => {
    const { app } = await buildTestApp();
    const enterprise = { turnoverInr: '1000000', exportTurnoverInr: '2000000', investmentInr: '500000' };
    for (const [path, body] of [
      [
        '/api/v1/matches',
        {
          asOf: '2026-11-22',
          enterprise,
          project: { technologyId: 'divided-blast-cupola', capexInr: '2000000', loanInr: '1500000' },
        },
      ],
      [
        '/api/v1/readiness',
        { asOf: '2026-11-22', enterprise, financials: [], credit: { newToCredit: true } },
      ],
      [
        '/api/v1/classification',
        { turnoverInr: '1000000', exportTurnoverInr: '2000000', investmentInr: '500000' },
      ],
    ] as const) {
      const response = await request(app).post(path).send(body);
      expect({ path, status: response.status }).toEqual({ path, status: 422 });
      const prefix = path === '/api/v1/classification' ? '' : 'enterprise.';
      expect(JSON.stringify(response.body)).toContain(
        `${prefix}exportTurnoverInr cannot be more than ${prefix}turnoverInr`,
      );
    }
  });

  it('on public GET pages with odd queries', async () => {
    const { app } = await buildTestApp();
    for (const path of [
      '/check',
      '/calculator',
      '/schemes/%00',
      '/schemes/..%2f..%2fetc',
      '/enterprises/abc',
    ]) {
      for (const query of NONSENSE) {
        const response = await request(app)
          .get(path)
          .query(query as Record<string, string>);
        expect({ path, status: response.status < 500 }).toEqual({ path, status: true });
      }
    }
  });

  it("on every owner's and advisor's form", async () => {
    const testApp = await buildTestApp();
    const owner = await loggedInAgent(testApp.app, 'owner@demo.in');
    const enterprise = testApp.repos.enterprises.findByUdyam('UDYAM-PB-03-0012345')!;
    const ownerForms = [
      '/enterprises',
      `/enterprises/${enterprise.id}/apply`,
      '/check/save',
      ...['enterprise', 'energy', 'finances', 'credit', 'compliance', 'documents'].map(
        (step) => `/enterprises/${enterprise.id}/profile/${step}`,
      ),
    ];
    for (const path of ownerForms) {
      for (const body of NONSENSE) {
        const response = await owner.agent
          .post(path)
          .type('form')
          .send({ _csrf: owner.token, version: 'x', ...body });
        expect({ path, status: response.status < 500 }).toEqual({ path, status: true });
      }
    }
    const advisor = await loggedInAgent(testApp.app, 'advisor@demo.in');
    for (const path of ['/workshops', '/enterprises']) {
      for (const body of NONSENSE) {
        const response = await advisor.agent
          .post(path)
          .type('form')
          .send({ _csrf: advisor.token, ...body });
        expect({ path, status: response.status < 500 }).toEqual({ path, status: true });
      }
    }
  });
});
