import { Decimal } from 'decimal.js';
import { loadCatalogue } from '../../src/catalogue/load-catalogue.js';
import { valueOn } from '../../src/domain/dated.js';
import { assessReadiness } from '../../src/domain/readiness/assess-readiness.js';
import { readinessSensitivity } from '../../src/domain/readiness/readiness-sensitivity.js';
import { fromRoot } from '../../src/paths.js';
import { readinessInputFrom, readinessRequestSchema } from '../../src/web/api/readiness-api.js';
import { READINESS_EXAMPLE } from '../fixtures/readiness/api-example.js';
import { formatRate, perSecond, type BenchLine } from './bench-line.js';

export function bench(): Promise<BenchLine[]> {
  const catalogue = loadCatalogue(fromRoot('data'));
  const asOf = READINESS_EXAMPLE.asOf;
  const scorecard = valueOn(catalogue.parameters.readiness!, asOf)!;
  const input = readinessInputFrom(readinessRequestSchema.parse(READINESS_EXAMPLE), catalogue, asOf);
  const context = { scorecard, schemes: catalogue.schemes, requiredContributionPct: new Decimal(20) };
  // One assessment = ratios, project cover with a 60-month schedule, all 21 schemes' eligibility, 14 factors, actions.
  const rate = perSecond(() => assessReadiness(input, context));
  const sensitivityRate = perSecond(() =>
    readinessSensitivity(input.project.economics, scorecard.sensitivity),
  );
  return Promise.resolve([
    {
      name: 'readiness assessments, one core',
      value: formatRate(rate),
      target: '≥ 5,000 per second',
      met: rate >= 5000,
    },
    {
      name: 'readiness sensitivity tables (7 cases + break-even), one core',
      value: formatRate(sensitivityRate),
    },
  ]);
}
