import { describe, expect, it } from 'vitest';
import { buildTestApp, loggedInAgent } from '../helpers/test-app.js';

describe('administration', () => {
  it('creates an association serving clusters, then an advisor who works in them', async () => {
    const testApp = await buildTestApp();
    const { agent, token } = await loggedInAgent(testApp.app, 'admin@demo.in');
    const created = await agent.post('/admin/organisations').type('form').send({
      _csrf: token,
      kind: 'association',
      name: 'Jalandhar Foundry Association',
      clusterIds: 'jalandhar-foundry',
    });
    expect(created.status).toBe(303);
    const association = testApp.services.organisations
      .list()
      .find((o) => o.name === 'Jalandhar Foundry Association')!;
    expect(association.clusterIds).toEqual(['jalandhar-foundry']);

    const advisor = await agent
      .post('/admin/users')
      .type('form')
      .send({
        _csrf: token,
        role: 'advisor',
        displayName: 'Navdeep Gill',
        identifier: 'navdeep@jfa.in',
        password: 'a-long-password',
        associationId: String(association.id),
      });
    expect(advisor.status).toBe(303);
    const { agent: advisorAgent } = await loggedInAgent(testApp.app, 'navdeep@jfa.in', 'a-long-password');
    expect((await advisorAgent.get('/advisor')).text).toContain('Jalandhar foundry cluster');
    const actions = testApp.repos.audit.recent(10).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['organisation.created', 'user.created']));
  });

  it('adds a branch to a lender and an officer to that branch', async () => {
    const testApp = await buildTestApp();
    const { agent, token } = await loggedInAgent(testApp.app, 'admin@demo.in');
    const sidbi = testApp.services.organisations.list().find((o) => o.name === 'SIDBI')!;
    expect(
      (
        await agent
          .post(`/admin/organisations/${sidbi.id}/branches`)
          .type('form')
          .send({ _csrf: token, name: 'SIDBI Jaipur', city: 'Jaipur' })
      ).status,
    ).toBe(303);
    const branch = testApp.services.organisations
      .find(sidbi.id)!
      .branches.find((b) => b.name === 'SIDBI Jaipur')!;
    const officer = await agent
      .post('/admin/users')
      .type('form')
      .send({
        _csrf: token,
        role: 'bank_officer',
        displayName: 'Meena Joshi',
        identifier: '9829012345',
        password: 'a-long-password',
        branchId: String(branch.id),
      });
    expect(officer.status).toBe(303);
    const user = testApp.repos.users.findByIdentifier('9829012345')!;
    expect([user.role, user.organisationId, user.branchId]).toEqual(['bank_officer', sidbi.id, branch.id]);
  });

  it('says what is missing and keeps what was typed, without echoing the password', async () => {
    const testApp = await buildTestApp();
    const { agent, token } = await loggedInAgent(testApp.app, 'admin@demo.in');
    const response = await agent.post('/admin/users').type('form').send({
      _csrf: token,
      role: 'bank_officer',
      displayName: 'Meena Joshi',
      identifier: 'owner@demo.in',
      password: 'a-long-secret',
    });
    expect(response.status).toBe(422);
    expect(response.text).toContain('Choose the branch this officer works in');
    expect(response.text).toContain('value="Meena Joshi"');
    expect(response.text).not.toContain('a-long-secret');

    const organisation = await agent
      .post('/admin/organisations')
      .type('form')
      .send({ _csrf: token, kind: 'association', name: 'Empty Association' });
    expect(organisation.status).toBe(422);
    expect(organisation.text).toContain('Tick at least one cluster the association serves');
    expect(organisation.text).toContain('value="Empty Association"');
  });

  it('refuses a duplicate organisation name and a branch for an unknown lender', async () => {
    const testApp = await buildTestApp();
    const { agent, token } = await loggedInAgent(testApp.app, 'admin@demo.in');
    const duplicate = await agent
      .post('/admin/organisations')
      .type('form')
      .send({ _csrf: token, kind: 'lender', name: 'SIDBI' });
    expect(duplicate.status).toBe(422);
    expect(duplicate.text).toContain('already exists');
    expect(
      (
        await agent
          .post('/admin/organisations/99999/branches')
          .type('form')
          .send({ _csrf: token, name: 'X branch', city: 'Y' })
      ).status,
    ).toBe(404);
  });
});
