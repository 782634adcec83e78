import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/test-app.js';

// POST /api/v1/matches sends JSON text it wrote itself (src/web/api/matches-json.ts): the answer must still come
// with the headers res.json gives the same body.

const REQUEST = {
  asOf: '2026-11-22',
  lang: 'hi',
  enterprise: {
    state: 'PB',
    clusterId: 'batala-foundry',
    sector: 'ढलाई "cast" \\ iron',
    investmentInr: '8000000',
  },
  project: { technologyId: 'divided-blast-cupola', capexInr: '2000000', loanInr: '1500000' },
};

/** What res.json sends for this body, from a plain express app. */
async function sentByResJson(body: unknown) {
  const plain = express();
  plain.get('/', (_req, res) => {
    res.json(body);
  });
  return request(plain).get('/');
}

describe('POST /api/v1/matches, the answer as sent', () => {
  it('has the body and the Content-Type, Content-Length and ETag that res.json gives it', async () => {
    const { app } = await buildTestApp();
    const response = await request(app).post('/api/v1/matches').send(REQUEST);
    expect(response.status).toBe(200);
    const expected = await sentByResJson(JSON.parse(response.text));
    expect(response.text).toBe(expected.text);
    const headers = (r: typeof response) => ({
      type: r.headers['content-type'] as unknown,
      length: r.headers['content-length'] as unknown,
      etag: r.headers.etag as unknown,
    });
    expect(headers(response)).toEqual(headers(expected));
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    // Hindi text: the length is in bytes, not characters.
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.text));
    expect(response.headers.etag).toMatch(/^W\/"/);
  });

  it('still answers an invalid request with a 422 object', async () => {
    const { app } = await buildTestApp();
    const response = await request(app)
      .post('/api/v1/matches')
      .send({ ...REQUEST, project: { ...REQUEST.project, technologyId: 'no-such-technology' } });
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.body).toEqual({
      error: 'invalid_request',
      issues: [
        {
          path: 'project.technologyId',
          message: 'project.technologyId "no-such-technology" is not in the technology catalogue',
        },
      ],
    });
  });
});
