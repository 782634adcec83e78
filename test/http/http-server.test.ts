import type { IncomingMessage, ServerResponse } from 'node:http';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { listenOn } from '../../src/web/http-server.js';
import { API_V1_ECONOMICS_EXAMPLE } from '../fixtures/finance/api-v1-example.js';
import { buildTestApp, csrfTokenIn } from '../helpers/test-app.js';

// The server `npm start` runs (src/server.ts listens with listenOn) makes express's requests and responses itself
// (src/web/http-server.ts): pages, the API and sessions must work through it exactly as through express's own server.
const { app } = await buildTestApp();
const server = await listenOn(app, 0);
afterAll(() => {
  server.close();
});

describe('the HTTP server', () => {
  it('reports a port already in use instead of listening', async () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await expect(listenOn(app, port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('makes each request and response with the app’s prototypes before express handles them', async () => {
    const seen: { request: object | null; response: object | null }[] = [];
    const look = (req: IncomingMessage, res: ServerResponse) => {
      seen.push({
        request: Object.getPrototypeOf(req) as object,
        response: Object.getPrototypeOf(res) as object,
      });
    };
    server.prependListener('request', look);
    await request(server).get('/healthz').expect(200);
    server.off('request', look);
    expect(seen).toEqual([{ request: app.request, response: app.response }]);
  });

  it('answers the health check, the API and a page with a session and its CSRF token', async () => {
    const health = await request(server).get('/healthz').expect(200);
    expect(health.body).toMatchObject({ status: 'ok' });

    const economics = await request(server)
      .post('/api/v1/economics')
      .send(API_V1_ECONOMICS_EXAMPLE)
      .expect(200);
    const figures = economics.body as { npvInr?: unknown; loan?: { emiInr?: unknown } };
    expect(typeof figures.npvInr).toBe('string');
    expect(typeof figures.loan?.emiInr).toBe('string');

    const login = await request(server).get('/login').expect(200);
    const cookies = login.headers['set-cookie'] as unknown as string[] | undefined;
    expect(cookies?.join(';')).toMatch(/sid|session/i);
    expect(csrfTokenIn(login.text)).not.toBe('');
  });
});
