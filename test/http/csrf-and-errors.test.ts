import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { browserAgent, buildTestApp, DEMO_PASSWORD, loggedInAgent } from '../helpers/test-app.js';

describe('CSRF protection', () => {
  it('rejects a login POST without a token', async () => {
    const { app } = await buildTestApp();
    const { agent } = await browserAgent(app);
    const response = await agent
      .post('/login')
      .type('form')
      .send({ identifier: 'owner@demo.in', password: DEMO_PASSWORD });
    expect(response.status).toBe(403);
  });

  it("rejects a state change carrying another session's token", async () => {
    const { app, repos } = await buildTestApp();
    const { token: foreignToken } = await browserAgent(app);
    const { agent } = await loggedInAgent(app, 'owner@demo.in');
    const response = await agent
      .post('/enterprises')
      .type('form')
      .send({ _csrf: foreignToken, name: 'Forged Foundry', clusterId: 'batala-foundry', udyamNumber: '' });
    expect(response.status).toBe(403);
    expect(
      repos.enterprises.listByOwner(repos.users.findByIdentifier('owner@demo.in')!.id).map((e) => e.name),
    ).not.toContain('Forged Foundry');
  });

  it('accepts the token in the X-CSRF-Token header, as htmx sends it', async () => {
    const { app } = await buildTestApp();
    const { agent, token } = await loggedInAgent(app, 'owner@demo.in');
    const response = await agent
      .post('/enterprises')
      .set('X-CSRF-Token', token)
      .type('form')
      .send({ name: 'Header Castings', clusterId: 'batala-foundry', udyamNumber: '' });
    expect(response.status).toBe(303);
  });
});

describe('bad requests and errors', () => {
  it('answers an unknown page with a 404 page in the layout', async () => {
    const { app } = await buildTestApp();
    const response = await request(app).get('/no/such/page');
    expect(response.status).toBe(404);
    expect(response.text).toContain('<h1>Page not found</h1>');
  });

  it('answers an oversized form with 413, not 500', async () => {
    const { app } = await buildTestApp();
    const { agent, token } = await browserAgent(app);
    const response = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: token, identifier: 'x'.repeat(200_000), password: 'y' });
    expect(response.status).toBe(413);
    expect(response.text).toContain('Too much data was sent');
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const { app } = await buildTestApp();
    const response = await request(app)
      .post('/login')
      .set('Content-Type', 'application/json')
      .send('{"identifier": ');
    expect(response.status).toBe(400);
    expect(response.text).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('answers a path that is not valid percent-encoding with 400, not 500, for every role', async () => {
    const testApp = await buildTestApp();
    const paths = {
      'owner@demo.in': [
        '/applications/%E0%A4',
        '/applications/%E0%A4/dossier.pdf',
        '/enterprises/%E0%A4/assessment',
      ],
      'advisor@demo.in': ['/clusters/%E0%A4', '/clusters/%E0%A4/report.pdf', '/enterprises/%E0%A4/checks'],
      'officer@demo.in': ['/bank/applications/%E0%A4', '/bank/applications/%E0%A4/note.pdf'],
    };
    for (const [login, urls] of Object.entries(paths)) {
      const { agent } = await loggedInAgent(testApp.app, login);
      for (const url of urls) {
        const response = await agent.get(url).set('Cookie', 'lang=en');
        expect({ url, status: response.status }).toEqual({ url, status: 400 });
        expect(response.text).not.toMatch(/URIError|at \w+ \(/);
      }
    }
  });

  it('reports database health at /healthz', async () => {
    const { app, db } = await buildTestApp();
    const healthy = await request(app).get('/healthz');
    expect(healthy.status).toBe(200);
    expect((healthy.body as { status: string }).status).toBe('ok');
    db.close();
    const down = await request(app).get('/healthz');
    expect(down.status).toBe(503);
  });

  it('sends a strict Content-Security-Policy with no inline scripts or styles allowed', async () => {
    const { app } = await buildTestApp();
    const response = await request(app).get('/');
    const csp = response.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(response.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(response.text).not.toMatch(/\sstyle="/);
  });

  it('serves htmx with its version in the URL and a year-long cache', async () => {
    const { app } = await buildTestApp();
    const page = await request(app).get('/');
    const src = /<script src="([^"]+htmx[^"]+)"/.exec(page.text)?.[1];
    expect(src).toMatch(/^\/vendor\/htmx\/4\.\d+\.\d+\/htmx\.min\.js$/);
    const script = await request(app).get(src!);
    expect(script.status).toBe(200);
    expect(script.headers['cache-control']).toContain('immutable');
  });

  it('answers an htmx partial request with the fragment only, varying on HX-Request', async () => {
    const { app } = await buildTestApp();
    const response = await request(app).get('/').set('HX-Request', 'true').set('HX-Request-Type', 'partial');
    expect(response.status).toBe(200);
    expect(response.text).not.toContain('<html');
    expect(response.headers.vary).toContain('HX-Request');
  });
});
