// Runs test/rules/cases/schemes/<scheme-id>.yaml against the real catalogue. Each case gives an enterprise and
// project (the file's shared `facts`, then the case's own, less any it `drop`s), an assessment date and the expected
// status, eligibility and failed (and, where given, unknown) criteria. Given an investment and a turnover, the
// category is worked out with the MSME norms in force on the date, as POST /api/v1/matches does. A case with a
// `benefit` is a worked example: the loan terms it states, with the facts' capex and loan, go through matchSchemes
// (the code the API uses, with the whole catalogue) and the rupee figures must come out as written, to the paisa,
// with what a component without a figure needs and the caveats of the open questions the figure rests on.
//
// Besides each case, per scheme: there is a case file and a worked example; every eligibility condition that can
// fail passes in some case and fails in another; and every dated change (validity start and end, closure, a term's
// new value, a condition's `from`, a revision of the MSME norms for schemes that test the category) has a case the
// day before and on the day.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { decimalStringSchema, isoDateSchema } from '../../src/catalogue/dated-value-schema.js';
import { loadCatalogue } from '../../src/catalogue/load-catalogue.js';
import { classify, normsOn } from '../../src/domain/classification.js';
import { conditionResult, evaluateScheme, type SchemeEvaluation } from '../../src/domain/eligibility.js';
import { factDefinitions, type EnterpriseFacts, type FactKey } from '../../src/domain/enterprise-facts.js';
import { moneyString } from '../../src/domain/money.js';
import type { Benefit } from '../../src/domain/scheme-benefits.js';
import { matchSchemes } from '../../src/domain/scheme-matching.js';
import { conditionLeaves, type Scheme } from '../../src/domain/scheme-types.js';

const root = path.resolve(import.meta.dirname, '../..');
const casesDir = path.join(root, 'test/rules/cases/schemes');
const catalogue = loadCatalogue(path.join(root, 'data'));
const schemes = catalogue.schemes;

/** Rupees as the API writes them: a decimal string with exactly two places. */
const moneySchema = z.string().regex(/^\d+\.\d{2}$/, 'rupees with two decimal places, e.g. "105000.00"');
const benefitKindSchema = z.enum([
  'grant',
  'subsidy',
  'interest-saving',
  'guarantee',
  'fee-reimbursement',
  'audit-reimbursement',
  'certification-subsidy',
  'none',
]);
const needsSchema = z.enum(['energy-audit-cost', 'certification-cost']);

const benefitSchema = z.strictObject({
  /** The loan the figure is worked on; capex and loan amount are the case's capexInr and loanInr facts. */
  loan: z.strictObject({
    annualRatePct: decimalStringSchema,
    tenureMonths: z.int().min(1),
    moratoriumMonths: z.int().min(0),
  }),
  kind: benefitKindSchema,
  /** null: no rupee figure is given (the value is to be confirmed, or the kind is not valued). */
  amountInr: moneySchema.nullable(),
  /** Left out only where the case's comment says why the fee is not asserted. */
  feesInr: moneySchema.optional(),
  subvention: z
    .strictObject({ ratePct: decimalStringSchema, months: z.int().min(0) })
    .nullable()
    .optional(),
  toConfirm: z.boolean(),
  /** The cost to enter for a figure (none when left out). */
  needs: needsSchema.optional(),
  /** Further components (a state policy's second kind of support); none when left out. */
  extras: z
    .array(
      z.strictObject({
        kind: benefitKindSchema,
        amountInr: moneySchema.nullable(),
        toConfirm: z.boolean(),
        needs: needsSchema.optional(),
      }),
    )
    .optional(),
  /** The ids of the scheme's open questions whose caveats the figure carries; none when left out. */
  caveats: z.array(z.string()).optional(),
});

const caseSchema = z.strictObject({
  name: z.string().min(1),
  asOf: isoDateSchema,
  facts: z.record(z.string(), z.unknown()).optional(),
  /** Shared facts this case leaves out, so that they are unknown. */
  drop: z.array(z.string()).optional(),
  expect: z.strictObject({
    status: z.enum(['not-yet-open', 'open', 'closed', 'unconfirmed']),
    eligible: z.boolean().nullable(),
    failed: z.array(z.string()),
    unknown: z.array(z.string()).optional(),
  }),
  benefit: benefitSchema.optional(),
});
type Case = z.output<typeof caseSchema>;

const caseFileSchema = z.strictObject({
  scheme: z.string(),
  /** Facts every case starts from. */
  facts: z.record(z.string(), z.unknown()).optional(),
  cases: z.array(caseSchema).min(2),
});
type CaseFile = z.output<typeof caseFileSchema>;

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

interface CaseFacts {
  facts: EnterpriseFacts;
  /** Whether the category came from investment and turnover with the norms in force. */
  classified: boolean;
}

function caseFacts(file: CaseFile, testCase: Case): CaseFacts {
  const raw: Record<string, unknown> = { ...file.facts, ...testCase.facts };
  for (const key of testCase.drop ?? []) {
    if (!(key in raw)) throw new Error(`drop: "${key}" is not among the facts`);
    delete raw[key];
  }
  const facts = toFacts(raw);
  if (facts.investmentInr === undefined || facts.turnoverInr === undefined)
    return { facts, classified: false };
  if ('category' in raw) throw new Error('the category comes from investment and turnover here: drop it');
  const norms = normsOn(catalogue, testCase.asOf);
  if (norms === undefined) throw new Error(`no MSME norms in force on ${testCase.asOf}: give the category`);
  const { category } = classify(
    {
      investment: facts.investmentInr,
      turnover: facts.turnoverInr,
      exportTurnover: facts.exportTurnoverInr ?? new Decimal(0),
    },
    norms,
  );
  return { facts: { ...facts, category }, classified: true };
}

interface Outcome extends CaseFacts {
  evaluation: SchemeEvaluation;
  benefit: Benefit | null;
}

function run(scheme: Scheme, file: CaseFile, testCase: Case): Outcome {
  const { facts, classified } = caseFacts(file, testCase);
  if (testCase.benefit === undefined) {
    return { evaluation: evaluateScheme(scheme, facts, testCase.asOf), benefit: null, facts, classified };
  }
  if (facts.capexInr === undefined || facts.loanInr === undefined)
    throw new Error('a worked example needs the capexInr and loanInr facts');
  const { loan } = testCase.benefit;
  const project = {
    capexInr: facts.capexInr,
    loanInr: facts.loanInr,
    annualRatePct: new Decimal(loan.annualRatePct),
    tenureMonths: loan.tenureMonths,
    moratoriumMonths: loan.moratoriumMonths,
  };
  // The whole catalogue, as the API matches it: a scheme that pays back another's guarantee fee is valued on it.
  const match = matchSchemes(schemes, facts, project, testCase.asOf).find((m) => m.scheme === scheme);
  if (match === undefined) throw new Error('matchSchemes returned nothing for the scheme');
  return { evaluation: match.evaluation, benefit: match.benefit, facts, classified };
}

const money = (value: Decimal | null) => (value === null ? null : moneyString(value));

const shiftDay = (date: string, days: number): string => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
};

interface DatedChange {
  /** The first day the change is in force. */
  on: string;
  what: string[];
  /** A revision of the MSME norms is among the changes: a case either side must classify. */
  norms: boolean;
}

/**
 * Every date on which something the scheme depends on changes. A term's start before the scheme opens is history
 * (the 2016 version of a 2021 scheme, say) and is left out.
 */
function datedChanges(scheme: Scheme): DatedChange[] {
  const { validity } = scheme;
  const changes = new Map<string, DatedChange>();
  const add = (on: string, what: string, norms = false) => {
    if (validity.validFrom !== null && on < validity.validFrom) return;
    const change = changes.get(on) ?? { on, what: [], norms: false };
    change.what.push(what);
    change.norms ||= norms;
    changes.set(on, change);
  };
  if (validity.validFrom !== null) add(validity.validFrom, 'opens');
  if (validity.validUntil !== null) add(shiftDay(validity.validUntil, 1), 'validity ends');
  if (validity.closure !== undefined) add(shiftDay(validity.closure.on, 1), 'closure');
  if (typeof validity.statusUnconfirmedSince === 'string')
    add(validity.statusUnconfirmedSince, 'status unconfirmed');
  for (const term of scheme.terms) {
    for (const entry of term.series.values) add(entry.from, term.id);
  }
  const conditions = [
    ...conditionLeaves(scheme.eligibility),
    ...scheme.terms.flatMap((term) =>
      term.appliesWhen === undefined ? [] : conditionLeaves(term.appliesWhen),
    ),
  ];
  for (const condition of conditions) {
    if (condition.kind === 'comparison' && condition.from !== undefined) add(condition.from, condition.id);
  }
  if (conditions.some((condition) => condition.kind === 'comparison' && condition.fact === 'category')) {
    for (const entry of catalogue.parameters.msmeNorms.values.slice(1)) add(entry.from, 'MSME norms', true);
  }
  return [...changes.values()].sort((a, b) => a.on.localeCompare(b.on));
}

const caseFiles = readdirSync(casesDir)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

describe('scheme rule cases', () => {
  it('every scheme has a cases file and every cases file names a known scheme', () => {
    const caseIds = caseFiles.map((name) => path.basename(name, '.yaml'));
    const schemeIds = schemes.map((scheme) => scheme.id).sort();
    expect(
      schemeIds.filter((id) => !caseIds.includes(id)),
      'schemes without cases',
    ).toEqual([]);
    expect(
      caseIds.filter((id) => !schemeIds.includes(id)),
      'case files for no scheme',
    ).toEqual([]);
  });

  for (const fileName of caseFiles) {
    const file = caseFileSchema.parse(parse(readFileSync(path.join(casesDir, fileName), 'utf8')));
    const scheme = schemes.find((candidate) => candidate.id === file.scheme);
    const outcomes = new Map<Case, Outcome>();
    const outcome = (testCase: Case): Outcome => {
      if (scheme === undefined) throw new Error(`no scheme ${file.scheme}`);
      let found = outcomes.get(testCase);
      if (found === undefined) {
        found = run(scheme, file, testCase);
        outcomes.set(testCase, found);
      }
      return found;
    };

    it(`${file.scheme} — names a known scheme and is the file named for it`, () => {
      expect(`${file.scheme}.yaml`).toBe(fileName);
      expect(scheme, `no scheme "${file.scheme}" in data/schemes`).toBeDefined();
      const names = file.cases.map((testCase) => testCase.name);
      expect(
        names.filter((name, index) => names.indexOf(name) !== index),
        'repeated case names',
      ).toEqual([]);
    });

    it(`${file.scheme} — has a worked benefit example`, () => {
      expect(file.cases.some((testCase) => testCase.benefit !== undefined)).toBe(true);
    });

    for (const testCase of file.cases) {
      it(`${file.scheme} — ${testCase.name}`, () => {
        const { evaluation, benefit } = outcome(testCase);
        const idsWith = (result: string) =>
          evaluation.criteria
            .filter((criterion) => criterion.result === result)
            .map((criterion) => criterion.id);
        expect(evaluation.status.status).toBe(testCase.expect.status);
        expect(evaluation.eligible).toBe(testCase.expect.eligible);
        expect(idsWith('failed').sort()).toEqual([...testCase.expect.failed].sort());
        if (testCase.expect.unknown !== undefined) {
          expect(idsWith('unknown').sort()).toEqual([...testCase.expect.unknown].sort());
        }
        const expected = testCase.benefit;
        if (expected === undefined || benefit === null) return;
        expect(benefit.kind).toBe(expected.kind);
        expect(money(benefit.amountInr)).toBe(expected.amountInr);
        if (expected.feesInr !== undefined) expect(money(benefit.feesInr)).toBe(expected.feesInr);
        if (expected.subvention !== undefined) {
          expect(
            benefit.subvention && {
              ratePct: benefit.subvention.ratePct.toString(),
              months: benefit.subvention.months,
            },
          ).toEqual(
            expected.subvention && {
              ...expected.subvention,
              ratePct: new Decimal(expected.subvention.ratePct).toString(),
            },
          );
        }
        expect(benefit.toConfirm).toBe(expected.toConfirm);
        expect(benefit.needs ?? null).toBe(expected.needs ?? null);
        expect(
          benefit.extras.map((extra) => ({
            kind: extra.kind,
            amountInr: money(extra.amountInr),
            toConfirm: extra.toConfirm,
            ...(extra.needs === undefined ? {} : { needs: extra.needs }),
          })),
        ).toEqual(expected.extras ?? []);
        expect(benefit.caveats.map((caveat) => caveat.id)).toEqual(expected.caveats ?? []);
      });
    }

    it(`${file.scheme} — every eligibility condition that can fail passes in one case and fails in another`, () => {
      if (scheme === undefined) throw new Error(`no scheme ${file.scheme}`);
      // Each condition on its own, so an alternative hidden under an `any` that passed still counts. A
      // to-confirm condition is always unknown: it can neither pass nor fail.
      const missing = conditionLeaves(scheme.eligibility)
        .filter((condition) => condition.kind === 'comparison')
        .flatMap((condition) => {
          const results = new Set(
            file.cases.map((testCase) =>
              conditionResult(condition, scheme, outcome(testCase).facts, testCase.asOf),
            ),
          );
          return (['passed', 'failed'] as const)
            .filter((result) => !results.has(result))
            .map((result) => `${condition.id} never ${result}`);
        });
      expect(missing).toEqual([]);
    });

    it(`${file.scheme} — has a case the day before and on the day of each dated change`, () => {
      if (scheme === undefined) throw new Error(`no scheme ${file.scheme}`);
      const missing = datedChanges(scheme).flatMap((change) =>
        [shiftDay(change.on, -1), change.on]
          .filter(
            (day) =>
              !file.cases.some(
                (testCase) => testCase.asOf === day && (!change.norms || outcome(testCase).classified),
              ),
          )
          .map(
            (day) =>
              `${change.on} (${change.what.join(', ')}): no case${change.norms ? ' that classifies' : ''} on ${day}`,
          ),
      );
      expect(missing).toEqual([]);
    });
  }
});
