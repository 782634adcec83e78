// Runs test/rules/cases/schemes/<scheme-id>.yaml against the real scheme files: each case gives an enterprise and
// project, an assessment date and the expected status, eligibility and failed (and, where given, unknown) criteria.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { isoDateSchema } from '../../src/catalogue/dated-value-schema.js';
import { loadSchemes } from '../../src/catalogue/load-schemes.js';
import { evaluateScheme } from '../../src/domain/eligibility.js';
import { factDefinitions, type EnterpriseFacts, type FactKey } from '../../src/domain/enterprise-facts.js';

const root = path.resolve(import.meta.dirname, '../..');
const casesDir = path.join(root, 'test/rules/cases/schemes');
const schemes = loadSchemes(path.join(root, 'data'));

const caseFileSchema = z.strictObject({
  scheme: z.string(),
  cases: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        asOf: isoDateSchema,
        facts: z.record(z.string(), z.unknown()),
        expect: z.strictObject({
          status: z.enum(['not-yet-open', 'open', 'closed', 'unconfirmed']),
          eligible: z.boolean().nullable(),
          failed: z.array(z.string()),
          unknown: z.array(z.string()).optional(),
        }),
      }),
    )
    .min(2),
});

/** Case files write money and percentages as quoted decimal strings, like the API; everything else as is. */
function toFacts(raw: Record<string, unknown>): EnterpriseFacts {
  const facts: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in factDefinitions)) throw new Error(`unknown fact "${key}"`);
    const kind = factDefinitions[key as FactKey].kind;
    if (kind === 'money' || kind === 'percent') {
      if (typeof value !== 'string') throw new Error(`fact "${key}" must be a quoted decimal string`);
      facts[key] = new Decimal(value);
    } else {
      facts[key] = value;
    }
  }
  return facts;
}

const caseFiles = readdirSync(casesDir)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

describe('scheme rule cases', () => {
  it('every scheme has a cases file and every cases file names a scheme', () => {
    const caseIds = caseFiles.map((name) => path.basename(name, '.yaml'));
    expect(caseIds).toEqual(schemes.map((scheme) => scheme.id).sort());
  });

  for (const fileName of caseFiles) {
    const file = caseFileSchema.parse(parse(readFileSync(path.join(casesDir, fileName), 'utf8')));
    const scheme = schemes.find((candidate) => candidate.id === file.scheme);

    describe(file.scheme, () => {
      it('is the file named for it', () => {
        expect(`${file.scheme}.yaml`).toBe(fileName);
        expect(scheme).toBeDefined();
      });

      for (const testCase of file.cases) {
        it(testCase.name, () => {
          if (scheme === undefined) throw new Error(`no scheme ${file.scheme}`);
          const result = evaluateScheme(scheme, toFacts(testCase.facts), testCase.asOf);
          const idsWith = (outcome: string) =>
            result.criteria
              .filter((criterion) => criterion.result === outcome)
              .map((criterion) => criterion.id);
          expect(result.status.status).toBe(testCase.expect.status);
          expect(result.eligible).toBe(testCase.expect.eligible);
          expect(idsWith('failed').sort()).toEqual([...testCase.expect.failed].sort());
          if (testCase.expect.unknown !== undefined) {
            expect(idsWith('unknown').sort()).toEqual([...testCase.expect.unknown].sort());
          }
        });
      }
    });
  }
});
