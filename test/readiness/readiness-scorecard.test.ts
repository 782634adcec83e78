import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load-catalogue.js';
import { valueOn } from '../../src/domain/dated.js';
import { assessReadiness, type ReadinessInput } from '../../src/domain/readiness/assess-readiness.js';
import { reviseFigure } from '../../src/domain/readiness/document-provenance.js';
import { bandFor } from '../../src/domain/readiness/scorecard.js';
import { fromRoot } from '../../src/paths.js';
import {
  knownDocumentIds,
  readinessInputFrom,
  readinessRequestSchema,
} from '../../src/web/api/readiness-api.js';
import { READINESS_EXAMPLE } from '../fixtures/readiness/api-example.js';

const catalogue = loadCatalogue(fromRoot('data'));
const AS_OF = '2026-11-22';
const scorecard = valueOn(catalogue.parameters.readiness!, AS_OF)!;
const context = { scorecard, schemes: catalogue.schemes, requiredContributionPct: new Decimal(20) };
const example = () => readinessInputFrom(readinessRequestSchema.parse(READINESS_EXAMPLE), catalogue, AS_OF);
const allVerified = Object.fromEntries(
  [...knownDocumentIds(catalogue)].map((id) => [id, { status: 'document-verified' as const }]),
);

/** The example with every factor at full points. */
function perfect(): ReadinessInput {
  const input = example();
  return {
    ...input,
    credit: { ...input.credit, cmrRank: 2 },
    documents: allVerified,
    project: { ...input.project, savingsBasis: 'investment-grade-audit' },
  };
}
const assess = (input: ReadinessInput) => assessReadiness(input, context);
/** Equal to 25 places: the points divide by the number of documents, which is not exact in decimals. */
const same = (a: Decimal, b: Decimal) => a.toDecimalPlaces(25).equals(b.toDecimalPlaces(25));

describe('bands', () => {
  it.each([
    ['54.99', 'not-ready'],
    ['55', 'nearly-ready'],
    ['74.99', 'nearly-ready'],
    ['75', 'ready'],
    ['100', 'ready'],
  ])('a score of %s with every gate passed is %s', (score, band) => {
    expect(bandFor(new Decimal(score), true, scorecard.bands)).toBe(band);
  });

  it('is not ready at 100 when a gate fails', () => {
    expect(bandFor(new Decimal(100), false, scorecard.bands)).toBe('not-ready');
  });
});

describe('the scorecard', () => {
  it('gives the perfect file 100 points and "ready"', () => {
    const result = assess(perfect());
    expect(result.factors.filter((f) => !f.points.equals(f.maxPoints)).map((f) => f.explanation.en)).toEqual(
      [],
    );
    expect(result.score.toString()).toBe('100');
    expect(result.band).toBe('ready');
    expect(result.actions).toEqual([]);
  });

  const gateBreakers: [string, (input: ReadinessInput) => ReadinessInput][] = [
    ['no-current-default', (input) => ({ ...input, credit: { ...input.credit, smaStatus: 'SMA-2' } })],
    [
      'udyam-registered',
      (input) => ({ ...input, compliance: { ...input.compliance, udyamRegistered: false } }),
    ],
    [
      'consent-to-operate',
      (input) => ({
        ...input,
        compliance: { ...input.compliance, consentToOperateValidUntil: '2026-11-21' },
      }),
    ],
    [
      'positive-saving',
      (input) => ({
        ...input,
        project: {
          ...input.project,
          economics: { ...input.project.economics, annualEnergySavingsInr: new Decimal(40000) },
        },
      }),
    ],
  ];
  it.each(gateBreakers)(
    'makes the file not ready when only the gate %s fails, and says why first',
    (gate, breakIt) => {
      const result = assess(breakIt(perfect()));
      expect(result.band).toBe('not-ready');
      expect(result.gates.filter((g) => !g.passed).map((g) => g.id)).toEqual([gate]);
      expect(result.gates[0]?.id).toBe(gate);
      expect(result.actions[0]).toMatchObject({ id: gate, mustFix: true, pointsGain: null });
    },
  );

  it('holds an NPA enterprise with perfect numbers not ready, with the NPA reason first', () => {
    const result = assess({ ...perfect(), credit: { cmrRank: 1, inDefault: true, smaStatus: 'NPA' } });
    expect(result.band).toBe('not-ready');
    expect(result.score.greaterThanOrEqualTo(75)).toBe(true);
    expect(result.gates[0]?.passed).toBe(false);
    expect(result.gates[0]?.reason?.en).toBe(
      'The account is NPA. Banks do not lend fresh to a stressed account; regularise it first.',
    );
    expect(result.actions[0]?.mustFix).toBe(true);
  });

  it('treats a new-to-credit enterprise neutrally, with half the points, and tells it so', () => {
    const cmr = assess({ ...perfect(), credit: { ...perfect().credit, cmrRank: null } }).factors.find(
      (f) => f.id === 'cmr-rank',
    )!;
    expect(cmr.points.toString()).toBe('5');
    expect(cmr.outcome).toBe('neutral');
    expect(cmr.explanation.en).toContain(
      'new to credit. This is treated as neutral, not as a bad rank: 5 of 10 points',
    );
  });

  it("orders actions by gain and each action's gain is what re-scoring with the fix gives", () => {
    const input = example();
    const before = assess(input);
    const gains = before.actions.map((a) => a.pointsGain!);
    expect([...gains].sort((a, b) => b.comparedTo(a))).toEqual(gains);
    const total = gains.reduce((sum, gain) => sum.plus(gain), new Decimal(0));
    expect(before.score.plus(total).toString()).toBe('100');

    const fixes: Record<string, ReadinessInput> = {
      'savings-basis': { ...input, project: { ...input.project, savingsBasis: 'investment-grade-audit' } },
      'cmr-rank': { ...input, credit: { ...input.credit, cmrRank: 3 } },
      documents: { ...input, documents: allVerified },
    };
    for (const [id, fixed] of Object.entries(fixes)) {
      const action = before.actions.find((a) => a.id === id)!;
      expect(assess(fixed).score.minus(before.score).toString(), id).toBe(action.pointsGain!.toString());
    }
  });

  it('ties the audit action to the open schemes that ask for an energy audit', () => {
    const audit = assess(example()).actions.find((a) => a.id === 'savings-basis')!;
    expect(audit.unlocksSchemes).toEqual(['adeetie', 'sidbi-4e']);
    expect(audit.text.en).toContain('This also unlocks ADEETIE and SIDBI 4E');
  });

  it('weights documents by provenance: verified 1.0, advisor-checked 0.8, self-declared 0.5, missing 0', () => {
    const base = perfect();
    const checked = (status: 'advisor-checked' | 'self-declared' | 'missing') =>
      assess({ ...base, documents: { ...base.documents, 'itr-3y': { status } } });
    const count = assess(base).checklist.items.length;
    const drop = (share: string) => new Decimal(10).times(new Decimal(1).minus(share)).dividedBy(count);
    expect(same(new Decimal(100).minus(checked('advisor-checked').score), drop('0.8'))).toBe(true);
    expect(same(new Decimal(100).minus(checked('self-declared').score), drop('0.5'))).toBe(true);
    expect(same(new Decimal(100).minus(checked('missing').score), drop('0'))).toBe(true);
  });

  it('lowers the statements document when a figure it backs is edited after verification', () => {
    const base = perfect();
    const verified = {
      value: new Decimal(5000000),
      provenance: { status: 'document-verified' as const, by: 'SIDBI Ludhiana officer', on: '2026-11-01' },
    };
    const unchanged = reviseFigure(verified, new Decimal(5000000), {
      on: AS_OF,
      equals: (a, b) => a.equals(b),
    });
    expect(unchanged).toBe(verified);
    const edited = reviseFigure(verified, new Decimal(5200000), {
      by: 'owner',
      on: AS_OF,
      equals: (a, b) => a.equals(b),
    });
    expect(edited.provenance).toEqual({ status: 'self-declared', by: 'owner', on: AS_OF });

    const after = assess({ ...base, figures: { 'financials.2025-26.netWorthInr': edited.provenance } });
    const statements = after.checklist.items.find((item) => item.id === 'audited-financials-3y')!;
    expect(statements.effectiveStatus).toBe('self-declared');
    expect(statements.cappedBy).toBe('financials.2025-26.netWorthInr');
    expect(
      same(new Decimal(100).minus(after.score), new Decimal(5).dividedBy(after.checklist.items.length)),
    ).toBe(true);
  });

  it("adds a matched scheme's own documents to the checklist", () => {
    const ids = assess(example()).checklist.items.map((item) => item.id);
    expect(ids.slice(0, 3)).toEqual(['kyc-promoters', 'udyam-certificate', 'gst-registration']);
    expect(ids).toContain('existing-loan-sanctions');
  });

  it('lowers confidence, not the assessment, when a fiscal year is missing', () => {
    const input = example();
    const result = assess({
      ...input,
      financials: input.financials.filter((y) => y.fiscalYear !== '2024-25'),
    });
    expect(result.confidence).toEqual({ level: 'medium', missingFiscalYears: ['2024-25'] });
    expect(assess({ ...input, financials: [] }).confidence.level).toBe('low');
  });
});
