import autocannon from 'autocannon';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { computeEconomics } from '../../src/domain/economics.js';
import { economicsInputFrom, economicsRequestSchema } from '../../src/web/api/economics-api.js';
import { buildTestApp } from '../helpers/test-app.js';
import { formatRate, perSecond, type BenchLine } from './bench-line.js';
import { API_V1_ECONOMICS_EXAMPLE } from '../fixtures/finance/api-v1-example.js';

const REQUEST = API_V1_ECONOMICS_EXAMPLE;

async function load(url: string, body?: string): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: 10,
    duration: 5,
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json' },
    body,
  });
}

export async function bench(): Promise<BenchLine[]> {
  const input = economicsInputFrom(economicsRequestSchema.parse(REQUEST));
  const rate = perSecond(() => computeEconomics(input));

  // The API route and a trivial route in the same app and run, so the ratio says what the maths costs.
  const { app } = await buildTestApp({ apiRequestsPerMinute: 10_000_000 });
  const host = express();
  host.get('/trivial', (_req, res) => res.json({ ok: true }));
  host.use(app);
  const server = host.listen(0);
  const { port } = server.address() as AddressInfo;
  const trivial = await load(`http://127.0.0.1:${port}/trivial`);
  const api = await load(`http://127.0.0.1:${port}/api/v1/economics`, JSON.stringify(REQUEST));
  server.close();
  const ratio = api.requests.average / trivial.requests.average;
  const errors = api.non2xx + api.errors;

  return [
    {
      name: 'economics with a 60-month schedule, one core',
      value: formatRate(rate),
      target: '≥ 5,000 per second',
      met: rate >= 5000,
    },
    {
      name: 'POST /api/v1/economics under load',
      value: `${Math.round(api.requests.average)} req/s, p50 ${api.latency.p50} ms, p99 ${api.latency.p99} ms, ${errors} errors`,
    },
    {
      name: 'trivial route under load',
      value: `${Math.round(trivial.requests.average)} req/s, p50 ${trivial.latency.p50} ms, p99 ${trivial.latency.p99} ms`,
    },
    {
      name: 'economics API ÷ trivial throughput',
      value: ratio.toFixed(2),
      target: '≥ 0.50',
      met: ratio >= 0.5 && errors === 0,
    },
  ];
}
