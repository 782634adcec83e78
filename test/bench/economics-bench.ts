import autocannon from 'autocannon';
import { computeEconomics } from '../../src/domain/economics.js';
import { economicsInputFrom, economicsRequestSchema } from '../../src/web/api/economics-api.js';
import { formatRate, median, perSecond, type BenchLine } from './bench-line.js';
import { startBenchServer } from './bench-server.js';
import { API_V1_ECONOMICS_EXAMPLE } from '../fixtures/finance/api-v1-example.js';

const REQUEST = API_V1_ECONOMICS_EXAMPLE;

async function load(url: string, seconds: number, body?: string): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: 10,
    duration: seconds,
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json' },
    body,
  });
}

const ROUNDS = 3;
const ROUND_SECONDS = 3;

export async function bench(): Promise<BenchLine[]> {
  const input = economicsInputFrom(economicsRequestSchema.parse(REQUEST));
  const rate = perSecond(() => computeEconomics(input));

  // The API route and a trivial route (/healthz: one SQLite query) of the same server process, through the
  // same middleware, so the ratio says what the maths and validation cost. Both are warmed up first, then loaded
  // in alternating rounds, so a change in the machine's other load during the run falls on both alike.
  const server = await startBenchServer();
  const trivialUrl = `${server.url}/healthz`;
  const apiUrl = `${server.url}/api/v1/economics`;
  const body = JSON.stringify(REQUEST);
  await load(trivialUrl, 1);
  await load(apiUrl, 1, body);
  const trivial: autocannon.Result[] = [];
  const api: autocannon.Result[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    trivial.push(await load(trivialUrl, ROUND_SECONDS));
    api.push(await load(apiUrl, ROUND_SECONDS, body));
  }
  // The same request with a full subsidy: a net outlay of 0 is a sign the estimate leaves to the exact figures
  // (decision 0010), so this is the API's cost when the exact kernel answers. For information, no target.
  const exactBody = JSON.stringify({ ...REQUEST, subsidyInr: REQUEST.capexInr });
  await load(apiUrl, 1, exactBody);
  const exact = await load(apiUrl, ROUND_SECONDS, exactBody);
  server.stop();
  const requests = (results: autocannon.Result[]) => results.reduce((sum, r) => sum + r.requests.total, 0);
  const perSecondOf = (results: autocannon.Result[]) => requests(results) / (ROUNDS * ROUND_SECONDS);
  const latency = (results: autocannon.Result[]) =>
    `p50 ${median(results.map((r) => r.latency.p50))} ms, p99 ${median(results.map((r) => r.latency.p99))} ms`;
  const ratio = requests(api) / requests(trivial);
  const errors = api.reduce((sum, r) => sum + r.non2xx + r.errors, 0);

  return [
    {
      name: 'economics with a 60-month schedule, one core',
      value: formatRate(rate),
      target: '≥ 5,000 per second',
      met: rate >= 5000,
    },
    {
      name: 'POST /api/v1/economics under load',
      value: `${Math.round(perSecondOf(api))} req/s, ${latency(api)}, ${errors} errors`,
    },
    {
      name: 'POST /api/v1/economics answered by the exact kernel (full subsidy)',
      value: `${Math.round(exact.requests.total / ROUND_SECONDS)} req/s, p50 ${exact.latency.p50} ms, p99 ${exact.latency.p99} ms, ${exact.non2xx + exact.errors} errors`,
    },
    {
      name: 'GET /healthz (trivial route) under load',
      value: `${Math.round(perSecondOf(trivial))} req/s, ${latency(trivial)}`,
    },
    {
      name: 'economics API ÷ trivial throughput',
      value: ratio.toFixed(2),
      target: '≥ 0.50',
      met: ratio >= 0.5 && errors === 0,
    },
  ];
}
