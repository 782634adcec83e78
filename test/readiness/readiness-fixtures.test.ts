import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { valueOn } from '../../src/domain/dated.js';
import { assessReadiness } from '../../src/domain/readiness/assess-readiness.js';
import { fromRoot } from '../../src/paths.js';
import { readinessInputFrom, readinessRequestSchema } from '../../src/web/api/readiness-api.js';
import { catalogue } from '../helpers/catalogue-fixture.js';

// Ten enterprise files from the target clusters, ready to not ready, each with its score, band and the sentences
// a reader must find, worked out by hand from readiness.yaml (the working is in each file's header).

const DIR = fromRoot('test/fixtures/readiness');
const fixtureSchema = z.strictObject({
  name: z.string(),
  expected: z.strictObject({
    score: z.string().regex(/^\d+\.\d\d$/),
    band: z.enum(['ready', 'nearly-ready', 'not-ready']),
    sentences: z.array(z.string()).min(1).max(2),
  }),
  request: z.unknown(),
});

const fixtures = readdirSync(DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((file) => ({ file, ...fixtureSchema.parse(parse(readFileSync(join(DIR, file), 'utf8'))) }));

function assess(request: unknown) {
  const parsed = readinessRequestSchema.parse(request);
  const asOf = parsed.asOf!;
  const scorecard = valueOn(catalogue.parameters.readiness!, asOf)!;
  const requiredContributionPct = valueOn(
    catalogue.parameters.bankNorms.promoterContributionMinPct,
    asOf,
  )!.default!;
  return assessReadiness(readinessInputFrom(parsed, catalogue, asOf), {
    scorecard,
    schemes: catalogue.schemes,
    requiredContributionPct,
  });
}

describe('ten realistic enterprise files', () => {
  it('cover the five target clusters, every band, and the hard cases', () => {
    expect(fixtures).toHaveLength(10);
    const clusters = new Set(
      fixtures.map(
        (fixture) => (fixture.request as { enterprise: { clusterId: string } }).enterprise.clusterId,
      ),
    );
    expect([...clusters].sort()).toEqual([
      'batala-foundry',
      'howrah-foundry',
      'jaipur-foundry',
      'jalandhar-foundry',
      'shivamogga-foundry',
    ]);
    expect(new Set(fixtures.map((fixture) => fixture.expected.band))).toEqual(
      new Set(['ready', 'nearly-ready', 'not-ready']),
    );
  });

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))(
    '%s scores as worked out by hand and says why',
    (_file, fixture) => {
      const result = assess(fixture.request);
      expect({
        score: result.score.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2),
        band: result.band,
      }).toEqual({ score: fixture.expected.score, band: fixture.expected.band });
      const said = [
        ...result.gates.flatMap((gate) => (gate.reason ? [gate.reason.en] : [])),
        ...result.factors.map((factor) => factor.explanation.en),
        ...result.actions.map((action) => action.text.en),
      ];
      for (const sentence of fixture.expected.sentences) expect(said).toContain(sentence);
    },
  );

  it('puts the reason that decides the band first when a gate fails', () => {
    for (const fixture of fixtures) {
      const result = assess(fixture.request);
      const failed = result.gates.filter((gate) => !gate.passed);
      if (failed.length === 0) continue;
      expect(result.gates[0]!.passed).toBe(false);
      expect(result.actions[0]!.mustFix).toBe(true);
    }
  });
});
