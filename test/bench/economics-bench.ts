import autocannon from 'autocannon';
import { computeEconomics } from '../../src/domain/economics.js';
import { economicsInputFrom, economicsRequestSchema } from '../../src/web/api/economics-api.js';
import { formatRate, perSecond, type BenchLine } from './bench-line.js';
import { startBenchServer } from './bench-server.js';
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

  // The API route and a trivial route (/healthz: one SQLite query) of the same server process, through the
  // same middleware, so the ratio says what the maths and validation cost.
  const server = await startBenchServer();
  const trivial = await load(`${server.url}/healthz`);
  const api = await load(`${server.url}/api/v1/economics`, JSON.stringify(REQUEST));
  server.stop();
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
      name: 'GET /healthz (trivial route) under load',
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
