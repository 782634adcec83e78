import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildTestApp, csrfTokenIn, loggedInAgent, type TestApp } from '../helpers/test-app.js';

async function ownerWithEnterprise(testApp: TestApp) {
  const { repos } = testApp;
  const owner = repos.users.findByIdentifier('owner@demo.in')!;
  const enterprise = repos.enterprises.listByOwner(owner.id).find((e) => e.name === 'Singh Castings')!;
  const session = await loggedInAgent(testApp.app, 'owner@demo.in');
  return { ...session, id: enterprise.id };
}

const versionIn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1];

describe('the enterprise profile, step by step', () => {
  it('saves each step, moves to the next, and keeps money in paise', async () => {
    const testApp = await buildTestApp();
    const { agent, id } = await ownerWithEnterprise(testApp);
    const step = async (name: string, fields: Record<string, string | string[]>) => {
      const page = await agent.get(`/enterprises/${id}/profile/${name}`);
      expect(page.status).toBe(200);
      return agent
        .post(`/enterprises/${id}/profile/${name}`)
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text), version: versionIn(page.text), ...fields });
    };

    const enterprise = await step('enterprise', {
      name: 'Singh Castings',
      clusterId: 'batala-foundry',
      udyamNumber: 'UDYAM-PB-03-0012345',
      gstNumber: '03abcde1234f1z5',
      constitution: 'proprietorship',
      yearOfStart: '2008',
      ownership: ['women'],
      investmentInr: '1.2 crore',
    });
    expect(enterprise.status).toBe(303);
    expect(enterprise.headers.location).toBe(`/enterprises/${id}/profile/energy`);

    expect(
      (
        await step('energy', {
          productionTonnes: '2,400',
          cokeTonnes: '360',
          electricityKwh: '4.5 lakh',
          annualEnergyBillInr: '₹ 1,05,00,000',
        })
      ).status,
    ).toBe(303);
    expect(
      (
        await step('finances', {
          '2025-26.revenueInr': '3 crore',
          '2025-26.profitAfterTaxInr': '-2,50,000',
          '2025-26.netWorthInr': '85 lakh',
        })
      ).status,
    ).toBe(303);
    expect(
      (
        await step('credit', {
          cmrRank: '5',
          existingLoansInr: '40 lakh',
          existingEmiInr: '95,000',
          smaStatus: 'none',
        })
      ).status,
    ).toBe(303);
    expect(
      (await step('compliance', { consentToOperateUntil: '2027-03-31', gstReturnsFiled: 'yes' })).status,
    ).toBe(303);
    const last = await step('documents', { held: ['udyam-certificate', 'gst-registration'] });
    expect(last.headers.location).toBe(`/enterprises/${id}`);

    const profile = testApp.repos.profiles.load(id)!;
    expect(profile.completedSteps).toEqual([
      'enterprise',
      'energy',
      'finances',
      'credit',
      'compliance',
      'documents',
    ]);
    expect(profile.details.gstNumber).toBe('03ABCDE1234F1Z5');
    expect(profile.details.ownership).toEqual(['women']);
    expect(profile.financials).toHaveLength(1);
    expect(profile.financials[0]?.profitAfterTaxInr?.toString()).toBe('-250000');
    expect(profile.credit?.cmrRank).toBe(5);
    expect(profile.documents.map((d) => [d.documentId, d.provenance])).toEqual([
      ['gst-registration', 'self-declared'],
      ['udyam-certificate', 'self-declared'],
    ]);
    const row = testApp.db.prepare('SELECT investment_paise FROM enterprises WHERE id = ?').get(id) as {
      investment_paise: number;
    };
    expect(row.investment_paise).toBe(1_200_000_000);
    const bill = testApp.db
      .prepare(
        'SELECT annual_energy_bill_paise, electricity_kwh FROM enterprise_energy WHERE enterprise_id = ?',
      )
      .get(id);
    expect(bill).toEqual({ annual_energy_bill_paise: 1_050_000_000, electricity_kwh: '450000' });

    const overview = await agent.get(`/enterprises/${id}`);
    expect(overview.text).toContain('6 of 6 steps saved');
    expect(testApp.repos.audit.recent(6).every((event) => event.action === 'enterprise.step-saved')).toBe(
      true,
    );
    expect(testApp.repos.audit.recent(1)[0]?.details).toMatchObject({
      step: 'documents',
      changed: ['documents'],
    });
  });

  it.each([
    [
      'enterprise',
      {
        name: 'Singh Castings',
        clusterId: 'batala-foundry',
        gstNumber: 'GST123',
        yearOfStart: '2090',
        investmentInr: 'many',
      },
      ['gstNumber', 'yearOfStart', 'investmentInr'],
      'GST123',
    ],
    [
      'energy',
      { cokeTonnes: '-3', electricityKwh: 'lots', productionTonnes: '12,5' },
      ['cokeTonnes', 'electricityKwh', 'productionTonnes'],
      'lots',
    ],
    ['finances', { '2025-26.revenueInr': 'three crore' }, ['2025-26.revenueInr'], 'three crore'],
    ['credit', { cmrRank: '11', smaStatus: 'late' }, ['cmrRank', 'smaStatus'], ''],
    [
      'compliance',
      { consentToOperateUntil: '31/03/2027', gstReturnsFiled: '' },
      ['consentToOperateUntil', 'gstReturnsFiled'],
      '31/03/2027',
    ],
  ])(
    'refuses a bad %s step with a message beside each field and keeps what was typed',
    async (name, fields, badFields, kept) => {
      const testApp = await buildTestApp();
      const { agent, id } = await ownerWithEnterprise(testApp);
      const page = await agent.get(`/enterprises/${id}/profile/${name}`);
      const response = await agent
        .post(`/enterprises/${id}/profile/${name}`)
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text), version: versionIn(page.text), ...fields });
      expect(response.status).toBe(422);
      for (const field of badFields) expect(response.text).toContain(`id="error-${field}"`);
      if (kept) expect(response.text).toContain(`value="${kept}"`);
      expect(testApp.repos.profiles.load(id)?.completedSteps).toEqual([]);
    },
  );

  it('refuses a save from a stale tab with 409, shows both versions and overwrites nothing', async () => {
    const testApp = await buildTestApp();
    const { agent, id } = await ownerWithEnterprise(testApp);
    const tabA = await agent.get(`/enterprises/${id}/profile/credit`);
    const tabB = await agent.get(`/enterprises/${id}/profile/credit`);
    const save = (tab: string, emi: string) =>
      agent
        .post(`/enterprises/${id}/profile/credit`)
        .type('form')
        .send({
          _csrf: csrfTokenIn(tab),
          version: versionIn(tab),
          cmrRank: '4',
          existingLoansInr: '10 lakh',
          existingEmiInr: emi,
          smaStatus: 'none',
        });
    expect((await save(tabA.text, '20,000')).status).toBe(303);
    const stale = await save(tabB.text, '35,000');
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Two versions of this step');
    expect(stale.text).toMatch(/<td>35,000<\/td>\s*<td>20,000<\/td>/);
    expect(testApp.repos.profiles.load(id)?.credit?.existingEmiInr?.toString()).toBe('20000');
    // Saving again from the refreshed form is a deliberate overwrite, and goes through.
    expect((await save(stale.text, '35,000')).status).toBe(303);
    expect(testApp.repos.profiles.load(id)?.credit?.existingEmiInr?.toString()).toBe('35000');
  });

  it('resumes after logging out and in again, with the saved values in the form', async () => {
    const testApp = await buildTestApp();
    const { agent, token, id } = await ownerWithEnterprise(testApp);
    const page = await agent.get(`/enterprises/${id}/profile/energy`);
    await agent
      .post(`/enterprises/${id}/profile/energy`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), version: versionIn(page.text), cokeTonnes: '360.5' });
    await agent.post('/logout').type('form').send({ _csrf: token });
    const again = await loggedInAgent(testApp.app, 'owner@demo.in');
    const resumed = await again.agent.get(`/enterprises/${id}/profile/energy`);
    expect(resumed.text).toContain('value="360.50"');
    expect((await again.agent.get(`/enterprises/${id}`)).text).toContain('1 of 6 steps saved');
  });

  it('keeps another owner out of the profile: 404 to read or to save', async () => {
    const testApp = await buildTestApp();
    const { id } = await ownerWithEnterprise(testApp);
    const stranger = request.agent(testApp.app);
    const signup = await stranger.get('/signup');
    await stranger
      .post('/signup')
      .type('form')
      .send({
        _csrf: csrfTokenIn(signup.text),
        displayName: 'Other Owner',
        identifier: 'other@demo.in',
        password: 'a-long-password',
        passwordConfirmation: 'a-long-password',
      });
    const token = csrfTokenIn((await stranger.get('/enterprises')).text);
    expect((await stranger.get(`/enterprises/${id}/profile/energy`)).status).toBe(404);
    const write = await stranger
      .post(`/enterprises/${id}/profile/energy`)
      .type('form')
      .send({ _csrf: token, version: '1', cokeTonnes: '1' });
    expect(write.status).toBe(404);
    expect(testApp.repos.profiles.load(id)?.energy).toBeNull();
  });

  it('answers an unknown step with 404', async () => {
    const testApp = await buildTestApp();
    const { agent, id } = await ownerWithEnterprise(testApp);
    expect((await agent.get(`/enterprises/${id}/profile/hobbies`)).status).toBe(404);
  });
});
