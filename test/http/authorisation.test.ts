import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildTestApp, loggedInAgent } from '../helpers/test-app.js';

type Who = 'anonymous' | 'owner' | 'advisor' | 'bank_officer' | 'admin';

const EMAIL: Record<Exclude<Who, 'anonymous'>, string> = {
  owner: 'owner@demo.in',
  advisor: 'advisor@demo.in',
  bank_officer: 'officer@demo.in',
  admin: 'admin@demo.in',
};

/** Each area and who may open it; everyone else is turned away (anonymous users to the login page). */
const AREAS: [string, Who[]][] = [
  ['/', ['anonymous', 'owner', 'advisor', 'bank_officer', 'admin']],
  ['/login', ['anonymous']],
  ['/signup', ['anonymous', 'owner', 'advisor', 'bank_officer', 'admin']],
  ['/enterprises', ['owner', 'advisor']],
  ['/enterprises/new', ['owner', 'advisor']],
  ['/advisor', ['advisor']],
  ['/bank/applications', ['bank_officer']],
  ['/admin', ['admin']],
  ['/admin/users', ['admin']],
  ['/admin/users/new', ['admin']],
  ['/admin/organisations', ['admin']],
  ['/admin/organisations/new', ['admin']],
  ['/check', ['anonymous', 'owner', 'advisor', 'bank_officer', 'admin']],
  ['/calculator', ['anonymous', 'owner', 'advisor', 'bank_officer', 'admin']],
  ['/schemes', ['anonymous', 'owner', 'advisor', 'bank_officer', 'admin']],
  ['/applications', ['owner']],
  ['/workshops', ['advisor']],
  ['/imports', ['advisor']],
  ['/clusters/batala-foundry', ['advisor']],
];

const WHO: Who[] = ['anonymous', 'owner', 'advisor', 'bank_officer', 'admin'];

describe('role × route matrix', () => {
  for (const who of WHO) {
    it(`lets ${who} into exactly their areas`, async () => {
      const { app } = await buildTestApp();
      const agent = who === 'anonymous' ? request.agent(app) : (await loggedInAgent(app, EMAIL[who])).agent;
      for (const [path, allowed] of AREAS) {
        const response = await agent.get(path);
        const expected = allowed.includes(who)
          ? 200
          : who === 'anonymous'
            ? 303
            : path === '/login'
              ? 303
              : 403;
        expect({ path, status: response.status }).toEqual({ path, status: expected });
      }
    });
  }
});

describe('objects belong to their owners', () => {
  it("does not show one owner another owner's enterprise: 404, not 403", async () => {
    const { app, repos } = await buildTestApp();
    const ownersEnterprise = repos.enterprises.listByOwner(
      repos.users.findByIdentifier('owner@demo.in')!.id,
    )[0]!;
    const { agent, token } = await loggedInAgent(app, 'owner@demo.in');
    expect((await agent.get(`/enterprises/${ownersEnterprise.id}`)).status).toBe(200);

    const other = await request.agent(app).get('/signup');
    const otherToken = /name="_csrf" value="([^"]+)"/.exec(other.text)?.[1];
    expect(otherToken).toBeDefined();
    const { agent: stranger } = await loggedInAgent(app, 'admin@demo.in');
    expect((await stranger.get(`/enterprises/${ownersEnterprise.id}`)).status).toBe(403);

    // A second owner signs up and tries the first owner's id.
    const { agent: second, token: secondToken } = await (async () => {
      const a = request.agent(app);
      const page = await a.get('/signup');
      const t = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
      await a.post('/signup').type('form').send({
        _csrf: t,
        displayName: 'Second Owner',
        identifier: 'second@demo.in',
        password: 'a-long-password',
        passwordConfirmation: 'a-long-password',
      });
      const landing = await a.get('/enterprises');
      return { agent: a, token: /name="_csrf" value="([^"]+)"/.exec(landing.text)![1]! };
    })();
    const peek = await second.get(`/enterprises/${ownersEnterprise.id}`);
    expect(peek.status).toBe(404);
    expect(peek.text).not.toContain(ownersEnterprise.name);
    expect((await second.get('/enterprises/999999')).status).toBe(404);
    expect((await second.get('/enterprises')).text).not.toContain(ownersEnterprise.name);
    expect(secondToken).not.toEqual(token);
  });

  it("shows an advisor the units of their association's clusters only", async () => {
    const { app, services, repos } = await buildTestApp();
    const owner = repos.users.findByIdentifier('owner@demo.in')!;
    const actor = { userId: owner.id, role: owner.role, organisationId: null, branchId: null };
    const howrahId = services.enterprises.create(
      actor,
      { name: 'Howrah Malleable Works', clusterId: 'howrah-foundry', udyamNumber: null },
      { actor, requestId: 'test' },
    );
    const { agent } = await loggedInAgent(app, 'advisor@demo.in');
    const list = await agent.get('/enterprises');
    expect(list.text).toContain('Singh Castings');
    expect(list.text).not.toContain('Howrah Malleable Works');
    expect((await agent.get(`/enterprises/${howrahId}`)).status).toBe(404);
  });

  it('lets an owner add an enterprise, and keeps what was typed when a field is wrong', async () => {
    const { app, repos } = await buildTestApp();
    const { agent, token } = await loggedInAgent(app, 'owner@demo.in');
    const bad = await agent
      .post('/enterprises')
      .type('form')
      .send({ _csrf: token, name: 'Kaur Alloys', clusterId: 'batala-foundry', udyamNumber: 'UDYAM-12' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('value="Kaur Alloys"');
    expect(bad.text).toContain('value="UDYAM-12"');
    expect(bad.text).toMatch(/<option value="batala-foundry" selected>/);
    expect(bad.text).toContain('Enter the Udyam number like UDYAM-PB-03-0012345');

    const good = await agent.post('/enterprises').type('form').send({
      _csrf: token,
      name: 'Kaur Alloys',
      clusterId: 'batala-foundry',
      udyamNumber: 'udyam-pb-03-0099999',
    });
    expect(good.status).toBe(303);
    expect(repos.enterprises.findByUdyam('UDYAM-PB-03-0099999')?.name).toBe('Kaur Alloys');
    expect(repos.audit.recent(1)[0]?.action).toBe('enterprise.created');
  });
});
