import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../src/services/api-token-service.js';
import type { Actor } from '../../src/services/actor.js';
import { buildTestApp, csrfTokenIn, loggedInAgent, type TestApp } from '../helpers/test-app.js';
import {
  actorFor,
  changeContext,
  createOfficer,
  demoLenders,
  submitCupolaApplication,
} from '../builders/people-and-energy.js';

const context = changeContext;

/** The demo owner's Singh Castings applies to SIDBI Ludhiana; tokens for SIDBI's officers and for PNB's. */
async function setUp() {
  const testApp = await buildTestApp();
  const { services, repos } = testApp;
  const owner = actorFor(testApp, 'owner@demo.in');
  const admin = actorFor(testApp, 'admin@demo.in');
  const enterprise = repos.enterprises.listByOwner(owner.userId).find((e) => e.name === 'Singh Castings')!;
  const { sidbi, ludhiana, pnb } = demoLenders(testApp);
  const submit = (loan: string, capex = '4000000') =>
    submitCupolaApplication(testApp, owner, {
      enterpriseId: enterprise.id,
      branchId: ludhiana.id,
      loan,
      capex,
    });
  const newOfficer = (email: string, lenderId: number, branchId: number) =>
    createOfficer(testApp, email, lenderId, branchId);
  const tokenFor = (officer: Actor, label = 'loan system') => {
    const outcome = services.apiTokens.create(admin, { actingUserId: officer.userId, label }, context(admin));
    if (!outcome.ok) throw new Error(`token refused: ${outcome.error}`);
    return outcome;
  };
  const officer = actorFor(testApp, 'officer@demo.in');
  const pnbOfficer = await newOfficer('pnb@demo.in', pnb.lender.id, pnb.branches[0]!.id);
  return { testApp, admin, owner, submit, newOfficer, tokenFor, officer, pnbOfficer, sidbi, ludhiana };
}

const api = (testApp: TestApp) => request(testApp.app);
interface Listing {
  applications: { ackNumber: string; status: string }[];
  total: number;
}
const listing = (response: { body: unknown }) => response.body as Listing;
const acksOf = (response: { body: unknown }) => listing(response).applications.map((a) => a.ackNumber);
const issuePaths = (response: { body: unknown }) =>
  (response.body as { issues: { path: string }[] }).issues.map((issue) => issue.path).sort();
const field = (response: { body: unknown }, name: string) => (response.body as Record<string, unknown>)[name];
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('API tokens', () => {
  it('are created by an admin on a page that shows the token once, stored hashed, audited and revocable', async () => {
    const { testApp, submit } = await setUp();
    const ack = submit('1500000');
    const { agent } = await loggedInAgent(testApp.app, 'admin@demo.in');
    const page = await agent.get('/admin/api-tokens');
    expect(page.status).toBe(200);
    const officerId = String(testApp.repos.users.findByIdentifier('officer@demo.in')!.id);

    const missing = await agent
      .post('/admin/api-tokens')
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), label: '', actingUserId: '' });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('Say what the token is for');
    expect(missing.text).toContain('Choose the officer the token acts as');

    const created = await agent
      .post('/admin/api-tokens')
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), label: 'SIDBI LOS', actingUserId: officerId });
    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const token = /id="new-api-token">([^<]+)</.exec(created.text)?.[1] ?? '';
    expect(token).toMatch(/^hst_[\w-]{43}$/);

    // Stored as its hash only; the list shows the first characters, never the token.
    const stored = testApp.db.prepare('SELECT token_hash FROM api_tokens').all() as { token_hash: string }[];
    expect(stored).toEqual([{ token_hash: hashToken(token) }]);
    const list = await agent.get('/admin/api-tokens');
    expect(list.text).toContain('SIDBI LOS');
    expect(list.text).toContain(token.slice(0, 10));
    expect(list.text).not.toContain(token);

    expect((await api(testApp).get('/api/v1/applications').set(bearer(token))).status).toBe(200);
    expect((await api(testApp).get(`/api/v1/applications/${ack}`).set(bearer(token))).status).toBe(200);

    const id = testApp.repos.apiTokens.list()[0]!.id;
    const revoked = await agent
      .post(`/admin/api-tokens/${id}/revoke`)
      .type('form')
      .send({ _csrf: csrfTokenIn(list.text) });
    expect(revoked.status).toBe(303);
    const refused = await api(testApp).get('/api/v1/applications').set(bearer(token));
    expect(refused.status).toBe(401);
    expect(refused.headers['www-authenticate']).toContain('Bearer');
    expect((await api(testApp).get(`/api/v1/applications/${ack}`).set(bearer(token))).status).toBe(401);

    const actions = testApp.db
      .prepare("SELECT action FROM audit_events WHERE object_type = 'api-token' ORDER BY id")
      .all();
    expect(actions).toEqual([{ action: 'api-token.created' }, { action: 'api-token.revoked' }]);
  });

  it('are refused when missing, malformed or unknown, and only admins reach the token page', async () => {
    const { testApp } = await setUp();
    expect((await api(testApp).get('/api/v1/applications')).status).toBe(401);
    expect((await api(testApp).get('/api/v1/applications').set('Authorization', 'Basic abc')).status).toBe(
      401,
    );
    expect((await api(testApp).get('/api/v1/applications').set(bearer('hst_not-a-token'))).status).toBe(401);
    const { agent } = await loggedInAgent(testApp.app, 'officer@demo.in');
    expect((await agent.get('/admin/api-tokens')).status).toBe(403);
  });
});

describe("the lenders' API", () => {
  it("lists the token's lender's applications by status and gives the snapshot; another lender's are 404", async () => {
    const { testApp, submit, tokenFor, officer, pnbOfficer } = await setUp();
    const first = submit('1000000');
    const second = submit('2000000');
    const { token } = tokenFor(officer);
    testApp.services.reviews.decide(officer, second, 1, { action: 'start-review' }, context(officer));

    const all = await api(testApp).get('/api/v1/applications').set(bearer(token));
    expect(all.status).toBe(200);
    expect(acksOf(all)).toEqual([first, second]);
    expect(listing(all).applications[0]).toMatchObject({
      status: 'submitted',
      loanInr: '1000000.00',
      version: 1,
    });

    const submitted = await api(testApp).get('/api/v1/applications?status=submitted').set(bearer(token));
    expect(acksOf(submitted)).toEqual([first]);
    const both = await api(testApp)
      .get('/api/v1/applications?status=submitted,under-review')
      .set(bearer(token));
    expect(listing(both).total).toBe(2);

    const bad = await api(testApp)
      .get('/api/v1/applications?status=approved&pageSize=500')
      .set(bearer(token));
    expect(bad.status).toBe(422);
    expect(field(bad, 'error')).toBe('invalid_request');
    expect(issuePaths(bad)).toEqual(['pageSize', 'status.0']);

    const one = await api(testApp).get(`/api/v1/applications/${first}`).set(bearer(token));
    expect(one.status).toBe(200);
    const stored = testApp.repos.applications.findByAck(first)!;
    expect(field(one, 'snapshot')).toEqual(JSON.parse(JSON.stringify(stored.snapshot)));
    expect(one.body).toMatchObject({
      ackNumber: first,
      rulesVersion: stored.rulesVersion,
      actions: ['start-review'],
    });
    // Reading a file through the API is a view by the token's officer, on the file's trail.
    expect(testApp.repos.reviews.trail(first).some((entry) => entry.action === 'application.viewed')).toBe(
      true,
    );

    const other = tokenFor(pnbOfficer, 'PNB system').token;
    expect(listing(await api(testApp).get('/api/v1/applications').set(bearer(other))).total).toBe(0);
    expect((await api(testApp).get(`/api/v1/applications/${first}`).set(bearer(other))).status).toBe(404);
    const decision = await api(testApp)
      .post(`/api/v1/applications/${first}/decision`)
      .set(bearer(other))
      .send({ action: 'start-review' });
    expect(decision.status).toBe(404);
    expect(testApp.repos.applications.findByAck(first)!.status).toBe('submitted');
  });

  it('takes decisions with the rules of the pages, lists every problem, and applies maker-checker', async () => {
    const { testApp, submit, tokenFor, officer, newOfficer, sidbi, ludhiana } = await setUp();
    const ack = submit('3000000'); // above the ₹25 lakh second-approval limit
    const maker = tokenFor(officer, 'maker').token;
    const decide = (token: string, body: object) =>
      api(testApp).post(`/api/v1/applications/${ack}/decision`).set(bearer(token)).send(body);

    const invalid = await decide(maker, {
      action: 'sanction',
      sanction: { amountInr: 'lots', ratePct: '140', tenureMonths: 0 },
      colour: 'green',
    });
    expect(invalid.status).toBe(422);
    expect(issuePaths(invalid)).toEqual([
      'colour',
      'sanction.amountInr',
      'sanction.ratePct',
      'sanction.tenureMonths',
    ]);
    const noReasons = await decide(maker, { action: 'decline' });
    expect(noReasons.status).toBe(422);
    expect(field(noReasons, 'issues')).toEqual([
      { path: 'reasons', message: 'reasons needs at least one reason to decline' },
    ]);
    const notJson = await api(testApp)
      .post(`/api/v1/applications/${ack}/decision`)
      .set(bearer(maker))
      .type('form')
      .send({ action: 'start-review' });
    expect(notJson.status).toBe(415);

    expect((await decide(maker, { action: 'recommend' })).body).toMatchObject({
      error: 'not_allowed',
      status: 'submitted',
    });
    const started = await decide(maker, { action: 'start-review', expectedVersion: 1 });
    expect(started.body).toEqual({ ackNumber: ack, status: 'under-review', version: 2 });
    const stale = await decide(maker, {
      action: 'request-information',
      message: 'Quotation?',
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'conflict', status: 'under-review', version: 2 });

    const terms = { amountInr: '3000000', ratePct: '9.5', tenureMonths: 60, conditions: 'Hypothecation' };
    expect(field(await decide(maker, { action: 'recommend', sanction: terms }), 'status')).toBe(
      'recommended',
    );
    expect((await decide(maker, { action: 'recommend' })).status).toBe(409);
    const self = await decide(maker, { action: 'sanction', sanction: terms });
    expect(self.status).toBe(409);
    expect(self.body).toMatchObject({ error: 'maker_checker', refusal: 'self-approval' });

    const checkerOfficer = await newOfficer('checker@demo.in', sidbi.lender.id, ludhiana.id);
    const checker = tokenFor(checkerOfficer, 'checker').token;
    const sanctioned = await decide(checker, { action: 'sanction', sanction: terms });
    expect(sanctioned.status).toBe(200);
    expect(field(sanctioned, 'status')).toBe('sanctioned');

    // Audited as the officers, with the token beside each decision.
    const rows = testApp.db
      .prepare(
        "SELECT action, actor_user_id AS actor, details FROM audit_events WHERE object_id = ? AND action LIKE 'api.%' ORDER BY id",
      )
      .all(ack) as { action: string; actor: number; details: string }[];
    expect(rows.map((row) => [row.action, row.actor])).toEqual([
      ['api.start-review', officer.userId],
      ['api.recommend', officer.userId],
      ['api.sanction', checkerOfficer.userId],
    ]);
  });

  it('is in the OpenAPI document', async () => {
    const { testApp } = await setUp();
    interface Operation {
      requestBody?: { content: Record<string, { schema: { properties: { action: { enum: string[] } } } }> };
    }
    const document = (await api(testApp).get('/api/v1/openapi.json')).body as {
      paths: Record<string, Record<string, Operation>>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/applications',
        '/api/v1/applications/{ack}',
        '/api/v1/applications/{ack}/decision',
      ]),
    );
    const decision = document.paths['/api/v1/applications/{ack}/decision']!.post!;
    expect(decision.requestBody!.content['application/json']!.schema.properties.action.enum).toContain(
      'sanction',
    );
  });
});
