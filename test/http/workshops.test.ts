import { describe, expect, it } from 'vitest';
import { buildTestApp, loggedInAgent, type TestApp } from '../helpers/test-app.js';

async function advisorWithWorkshop(testApp: TestApp) {
  const session = await loggedInAgent(testApp.app, 'advisor@demo.in');
  const sidbi = testApp.services.organisations.list().find((o) => o.name === 'SIDBI')!;
  const created = await session.agent
    .post('/workshops')
    .type('form')
    .send({
      _csrf: session.token,
      clusterId: 'batala-foundry',
      heldOn: '2026-12-05',
      venue: 'Batala Club',
      lenderIds: String(sidbi.id),
    });
  expect(created.status).toBe(303);
  const id = Number(/\/workshops\/(\d+)/.exec(created.headers.location as string)?.[1]);
  return { ...session, id };
}

describe('workshop mode', () => {
  it('creates a workshop, registers units from the list and at the door, and records outcomes', async () => {
    const testApp = await buildTestApp();
    const { agent, token, id } = await advisorWithWorkshop(testApp);
    const page = await agent.get(`/workshops/${id}`);
    expect(page.text).toContain('Workshop of 05-12-2026');
    expect(page.text).toContain('Presenting: SIDBI');

    const singh = testApp.repos.enterprises.findByUdyam('UDYAM-PB-03-0012345')!;
    expect(
      (
        await agent
          .post(`/workshops/${id}/units`)
          .type('form')
          .send({ _csrf: token, enterpriseId: String(singh.id) })
      ).status,
    ).toBe(303);
    const added = await agent
      .post(`/workshops/${id}/quick-add`)
      .type('form')
      .send({ _csrf: token, name: 'Walk-in Castings', udyamNumber: '' });
    expect(added.status).toBe(303);
    const walkIn = testApp.repos.enterprises
      .listByClusters(['batala-foundry'])
      .find((e) => e.name === 'Walk-in Castings')!;
    expect(walkIn.ownerUserId).toBeNull();

    const outcome = await agent
      .post(`/workshops/${id}/units/${singh.id}`)
      .type('form')
      .send({ _csrf: token, outcome: 'validated', interests: ['adeetie', 'cgtmse'] });
    expect(outcome.status).toBe(303);
    const units = testApp.repos.workshops.units(id);
    expect(units.map((u) => [u.enterpriseName, u.outcome, u.interests])).toEqual([
      ['Singh Castings', 'validated', ['adeetie', 'cgtmse']],
      ['Walk-in Castings', 'pending', []],
    ]);
    const actions = testApp.repos.audit.recent(10).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['workshop.created', 'workshop.unit-registered', 'workshop.outcome-recorded']),
    );
  });

  it('shows the projector anonymised — counts only, no unit names — and refreshes the figures for htmx', async () => {
    const testApp = await buildTestApp();
    const { agent, token, id } = await advisorWithWorkshop(testApp);
    const singh = testApp.repos.enterprises.findByUdyam('UDYAM-PB-03-0012345')!;
    await agent
      .post(`/workshops/${id}/units`)
      .type('form')
      .send({ _csrf: token, enterpriseId: String(singh.id) });
    await agent
      .post(`/workshops/${id}/units/${singh.id}`)
      .type('form')
      .send({ _csrf: token, outcome: 'validated', interests: 'adeetie' });
    const projector = await agent.get(`/workshops/${id}/projector`);
    expect(projector.status).toBe(200);
    expect(projector.text).toContain('class="projector"');
    expect(projector.text).toContain('hx-trigger="every 5s"');
    expect(projector.text).not.toContain('Singh Castings');
    expect(projector.text).not.toContain('Gurdaspur Grey Iron Works');
    const fragment = await agent
      .get(`/workshops/${id}/projector`)
      .set('HX-Request', 'true')
      .set('HX-Request-Type', 'partial');
    expect(fragment.text).not.toContain('<html');
    expect(fragment.text).toMatch(/<span>1<\/span> Validated, ready to apply/);
    const summary = await agent.get(`/workshops/${id}/summary`);
    expect(summary.text).toContain('Singh Castings');
  });

  it("keeps workshops to their association: another association's advisor gets 404, an owner 403", async () => {
    const testApp = await buildTestApp();
    const { id } = await advisorWithWorkshop(testApp);
    const howrah = testApp.services.organisations
      .list()
      .find((o) => o.name === 'Howrah Foundry Association')!;
    await testApp.services.accounts.createAccount(
      {
        identifier: { email: 'howrah@demo.in', mobile: null },
        displayName: 'Howrah Advisor',
        password: 'a-long-password',
        role: 'advisor',
        organisationId: howrah.id,
        branchId: null,
      },
      { actor: null, requestId: 'test' },
    );
    const { agent } = await loggedInAgent(testApp.app, 'howrah@demo.in', 'a-long-password');
    for (const path of [`/workshops/${id}`, `/workshops/${id}/projector`, `/workshops/${id}/summary`]) {
      expect({ path, status: (await agent.get(path)).status }).toEqual({ path, status: 404 });
    }
    expect((await agent.get('/workshops')).text).not.toContain('Batala Club');
    const { agent: owner } = await loggedInAgent(testApp.app, 'owner@demo.in');
    expect((await owner.get(`/workshops/${id}`)).status).toBe(403);
  });

  it('refuses a workshop in a cluster the association does not serve, and a unit from elsewhere', async () => {
    const testApp = await buildTestApp();
    const { agent, token, id } = await advisorWithWorkshop(testApp);
    const bad = await agent
      .post('/workshops')
      .type('form')
      .send({ _csrf: token, clusterId: 'howrah-foundry', heldOn: 'soon', venue: '' });
    expect(bad.status).toBe(422);
    for (const field of ['clusterId', 'heldOn', 'venue']) expect(bad.text).toContain(`id="error-${field}"`);
    expect(
      (await agent.post(`/workshops/${id}/units`).type('form').send({ _csrf: token, enterpriseId: '99999' }))
        .status,
    ).toBe(422);
  });
});
