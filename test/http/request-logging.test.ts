import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/test-app.js';

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
});
