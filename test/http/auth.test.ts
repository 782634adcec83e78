import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  browserAgent,
  buildTestApp,
  csrfTokenIn,
  DEMO_PASSWORD,
  loggedInAgent,
} from '../helpers/test-app.js';

const sessionCookie = (headers: Record<string, unknown>) =>
  ((headers['set-cookie'] as string[] | undefined) ?? [])
    .find((c) => c.startsWith('haritsetu.sid='))
    ?.split(';')[0];

describe('logging in', () => {
  it.each([
    ['owner@demo.in', '/enterprises', 'My enterprises'],
    ['advisor@demo.in', '/advisor', 'Cluster workspace'],
    ['officer@demo.in', '/bank/applications', 'Applications'],
    ['admin@demo.in', '/admin', 'Administration'],
  ])('takes %s to %s', async (email, landing, heading) => {
    const { app } = await buildTestApp();
    const { agent } = await loggedInAgent(app, email);
    const page = await agent.get(landing);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<h1>${heading}</h1>`);
  });

  it('regenerates the session id at login', async () => {
    const { app } = await buildTestApp();
    const { agent, token } = await browserAgent(app);
    const before = sessionCookie((await agent.get('/login')).headers);
    const response = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: token, identifier: 'owner@demo.in', password: DEMO_PASSWORD });
    const after = sessionCookie(response.headers);
    expect(response.status).toBe(303);
    expect(after).toBeDefined();
    expect(after).not.toEqual(before);
  });

  it('accepts the identifier in any case and records the login in the audit trail', async () => {
    const { app, repos } = await buildTestApp();
    await loggedInAgent(app, 'Owner@Demo.IN');
    expect(repos.audit.recent(5).map((event) => event.action)).toContain('login.succeeded');
  });

  it('refuses a wrong password, keeps what was typed but not the password, and audits it', async () => {
    const { app, repos } = await buildTestApp();
    const { agent, token } = await browserAgent(app);
    const response = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: token, identifier: 'owner@demo.in', password: 'wrong-password' });
    expect(response.status).toBe(422);
    expect(response.text).toContain('value="owner@demo.in"');
    expect(response.text).not.toContain('wrong-password');
    expect(response.text).toContain('The email or mobile number, or the password, is not right');
    expect(repos.audit.recent(1)[0]?.action).toBe('login.failed');
  });

  it('shows a message next to each empty field', async () => {
    const { app } = await buildTestApp();
    const { agent, token } = await browserAgent(app);
    const response = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: token, identifier: '', password: '' });
    expect(response.status).toBe(422);
    expect(response.text).toContain('id="error-identifier"');
    expect(response.text).toContain('id="error-password"');
    expect(response.text).toContain('href="#field-identifier"');
  });

  it('locks an account after five wrong passwords, even with the right one, until the lock ends', async () => {
    const { app, clock } = await buildTestApp();
    const { agent, token } = await browserAgent(app);
    const attempt = (password: string) =>
      agent.post('/login').type('form').send({ _csrf: token, identifier: 'officer@demo.in', password });
    for (let i = 0; i < 5; i++) await attempt('not-the-password');
    const locked = await attempt(DEMO_PASSWORD);
    expect(locked.status).toBe(422);
    expect(locked.text).toContain('locked');
    clock.advanceMinutes(16);
    expect((await attempt(DEMO_PASSWORD)).status).toBe(303);
  });

  it('rate-limits login attempts from one address', async () => {
    const { app } = await buildTestApp({ loginAttemptsPerWindow: 3 });
    const { agent, token } = await browserAgent(app);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await agent
        .post('/login')
        .type('form')
        .send({ _csrf: token, identifier: `nobody${i}@demo.in`, password: 'x' });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([422, 422, 422, 429]);
  });

  it('logs out: the old session no longer opens a private page', async () => {
    const { app } = await buildTestApp();
    const { agent, token } = await loggedInAgent(app, 'owner@demo.in');
    expect((await agent.post('/logout').type('form').send({ _csrf: token })).status).toBe(303);
    const after = await agent.get('/enterprises');
    expect(after.status).toBe(303);
    expect(after.headers.location).toBe('/login');
  });

  it('sets an HttpOnly, SameSite=Lax session cookie that expires after the idle timeout', async () => {
    const { app } = await buildTestApp();
    const response = await (await browserAgent(app)).agent.get('/login');
    const cookie = ((response.headers['set-cookie'] as unknown as string[] | undefined) ?? []).join(';');
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Expires=/);
  });

  it('ends a session left idle longer than the timeout', async () => {
    const { app, clock } = await buildTestApp();
    const { agent } = await loggedInAgent(app, 'owner@demo.in');
    clock.advanceMinutes(31);
    expect((await agent.get('/enterprises')).status).toBe(303);
  });

  it('returns to the page asked for before logging in', async () => {
    const { app } = await buildTestApp();
    const agent = request.agent(app);
    expect((await agent.get('/admin/users')).headers.location).toBe('/login');
    const token = csrfTokenIn((await agent.get('/login')).text);
    const response = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: token, identifier: 'admin@demo.in', password: DEMO_PASSWORD });
    expect(response.headers.location).toBe('/admin/users');
  });
});

describe('signing up', () => {
  it('creates an owner account with a mobile number and signs them in', async () => {
    const { app, repos } = await buildTestApp();
    const { agent, token } = await browserAgent(app, '/signup');
    const response = await agent.post('/signup').type('form').send({
      _csrf: token,
      displayName: 'Manjit Kaur',
      identifier: '+91 98140 12345',
      password: 'a-long-password',
      passwordConfirmation: 'a-long-password',
    });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/enterprises');
    expect(repos.users.findByIdentifier('9814012345')?.role).toBe('owner');
  });

  it('keeps what was typed and says what is wrong with each field', async () => {
    const { app } = await buildTestApp();
    const { agent, token } = await browserAgent(app, '/signup');
    const response = await agent.post('/signup').type('form').send({
      _csrf: token,
      displayName: 'Manjit Kaur',
      identifier: '12345',
      password: 'short',
      passwordConfirmation: 'different',
    });
    expect(response.status).toBe(422);
    expect(response.text).toContain('value="Manjit Kaur"');
    expect(response.text).toContain('value="12345"');
    expect(response.text).toContain('Enter an email like name@example.in or a 10-digit mobile number');
    expect(response.text).toContain('Password must be at least 10 characters');
    expect(response.text).toContain('The two passwords are not the same');
  });

  it('refuses an identifier that already has an account', async () => {
    const { app } = await buildTestApp();
    const { agent, token } = await browserAgent(app, '/signup');
    const response = await agent.post('/signup').type('form').send({
      _csrf: token,
      displayName: 'Someone',
      identifier: 'owner@demo.in',
      password: 'a-long-password',
      passwordConfirmation: 'a-long-password',
    });
    expect(response.status).toBe(422);
    expect(response.text).toContain('already exists');
  });
});
