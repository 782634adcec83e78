import { gzipSync } from 'node:zlib';
import express, { type ErrorRequestHandler } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { apiJsonBody } from '../../src/web/api/json-body.js';

// The API's JSON reader must read every body as express.json({ strict: false }) does: the same parsed value, or
// the same error status and type.
const LIMIT = 64;
const app = express();
const answer: express.RequestHandler = (req, res) => {
  res.json({ body: req.body as unknown });
};
app.post('/fast', apiJsonBody(LIMIT), answer);
app.post('/general', express.json({ limit: LIMIT, strict: false }), answer);
const errors: ErrorRequestHandler = (error: { status?: number; type?: string }, _req, res, _next) => {
  res.status(error.status ?? 500).json({ type: error.type });
};
app.use(errors);

const BOTH = ['/fast', '/general'] as const;

async function bothRead(
  contentType: string | undefined,
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  return Promise.all(
    BOTH.map(async (path) => {
      const post = request(app).post(path).set(headers);
      if (contentType !== undefined) post.set('Content-Type', contentType);
      // Sent as they are: superagent would write a Buffer out as JSON.
      const response = await post.serialize((raw: unknown) => raw as string).send(body);
      return { status: response.status, body: response.body as unknown };
    }),
  );
}

describe('apiJsonBody reads as express.json does', () => {
  it.each([
    ['an object', '{"capexInr":"4500000","loan":{"tenureMonths":60}}'],
    ['a JSON string (not strict)', '"just text"'],
    ['a number', '42'],
    ['an empty body, as {}', ''],
    ['malformed JSON', '{"capexInr": '],
    ['a byte-order mark before the JSON', '\uFEFF{"a":1}'],
    ['a body over the limit', JSON.stringify({ padding: 'x'.repeat(LIMIT) })],
  ])('%s', async (_, body) => {
    const [fast, general] = await bothRead('application/json', body);
    expect(fast).toEqual(general);
  });

  it('invalid UTF-8, decoded with replacement characters', async () => {
    const [fast, general] = await bothRead('application/json', Buffer.from([0x22, 0xff, 0xfe, 0x22]));
    expect(fast).toEqual(general);
    expect(fast?.body).toEqual({ body: '\uFFFD\uFFFD' });
  });

  it.each([
    'application/json; charset=utf-8',
    'Application/JSON',
    'application/json;charset=UTF-8',
    'application/json; charset=latin1',
    'application/vnd.api+json',
    'text/plain',
  ])('Content-Type %s', async (contentType) => {
    const [fast, general] = await bothRead(contentType, '{"a":"é"}');
    expect(fast).toEqual(general);
  });

  it('a compressed body', async () => {
    const [fast, general] = await bothRead('application/json', gzipSync('{"a":1}'), {
      'Content-Encoding': 'gzip',
    });
    expect(fast).toEqual(general);
    expect(fast?.body).toEqual({ body: { a: 1 } });
  });
});
