import path from 'node:path';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { loadSchemes } from '../../src/catalogue/load-schemes.js';
import { conditionResult, evaluateScheme, meetsConditions } from '../../src/domain/eligibility.js';
import { factDefinitions, type FactDefinition, type FactKey } from '../../src/domain/enterprise-facts.js';
import {
  conditionLeaves,
  type Bound,
  type Literal,
  type Scheme,
  type ComparisonTest,
} from '../../src/domain/scheme-types.js';

// meetsConditions and conditionResult decide without building the explanation and stop a group at its first
// decisive child; they must give exactly the result evaluateScheme explains, for every scheme and any facts.

const schemes = loadSchemes(path.resolve(import.meta.dirname, '../../data'));
const DATES = ['2019-04-01', '2021-11-15', '2023-06-30', '2025-04-01', '2026-11-22', '2028-03-31'];

let seed = 20261122;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;

function boundValues(bound: Bound, scheme: Scheme): Literal[] {
  if ('literal' in bound) return [bound.literal];
  const term = scheme.terms.find((candidate) => candidate.id === bound.term);
  return term?.shape === 'value'
    ? term.series.values.flatMap((entry) => (entry.value ? [entry.value] : []))
    : [];
}

/** Values around what the test compares against: each literal or threshold, just below and just above. */
function candidates(fact: FactKey, test: ComparisonTest, scheme: Scheme): unknown[] {
  const literals: Literal[] =
    test.op === 'equals'
      ? [test.value]
      : test.op === 'in'
        ? [...test.values]
        : test.op === 'between'
          ? [...boundValues(test.min, scheme), ...boundValues(test.max, scheme)]
          : boundValues(test.bound, scheme);
  const kind = factDefinitions[fact].kind;
  const near = literals.flatMap((literal): unknown[] => {
    if (literal instanceof Decimal) {
      const around = [literal, literal.minus(1), literal.plus(1)];
      return kind === 'count' ? around.map((value) => value.toNumber()) : around;
    }
    if (kind === 'set' && typeof literal === 'string') return [[literal], ['other', literal], ['other']];
    return [literal];
  });
  const other = { flag: [true, false], set: [[]], date: ['2000-01-01', '2100-01-01'] } as Record<
    string,
    unknown[]
  >;
  return [
    ...near,
    ...(other[kind] ?? ['something-else']),
    undefined,
    ...((factDefinitions[fact] as FactDefinition).nullable === true ? [null] : []),
  ];
}

describe('eligibility without the explanation', () => {
  it('gives the result the explained evaluation gives, for every scheme and many facts', () => {
    let compared = 0;
    for (const scheme of schemes) {
      const leaves = conditionLeaves(scheme.eligibility).flatMap((leaf) =>
        leaf.kind === 'comparison' ? [leaf] : [],
      );
      for (let round = 0; round < 150; round++) {
        const facts: Record<string, unknown> = {};
        for (const leaf of leaves) {
          const value = pick(candidates(leaf.fact, leaf.test, scheme));
          if (value !== undefined) facts[leaf.fact] = value;
        }
        const asOf = pick(DATES);
        const explained = evaluateScheme(scheme, facts, asOf);
        const verdict = conditionResult(scheme.eligibility, scheme, facts, asOf);
        const meets = meetsConditions(scheme, facts, asOf);
        expect(meets).toBe(verdict === 'unknown' ? null : verdict === 'passed');
        if (explained.status.status === 'open') {
          expect(meets).toBe(explained.eligible);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});
