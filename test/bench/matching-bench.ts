import { catalogue } from '../helpers/catalogue-fixture.js';
import { matchesResponse } from '../../src/web/api/scheme-matches-api.js';
import { formatRate, perSecond, type BenchLine } from './bench-line.js';

const REQUEST = {
  asOf: '2026-11-22',
  enterprise: {
    state: 'PB',
    district: 'Gurdaspur',
    clusterId: 'batala-foundry',
    sector: 'foundry',
    activity: 'manufacturing',
    investmentInr: '8000000',
    turnoverInr: '30000000',
    exportTurnoverInr: '0',
    yearsInOperation: 12,
    ownership: ['women'],
    udyamRegistered: true,
    gstRegistered: true,
    zedLevel: null,
    cmrRank: 5,
    inDefault: false,
    cashProfitLastTwoYears: true,
  },
  project: {
    technologyId: 'divided-blast-cupola',
    capexInr: '2000000',
    loanInr: '1500000',
    annualEnergySavingsInr: '700000',
  },
};

export function bench(): Promise<BenchLine[]> {
  const once = matchesResponse(REQUEST, { catalogue, asOf: '2026-11-22' });
  if (once.status !== 200)
    throw new Error(`the benchmark's request is not a match: ${JSON.stringify(once.body)}`);
  // A full match: all 21 schemes evaluated and valued, packages built and ranked, the response's JSON text written
  // (all the route does before sending it).
  const rate = perSecond(() => matchesResponse(REQUEST, { catalogue, asOf: '2026-11-22' }));
  return Promise.resolve([
    {
      name: 'full scheme matches with packages, one core',
      value: formatRate(rate),
      target: '≥ 2,000 per second',
      met: rate >= 2000,
    },
  ]);
}
