import { catalogue } from '../helpers/catalogue-fixture.js';
import { matchesResponse } from '../../src/web/api/scheme-matches-api.js';
import { MATCHES_EXAMPLE } from '../fixtures/matches/api-example.js';
import { formatRate, perSecond, type BenchLine } from './bench-line.js';

export function bench(): Promise<BenchLine[]> {
  const once = matchesResponse(MATCHES_EXAMPLE, { catalogue, asOf: '2026-11-22' });
  if (once.status !== 200)
    throw new Error(`the benchmark's request is not a match: ${JSON.stringify(once.body)}`);
  // A full match: all 21 schemes evaluated and valued, packages built and ranked, the response's JSON text written
  // (all the route does before sending it).
  const rate = perSecond(() => matchesResponse(MATCHES_EXAMPLE, { catalogue, asOf: '2026-11-22' }));
  return Promise.resolve([
    {
      name: 'full scheme matches with packages, one core',
      value: formatRate(rate),
      target: '≥ 2,000 per second',
      met: rate >= 2000,
    },
  ]);
}
