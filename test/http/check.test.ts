import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildTestApp, csrfTokenIn, loggedInAgent } from '../helpers/test-app.js';

const ANSWERS = {
  clusterId: 'batala-foundry',
  investmentInr: '80 lakh',
  turnoverInr: '3 crore',
  furnace: 'cupola',
  monthlyEnergyBillInr: '5,00,000',
  monthlyProductionTonnes: '100',
  ownership: 'women',
};

describe('the quick check', () => {
  it('asks seven questions and answers with the category, the best upgrades and the bank checklist', async () => {
    const { app } = await buildTestApp();
    const page = await request(app).get('/check');
    expect(page.status).toBe(200);
    expect(page.text.match(/class="field__label"/g)?.length).toBe(8); // seven questions + the enterprise name to save
    const answered = await request(app).get('/check').query(ANSWERS);
    expect(answered.status).toBe(200);
    expect(answered.text).toContain('Micro enterprise');
    expect(answered.text).toContain('Divided Blast Cupola');
    expect(answered.text).toContain('₹21.00 lakh');
    expect(answered.text).toContain('Energy audit report');
  });

  it('lists the schemes for the best upgrade with their value, and what is still unknown', async () => {
    const { app } = await buildTestApp();
    const answered = await request(app).get('/check').query(ANSWERS);
    const possible = /May apply[^<]*<\/h4>([\s\S]*?)<\/ul>\s*<details>/.exec(answered.text)?.[1] ?? '';
    // Lower DBC capex ₹10 lakh, loan 80 % = ₹8 lakh; a women-owned micro unit gets 85 % cover = ₹6.80 lakh.
    // The quick check does not ask about Udyam registration, so CGTMSE "may apply" rather than "you qualify".
    expect(possible).toContain('Credit guarantee for micro and small enterprises');
    expect(possible).toContain('₹6.80 lakh');
    expect(possible).toContain('Udyam registration');
    expect(answered.text).toMatch(/other schemes, and why not/);
  });

  it('answers htmx with the results region only', async () => {
    const { app } = await buildTestApp();
    const response = await request(app)
      .get('/check')
      .query(ANSWERS)
      .set('HX-Request', 'true')
      .set('HX-Request-Type', 'partial');
    expect(response.text).not.toContain('<html');
    expect(response.text).toContain('Micro enterprise');
    expect(response.headers.vary).toContain('HX-Request');
  });

  it('reports a bad answer beside its field and still shows what the others give', async () => {
    const { app } = await buildTestApp();
    const response = await request(app)
      .get('/check')
      .query({ ...ANSWERS, turnoverInr: 'lots' });
    expect(response.status).toBe(422);
    expect(response.text).toContain('id="error-turnoverInr"');
    expect(response.text).toContain('value="lots"');
    expect(response.text).toContain('Divided Blast Cupola');
  });

  it('carries the answers through sign-up into a first enterprise, losing nothing', async () => {
    const testApp = await buildTestApp();
    const agent = request.agent(testApp.app);
    const page = await agent.get('/check').query(ANSWERS);
    const saved = await agent
      .post('/check/save')
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), ...ANSWERS, enterpriseName: 'Kaur Castings' });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe('/signup?from=check');
    const signup = await agent.get('/signup');
    const created = await agent
      .post('/signup')
      .type('form')
      .send({
        _csrf: csrfTokenIn(signup.text),
        displayName: 'Harpreet Kaur',
        identifier: '9815012345',
        password: 'a-long-password',
        passwordConfirmation: 'a-long-password',
      });
    expect(created.status).toBe(303);
    const id = Number(/^\/enterprises\/(\d+)$/.exec(created.headers.location as string)?.[1]);
    const profile = testApp.repos.profiles.load(id)!;
    expect(profile.details.name).toBe('Kaur Castings');
    expect(profile.details.clusterId).toBe('batala-foundry');
    expect(profile.details.investmentInr?.toString()).toBe('8000000');
    expect(profile.details.ownership).toEqual(['women']);
    expect(profile.energy?.annualEnergyBillInr?.toString()).toBe('6000000');
    expect(profile.energy?.productionTonnes?.toString()).toBe('1200');
    expect(profile.financials[0]?.revenueInr?.toString()).toBe('30000000');
    expect(profile.completedSteps).toEqual([]);
  });

  it('saves straight into a new enterprise for a signed-in owner', async () => {
    const testApp = await buildTestApp();
    const { agent, token } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const saved = await agent
      .post('/check/save')
      .type('form')
      .send({ _csrf: token, ...ANSWERS, enterpriseName: 'Third Foundry' });
    expect(saved.status).toBe(303);
    expect((await agent.get(saved.headers.location as string)).text).toContain('<h1>Third Foundry</h1>');
  });

  it('refuses to save without a name or a cluster, keeping the answers', async () => {
    const { app } = await buildTestApp();
    const agent = request.agent(app);
    const page = await agent.get('/check');
    const response = await agent
      .post('/check/save')
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), ...ANSWERS, clusterId: '', enterpriseName: '' });
    expect(response.status).toBe(422);
    expect(response.text).toContain('Enter the enterprise name');
    expect(response.text).toContain('Choose your cluster first');
    expect(response.text).toContain('value="80 lakh"');
  });
});
