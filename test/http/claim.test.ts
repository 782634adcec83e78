import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildTestApp, csrfTokenIn, loggedInAgent } from '../helpers/test-app.js';

describe('claiming a unit an advisor created', () => {
  it('gives the owner a one-time link that survives sign-up and makes the profile theirs', async () => {
    const testApp = await buildTestApp();
    const advisor = await loggedInAgent(testApp.app, 'advisor@demo.in');
    const created = await advisor.agent
      .post('/enterprises')
      .type('form')
      .send({ _csrf: advisor.token, name: 'Bhatia Foundry', clusterId: 'batala-foundry', udyamNumber: '' });
    const id = Number(/\/enterprises\/(\d+)/.exec(created.headers.location as string)?.[1]);
    expect(testApp.repos.enterprises.findById(id)?.ownerUserId).toBeNull();
    expect((await advisor.agent.get(`/enterprises/${id}`)).text).toContain('Create a link for the owner');

    const linkPage = await advisor.agent
      .post(`/enterprises/${id}/claim-link`)
      .type('form')
      .send({ _csrf: advisor.token });
    expect(linkPage.status).toBe(200);
    expect(linkPage.headers['cache-control']).toContain('no-store');
    const path = /\/claim\/[\w-]+/.exec(linkPage.text)?.[0] ?? '';
    expect(path).not.toBe('');

    // The owner has no account yet: the link sends them to log in, and sign-up brings them back to it.
    const owner = request.agent(testApp.app);
    expect((await owner.get(path)).headers.location).toBe('/login');
    const signup = await owner.get('/signup');
    const signedUp = await owner
      .post('/signup')
      .type('form')
      .send({
        _csrf: csrfTokenIn(signup.text),
        displayName: 'Ravi Bhatia',
        identifier: 'ravi@bhatia.in',
        password: 'a-long-password',
        passwordConfirmation: 'a-long-password',
      });
    expect(signedUp.headers.location).toBe(path);
    const confirm = await owner.get(path);
    expect(confirm.text).toContain('Bhatia Foundry');
    const claimed = await owner
      .post(path)
      .type('form')
      .send({ _csrf: csrfTokenIn(confirm.text) });
    expect(claimed.headers.location).toBe(`/enterprises/${id}`);
    expect(testApp.repos.enterprises.findById(id)?.ownerUserId).toBe(
      testApp.repos.users.findByIdentifier('ravi@bhatia.in')?.id,
    );
    expect((await owner.get(`/enterprises/${id}`)).status).toBe(200);

    // Used once: the link is gone, for this owner and anyone else.
    expect((await owner.get(path)).status).toBe(404);
    const other = await loggedInAgent(testApp.app, 'owner@demo.in');
    expect((await other.agent.post(path).type('form').send({ _csrf: other.token })).status).toBe(404);
    expect(testApp.repos.audit.recent(5).map((e) => e.action)).toContain('enterprise.claimed');
  });

  it('is made only by the advisor of the unit, only while it has no owner', async () => {
    const testApp = await buildTestApp();
    const owned = testApp.repos.enterprises.findByUdyam('UDYAM-PB-03-0012345')!;
    const advisor = await loggedInAgent(testApp.app, 'advisor@demo.in');
    expect(
      (
        await advisor.agent
          .post(`/enterprises/${owned.id}/claim-link`)
          .type('form')
          .send({ _csrf: advisor.token })
      ).status,
    ).toBe(404);
    const owner = await loggedInAgent(testApp.app, 'owner@demo.in');
    expect(
      (
        await owner.agent
          .post(`/enterprises/${owned.id}/claim-link`)
          .type('form')
          .send({ _csrf: owner.token })
      ).status,
    ).toBe(403);
    expect((await owner.agent.get('/claim/not-a-real-token')).status).toBe(404);
  });
});
