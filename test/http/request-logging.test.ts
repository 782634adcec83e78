import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { buildTestApp, loggedInAgent } from '../helpers/test-app.js';

describe('request logs', () => {
  it('carry a request id and never the CSRF token of a multipart upload URL', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    const { app } = await buildTestApp({ log: pino({ level: 'info' }, sink) });
    const response = await request(app).get('/schemes?_csrf=secret-token-value&x=1');
    expect(response.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
    const logged = lines.join('');
    expect(logged).toContain('[redacted]');
    expect(logged).not.toContain('secret-token-value');
    expect(logged).toContain(String(response.headers['x-request-id']));
  });

  it('never write a session cookie, a bearer token or a CSRF header', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    const { app } = await buildTestApp({ log: createLogger('info', sink) });
    const { agent, token } = await loggedInAgent(app, 'owner@demo.in');
    await agent.get('/enterprises').set('X-CSRF-Token', token);
    await request(app).get('/api/v1/applications').set('Authorization', 'Bearer hs_not-a-real-token-value');
    const logged = lines.join('');
    expect(logged).toContain('request completed');
    expect(logged).not.toMatch(/haritsetu\.sid=/);
    expect(logged).not.toContain('hs_not-a-real-token-value');
    expect(logged).not.toContain(token);
  });
});
