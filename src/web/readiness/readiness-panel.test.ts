import { join } from 'node:path';
import ejs from 'ejs';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../catalogue/load-catalogue.js';
import { valueOn } from '../../domain/dated.js';
import { assessReadiness } from '../../domain/readiness/assess-readiness.js';
import { readinessSensitivity } from '../../domain/readiness/readiness-sensitivity.js';
import { dataPaths, fromRoot, VIEWS_DIR } from '../../paths.js';
import { completeReadiness, profileReadiness } from '../../services/readiness-service.js';
import { READINESS_EXAMPLE } from '../../../test/fixtures/readiness/api-example.js';
import { readinessInputFrom, readinessRequestSchema } from '../api/readiness-api.js';
import { formatDate } from '../format.js';
import { loadTranslations, readLocale, type Lang } from '../i18n.js';
import { readinessView } from './readiness-view.js';
import type { EnterpriseProfile } from '../../domain/enterprise-profile.js';

const paths = dataPaths(fromRoot('data'));
const catalogue = loadCatalogue(paths.dataDir);
const translations = loadTranslations(paths.locales);
const AS_OF = READINESS_EXAMPLE.asOf;
const scorecard = valueOn(catalogue.parameters.readiness!, AS_OF)!;
const requiredContributionPct = valueOn(
  catalogue.parameters.bankNorms.promoterContributionMinPct,
  AS_OF,
)!.default!;

function exampleResult() {
  const input = readinessInputFrom(readinessRequestSchema.parse(READINESS_EXAMPLE), catalogue, AS_OF);
  const assessment = assessReadiness(input, {
    scorecard,
    schemes: catalogue.schemes,
    requiredContributionPct,
  });
  return completeReadiness(assessment, readinessSensitivity(input.project.economics, scorecard.sensitivity));
}

const render = (readiness: ReturnType<typeof readinessView>, lang: Lang) =>
  ejs.renderFile(join(VIEWS_DIR, 'components/readiness-panel.ejs'), {
    readiness,
    lang,
    t: translations.forLang(lang),
    formatDate,
  });

type Tree = { [key: string]: string | Tree };
const strings = (tree: Tree): string[] =>
  Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : strings(value)));
/** English sentences (three words or more, no placeholders) that must never reach a Hindi page. */
const englishSentences = strings(readLocale(paths.locales, 'en') as Tree).filter(
  (text) => text.split(' ').length >= 3 && !text.includes('{{'),
);

describe('the readiness panel', () => {
  it('shows the score, band, gates, pillars, factors, actions and sensitivity of a real assessment', async () => {
    const html = await render(readinessView(exampleResult(), 'en'), 'en');
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<desc id="readiness-gauge-desc">Score 86.07 out of 100. Band: Ready.<\/desc>/);
    expect(html).toContain('Passed');
    expect(html).toContain('Financial health');
    expect(html).toContain('25 of 25');
    expect(html).toContain(
      'CMR-5 meets the partial threshold (≤ 6) but not the full one (≤ 4), so 5 of 10 points.',
    );
    expect(html).toContain('Full at 1.50 or more, partial at 1.25 or more');
    expect(html).toContain('href="https://indianbank.in/departments/ind-msme-gift"');
    // Actions by points gained: documents (+5.43) before the rank (+5.00) before the audit (+3.50).
    const documents = html.indexOf('+5.43 points, score 91.50');
    const rank = html.indexOf('+5.00 points, score 91.07');
    const audit = html.indexOf('This also unlocks ADEETIE and SIDBI 4E');
    expect(documents).toBeGreaterThan(0);
    expect(rank).toBeGreaterThan(documents);
    expect(audit).toBeGreaterThan(rank);
    expect(html).toContain('Savings 20 % lower');
    expect(html).toContain('before the project&#39;s DSCR falls to 1.0');
  });

  it('lists a failed gate first with its reason and a must-fix action', async () => {
    const result = exampleResult();
    const npa = readinessInputFrom(
      readinessRequestSchema.parse({ ...READINESS_EXAMPLE, credit: { cmrRank: 5, smaStatus: 'NPA' } }),
      catalogue,
      AS_OF,
    );
    const assessment = assessReadiness(npa, {
      scorecard,
      schemes: catalogue.schemes,
      requiredContributionPct,
    });
    const html = await render(readinessView(completeReadiness(assessment, result.sensitivity), 'en'), 'en');
    const failed = html.indexOf('The account is NPA.');
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(html.indexOf('Udyam registration present'));
    expect(html).toContain('Band: Not ready.');
    expect(html).toContain('Must fix');
  });

  it('speaks Hindi with no English sentence left', async () => {
    const result = exampleResult();
    const html = await render(readinessView(result, 'hi'), 'hi');
    expect(html).toContain('100 में से 86.07 अंक। श्रेणी: तैयार।');
    expect(html).toContain('वित्तीय स्थिति');
    const leaked = englishSentences.filter((sentence) => html.includes(sentence));
    const domainEnglish = [
      ...result.assessment.factors.map((factor) => factor.explanation.en),
      ...result.assessment.actions.map((action) => action.text.en),
    ].filter((text) => html.includes(text));
    expect({ leaked, domainEnglish }).toEqual({ leaked: [], domainEnglish: [] });
  });

  it('shows a profile without a project as far as it can be assessed, naming what is missing', async () => {
    const profile: EnterpriseProfile = {
      id: 1,
      version: 1,
      ownerUserId: 1,
      details: {
        name: 'Test Castings',
        clusterId: 'batala-foundry',
        udyamNumber: 'UDYAM-PB-06-0001234',
        gstNumber: null,
        constitution: 'proprietorship',
        yearOfStart: 2010,
        ownership: [],
        investmentInr: null,
      },
      energy: null,
      financials: [],
      credit: null,
      compliance: null,
      documents: [],
      completedSteps: ['enterprise'],
    };
    const result = profileReadiness(profile, { catalogue, asOf: AS_OF })!;
    expect(result.band).toBeNull();
    expect(result.gaps).toEqual(['finances', 'credit', 'compliance', 'documents', 'project']);
    const html = await render(readinessView(result, 'en'), 'en');
    expect(html).toContain('Add the finances step to see the financial-health pillar.');
    expect(html).toContain('Band not decided yet');
    expect(html).toContain('Not checked yet');
    expect(html).toContain('not assessed yet, because there is no project');
    expect(html).not.toContain('first-year net saving is');
    // Without a project nothing is scored from it, and each action's score after is counted the same way.
    expect(
      result.assessment.factors.find((factor) => factor.id === 'simple-payback')!.points.toString(),
    ).toBe('0');
    for (const action of result.assessment.actions)
      expect(action.scoreAfter?.toString()).toBe(result.assessment.score.plus(action.pointsGain!).toString());
  });
});
