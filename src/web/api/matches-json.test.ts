import { describe, expect, it } from 'vitest';
import { MATCHES_EXAMPLE } from '../../../test/fixtures/matches/api-example.js';
import { catalogue } from '../../../test/helpers/catalogue-fixture.js';
import { benefitSummaryIn, type BenefitNeed, type CostShare } from '../../domain/scheme-benefits.js';
import { packageExplanation } from '../../domain/scheme-matching.js';
import { moneyOut, percentOut, ratioOut, yearsOut } from './api-format.js';
import { matchesJson, type MatchesOutcome } from './matches-json.js';
import { matchesOutcome } from './scheme-matches-api.js';

// matchesJson writes the answer by hand (matches-json.ts says why); it must be the very text JSON.stringify gave
// for the response body as it was built before. That body is kept here, as the plain reference, and the two are
// compared on many requests.

const NEEDED_FIELDS: Record<BenefitNeed, string[]> = {
  'energy-audit-cost': ['project.energyAuditCostInr'],
  'certification-cost': ['project.zedTargetLevel', 'project.certificationCostInr'],
};

const costShareOut = (share: CostShare) => ({
  sharePct: percentOut(share.ratePct),
  costInr: moneyOut(share.costInr),
  capInr: moneyOut(share.capInr),
  rewardInr: moneyOut(share.rewardInr),
  zedLevel: share.level?.id ?? null,
});

function referenceBody({ lang, classification, matches, packages, rulesVersion, asOf }: MatchesOutcome) {
  return {
    classification: classification && {
      category: classification.category,
      norms: {
        id: classification.norms.value.id,
        effectiveFrom: classification.norms.from,
        reference: classification.norms.reference,
      },
    },
    schemes: matches.map(({ scheme, evaluation, benefit }) => ({
      id: scheme.id,
      name: scheme.name[lang],
      administrator: scheme.administrator[lang],
      kind: scheme.kinds,
      status: evaluation.status.status,
      validUntil: scheme.validity.validUntil,
      statusNote: evaluation.status.note?.[lang] ?? null,
      eligible: evaluation.eligible,
      criteria: evaluation.criteria.map((criterion) => ({
        id: criterion.id,
        text: criterion.text[lang],
        result: criterion.result,
        value: criterion.value,
        threshold: criterion.threshold,
        reference: criterion.reference,
      })),
      toMakeItYes: evaluation.toMakeItYes.map((suggestion) => suggestion.text[lang]),
      benefit: {
        summary: benefitSummaryIn(benefit, scheme.administrator, lang),
        amountInr: moneyOut(benefit.amountInr),
        details: {
          kind: benefit.kind,
          feesInr: moneyOut(benefit.feesInr),
          subventionPct: benefit.subvention && percentOut(benefit.subvention.ratePct),
          subventionMonths: benefit.subvention?.months ?? null,
          terms: benefit.termIds,
          components: [benefit, ...benefit.extras].map((component) => ({
            kind: component.kind,
            amountInr: moneyOut(component.amountInr),
            needs: component.needs ? NEEDED_FIELDS[component.needs] : null,
            costShare: component.costShare ? costShareOut(component.costShare) : null,
          })),
          caveats: benefit.caveats.map((caveat) => caveat.text[lang]),
        },
        confidence: benefit.confidence,
      },
      references: scheme.references.map((reference) => reference.url),
    })),
    packages: packages.map((p, index) => ({
      schemeIds: p.schemeIds,
      netCostInr: moneyOut(p.netCostInr),
      emiInr: moneyOut(p.emiInr),
      explanation: packageExplanation(p, index, packages[0], lang),
      netProjectCostInr: moneyOut(p.netProjectCostInr),
      loanInr: moneyOut(p.loanInr),
      ownContributionInr: moneyOut(p.ownContributionInr),
      annualRatePct: percentOut(p.annualRatePct),
      totalInterestAfterSubventionInr: moneyOut(p.totalInterestAfterSubventionInr),
      guaranteeFeesInr: moneyOut(p.guaranteeFeesInr),
      feeReimbursementInr: moneyOut(p.feeReimbursementInr),
      auditAndCertificationSupportInr: moneyOut(p.auditAndCertificationSupportInr),
      paybackYears: yearsOut(p.paybackYears),
      minDscr: ratioOut(p.minDscr),
    })),
    rulesVersion,
    asOf,
  };
}

const ESCAPED = `"q" \\ b\\s\t\n\u0007 \ud800 \u2028`; // quotes, backslashes, controls, a lone surrogate

const ENTERPRISES: Record<string, object> = {
  'a micro women-owned Batala foundry': MATCHES_EXAMPLE.enterprise,
  'a small SC-owned Jaipur foundry with ZED bronze': {
    clusterId: 'jaipur-foundry',
    activity: 'manufacturing',
    investmentInr: '60000000',
    turnoverInr: '400000000',
    exportTurnoverInr: '100000000',
    yearsInOperation: 3,
    ownership: ['sc', 'st'],
    udyamRegistered: true,
    gstRegistered: true,
    zedLevel: 'bronze',
    cmrRank: null,
    inDefault: false,
    cashProfitLastTwoYears: false,
    sfurtiOrMseCdpMember: true,
  },
  'a medium Haryana enterprise with no cluster, its sector and district needing escapes': {
    state: 'HR',
    district: `O'Neil "East" \\ zone`,
    sector: ESCAPED,
    activity: 'services',
    investmentInr: '900000000',
    turnoverInr: '4000000000',
    yearsInOperation: 30,
    udyamRegistered: false,
    inDefault: true,
  },
  'an enterprise too large to be an MSME in Howrah': {
    clusterId: 'howrah-foundry',
    investmentInr: '5000000000',
    turnoverInr: '90000000000',
    exportTurnoverInr: '1000000000',
    ownership: [],
    zedLevel: 'silver',
  },
  'a Shivamogga unit of Hindi sector': {
    clusterId: 'shivamogga-foundry',
    sector: 'ढलाई',
    activity: 'trading',
    cmrRank: 10,
  },
  'an enterprise that gives no facts': {},
};

const PROJECTS: Record<string, object> = {
  'a divided-blast cupola on a loan': MATCHES_EXAMPLE.project,
  'rooftop solar with every optional field': {
    technologyId: 'rooftop-solar-pv',
    capexInr: '12500000.55',
    loanInr: '10000000',
    energySavingPct: '22.5',
    viaEsco: true,
    clusterSpv: false,
    annualRatePct: '10.25',
    tenureMonths: 84,
    moratoriumMonths: 6,
    annualEnergySavingsInr: '2100000',
    projectType: 'modernisation',
    energyAuditCostInr: '150000',
    zedTargetLevel: 'gold',
    certificationCostInr: '90000',
  },
  'an induction furnace paid for in cash': {
    technologyId: 'cupola-to-induction-furnace',
    capexInr: '30000000',
    loanInr: '0',
    projectType: 'new-unit',
    zedTargetLevel: 'silver',
  },
};

// Either side of dated changes: a condition from 15-11-2021, the MSME norms of 01-04-2025, validities ending
// 31-03-2026, and a date when most schemes have ended.
const DATES = [
  '2021-11-14',
  '2021-11-15',
  '2025-03-31',
  '2025-04-01',
  '2026-03-31',
  '2026-04-01',
  '2029-04-01',
];

/** Before the catalogue's cost of debt is in force, the borrower's rate is needed. */
const withRate = (project: object, asOf: string) =>
  asOf < '2024-04-01' ? { annualRatePct: '9.5', ...project } : project;

function outcomeOf(request: object): MatchesOutcome {
  const result = matchesOutcome(request, { catalogue, asOf: '2026-11-22' });
  if (result.status !== 200) throw new Error(`not a match: ${JSON.stringify(result.body)}`);
  return result.outcome;
}

describe('matchesJson', () => {
  it('writes the text JSON.stringify gives for the body, for varied enterprises, projects, dates and languages', () => {
    const reached = new Set<string>();
    for (const [enterpriseName, enterprise] of Object.entries(ENTERPRISES)) {
      for (const [projectName, project] of Object.entries(PROJECTS)) {
        for (const asOf of DATES) {
          for (const lang of ['en', 'hi', undefined]) {
            const outcome = outcomeOf({ asOf, lang, enterprise, project: withRate(project, asOf) });
            const expected = JSON.stringify(referenceBody(outcome));
            expect(matchesJson(outcome), `${enterpriseName}, ${projectName}, ${asOf}, ${lang}`).toBe(
              expected,
            );

            reached.add(`classification ${outcome.classification?.category ?? 'none'}`);
            if (outcome.packages.length > 0) reached.add('packages');
            for (const { evaluation } of outcome.matches) {
              reached.add(`status ${evaluation.status.status}`);
              reached.add(`eligible ${evaluation.eligible}`);
              for (const criterion of evaluation.criteria) {
                reached.add(`criterion ${criterion.result}`);
                if (criterion.value === null) reached.add('criterion value null');
                if (criterion.threshold === null) reached.add('criterion threshold null');
              }
            }
            if (expected.includes(JSON.stringify(ESCAPED))) reached.add('escaped sector');
          }
        }
      }
    }
    // The requests reach every case the writer tells apart.
    expect([...reached].sort()).toEqual(
      [
        'classification micro',
        'classification small',
        'classification medium',
        'classification none',
        'classification not-msme',
        'packages',
        'status open',
        'status closed',
        'status unconfirmed',
        'status not-yet-open',
        'eligible true',
        'eligible false',
        'eligible null',
        'criterion passed',
        'criterion failed',
        'criterion unknown',
        'criterion value null',
        'criterion threshold null',
        'escaped sector',
      ].sort(),
    );
  });

  it('writes another scheme object anew, and a criterion text object shared by other criteria with their own parts', () => {
    const outcome = outcomeOf({
      asOf: '2026-11-22',
      enterprise: ENTERPRISES['an enterprise that gives no facts'],
      project: PROJECTS['a divided-blast cupola on a loan'],
    });
    matchesJson(outcome);
    // Another catalogue's scheme, with other names; then criteria sharing one text object, each one differing from
    // the one before in one more of the parts written with the text.
    const [first, ...others] = outcome.matches;
    const criterion = first!.evaluation.criteria[0]!;
    const renamed: MatchesOutcome = {
      ...outcome,
      matches: [
        {
          ...first!,
          scheme: { ...first!.scheme, name: { en: 'Another "name"', hi: 'दूसरा नाम' } },
          evaluation: {
            ...first!.evaluation,
            criteria: [
              criterion,
              { ...criterion, id: 'another-id' },
              { ...criterion, id: 'another-id', threshold: 'another "threshold"' },
              {
                ...criterion,
                id: 'another-id',
                threshold: 'another "threshold"',
                reference: 'another \\ one',
              },
            ],
          },
        },
        ...others,
      ],
    };
    expect(matchesJson(renamed)).toBe(JSON.stringify(referenceBody(renamed)));
    expect(matchesJson(outcome)).toBe(JSON.stringify(referenceBody(outcome)));
  });
});
