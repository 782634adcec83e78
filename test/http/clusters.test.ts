import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_IDS, type FiscalYearFigures } from '../../src/domain/enterprise-profile.js';
import { fromRoot } from '../../src/paths.js';
import { buildTestApp, catalogue, csrfTokenIn, loggedInAgent, type TestApp } from '../helpers/test-app.js';
import { profileFromSnapshot } from '../../src/domain/application-review.js';
import { valueOn } from '../../src/domain/dated.js';
import type { EnterpriseProfile } from '../../src/domain/enterprise-profile.js';
import { figureProvenance } from '../../src/domain/figure-checks.js';
import { documentChecklist } from '../../src/domain/readiness/document-provenance.js';
import { readinessInputOf } from '../../src/services/readiness-service.js';
import {
  actorFor,
  changeContext,
  saveCupolaEnergy,
  submitCupolaApplication,
} from '../builders/people-and-energy.js';
import { asBuffer, pdfText } from '../helpers/pdf-text.js';
import { savedPlan } from '../builders/plans.js';

/** One year's statements, the revenue set by each test. */
const STATEMENTS: FiscalYearFigures = {
  fiscalYear: '2025-26',
  revenueInr: new Decimal(30000000),
  profitAfterTaxInr: new Decimal(1800000),
  depreciationInr: new Decimal(400000),
  interestInr: new Decimal(300000),
  termLoanRepaymentInr: new Decimal(500000),
  currentAssetsInr: new Decimal(9000000),
  currentLiabilitiesInr: new Decimal(6000000),
  totalOutsideLiabilitiesInr: new Decimal(12000000),
  netWorthInr: new Decimal(8000000),
  intangibleAssetsInr: new Decimal(0),
};

/**
 * Batala as a hand-worked fixture: the two seeded units (no figures) and six imported ones.
 *   category: A, B, E micro; C small (turnover ₹20 crore); D medium (₹30 crore in plant); F and the seeded two unknown
 *   kWh/t: A 600, B 700, C 800, D 500, E 900, F 1000 → sorted 500…1000, type-7 percentiles
 *          p10 550, p25 625, p50 750, p75 875, p90 950
 *   kg coke/t: A 120, B 130, C 150, D 110, E 140 → p10 114, p25 120, p50 130, p75 140, p90 146
 *   energy audit held by A, B, C → 5 of 8 lack it = 62.5 % (shown half-even as 62 %)
 */
async function batalaFixture(testApp: TestApp) {
  const { agent } = await loggedInAgent(testApp.app, 'advisor@demo.in');
  const token = csrfTokenIn((await agent.get('/imports')).text);
  const uploaded = await agent
    .post(`/imports?_csrf=${encodeURIComponent(token)}`)
    .attach('file', readFileSync(fromRoot('test/fixtures/imports/batala-cluster.csv')), 'batala.csv');
  const preview = await agent.get(uploaded.headers.location as string);
  await agent
    .post(`${uploaded.headers.location as string}/confirm`)
    .type('form')
    .send({ _csrf: csrfTokenIn(preview.text), duplicates: 'flag' });
  const advisor = testApp.repos.users.findByIdentifier('advisor@demo.in')!;
  for (const unit of testApp.repos.enterprises.listByClusters(['batala-foundry'])) {
    const held = ['Unit A', 'Unit B', 'Unit C'].includes(unit.name)
      ? (['udyam-certificate', 'energy-audit-report'] as const)
      : (['udyam-certificate'] as const);
    testApp.repos.profiles.saveOwnerDocuments(unit.id, held, advisor.id, '2026-11-01T00:00:00Z');
  }
  return agent;
}

async function howrahAdvisor(testApp: TestApp) {
  const howrah = testApp.services.organisations.list().find((o) => o.name === 'Howrah Foundry Association')!;
  await testApp.services.accounts.createAccount(
    {
      identifier: { email: 'howrah@demo.in', mobile: null },
      displayName: 'Howrah Advisor',
      password: 'a-long-password',
      role: 'advisor',
      organisationId: howrah.id,
      branchId: null,
    },
    { actor: null, requestId: 'test' },
  );
  return (await loggedInAgent(testApp.app, 'howrah@demo.in', 'a-long-password')).agent;
}

const cellsOf = (html: string, caption: string) => {
  const table = html.split(`<caption>${caption}</caption>`)[1]?.split('</table>')[0] ?? '';
  return [...table.matchAll(/<tr><th scope="row">([^<]*)<\/th><td>([^<]*)<\/td><\/tr>/g)].map((m) => [
    m[1],
    m[2],
  ]);
};

describe('the cluster dashboard', () => {
  it('shows the hand-worked figures as charts with tables beneath, and no unit names', async () => {
    const testApp = await buildTestApp();
    const agent = await batalaFixture(testApp);
    const page = await agent.get('/clusters/batala-foundry');
    expect(page.status).toBe(200);
    expect(page.text).toContain('8 units');
    expect(cellsOf(page.text, 'Units by MSME category')).toEqual([
      ['Micro', '3'],
      ['Small', '1'],
      ['Medium', '1'],
      ['Above MSME limits', '0'],
      ['Not known', '3'],
    ]);
    const gaps = cellsOf(page.text, 'The commonest missing documents');
    expect(gaps).toHaveLength(14);
    expect(gaps).toContainEqual(['Energy audit report', '62 %']);
    expect(gaps.at(-2)).toEqual(['Energy audit report', '62 %']);
    expect(gaps.at(-1)).toEqual(['Udyam registration certificate', '0 %']);
    expect(cellsOf(page.text, 'Electricity, kWh per tonne')).toEqual([
      ['10th percentile', '550'],
      ['25th percentile', '625'],
      ['50th percentile', '750'],
      ['75th percentile', '875'],
      ['90th percentile', '950'],
    ]);
    expect(cellsOf(page.text, 'Coke, kg per tonne').map(([, value]) => value)).toEqual([
      '114',
      '120',
      '130',
      '140',
      '146',
    ]);
    expect(page.text).toContain('role="img"');
    for (const name of ['Unit A', 'Singh Castings', 'Gurdaspur', 'UDYAM-PB-03'])
      expect(page.text).not.toContain(name);

    const csv = await agent.get('/clusters/batala-foundry/export.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain('msme-category,micro,3,\r\n');
    expect(csv.text).toContain('missing-document-percent,energy-audit-report,5,62.5\r\n');
    expect(csv.text).toContain('sec-electricityKwhPerTonne,p50,6,750.0\r\n');
    expect(csv.text).not.toContain('Unit A');
  });

  it('withholds a distribution drawn from fewer than five units', async () => {
    const testApp = await buildTestApp();
    const { agent } = await loggedInAgent(testApp.app, 'advisor@demo.in');
    const page = await agent.get('/clusters/batala-foundry');
    expect(page.text).toContain('only 0 units have the figures');
    expect(page.text).not.toContain('<caption>Electricity, kWh per tonne</caption>');
  });

  it('is not found for an advisor of another association, for an unknown cluster, and forbidden to owners', async () => {
    const testApp = await buildTestApp();
    const howrah = await howrahAdvisor(testApp);
    for (const path of [
      '/clusters/batala-foundry',
      '/clusters/batala-foundry/export.csv',
      '/clusters/batala-foundry/units',
    ])
      expect({ path, status: (await howrah.get(path)).status }).toEqual({ path, status: 404 });
    expect((await howrah.get('/clusters/howrah-foundry')).status).toBe(200);
    const { agent } = await loggedInAgent(testApp.app, 'advisor@demo.in');
    expect((await agent.get('/clusters/no-such-cluster')).status).toBe(404);
    const owner = (await loggedInAgent(testApp.app, 'owner@demo.in')).agent;
    expect((await owner.get('/clusters/batala-foundry')).status).toBe(403);
  });

  it('is in Hindi for a Hindi reader', async () => {
    const testApp = await buildTestApp();
    const agent = await batalaFixture(testApp);
    const page = await agent.get('/clusters/batala-foundry').set('Accept-Language', 'hi');
    expect(page.text).toContain('एमएसएमई श्रेणी के अनुसार इकाइयाँ');
  });
});

/** Rows of a multi-column table: the row header and every cell. */
const rowsOf = (html: string, caption: string) => {
  const table = html.split(`<caption>${caption}</caption>`)[1]?.split('</table>')[0] ?? '';
  return [...table.matchAll(/<tr><th scope="row">([^<]*)<\/th>((?:<td>[^<]*<\/td>)+)<\/tr>/g)].map((m) => [
    m[1],
    ...[...(m[2] ?? '').matchAll(/<td>([^<]*)<\/td>/g)].map((cell) => cell[1]),
  ]);
};

describe('the cluster potential and the printable report', () => {
  it('sums investment and loan by technology, the saving by stream, and scheme reach, without unit names', async () => {
    const testApp = await buildTestApp();
    const agent = await batalaFixture(testApp);
    const page = await agent.get('/clusters/batala-foundry');
    // Sand reclamation applies to all six units with figures: 6 × ₹40–150 lakh = ₹2.4–9 crore; loan 80 %.
    const investment = rowsOf(page.text, 'Investment and loan demand by technology');
    expect(investment).toContainEqual([
      'Green-sand reclamation',
      '6',
      '₹2.40 crore – ₹9.00 crore',
      '₹1.92 crore – ₹7.20 crore',
    ]);
    // Cupola measures only for the five units that burn coke (F has none).
    expect(investment.find((row) => row[0]?.startsWith('Replacing a cupola'))?.[1]).toBe('5');
    // Each coke unit's best net measure is the switch to induction: all 1,040 t of coke × 28.2 GJ/t = 29,328 GJ
    // = 700.5 toe (÷ 41.868), with the electricity it adds shown as a negative.
    const streams = rowsOf(page.text, 'Annual energy saving potential by stream');
    expect(streams[0]).toEqual(['Coke', '5', '29,328', '700.5']);
    expect(streams[1]?.[0]).toBe('Electricity');
    expect(streams[1]?.[2]?.startsWith('-')).toBe(true);
    const reach = rowsOf(page.text, 'Scheme reach');
    expect(reach.length).toBeGreaterThan(0);
    for (const row of reach) expect(Number(row[1]) + Number(row[2])).toBeLessThanOrEqual(6);
    for (const name of ['Unit A', 'Singh Castings', 'Gurdaspur Grey', 'UDYAM-PB-03'])
      expect(page.text).not.toContain(name);

    const csv = await agent.get('/clusters/batala-foundry/export.csv');
    expect(csv.text).toContain('capex-low-inr,sand-reclamation,6,24000000\r\n');
    expect(csv.text).toContain('saving-gj,coke,5,29328.0\r\n');
  });

  it('prints the same figures on the report page, anonymised, and is 404 for another association', async () => {
    const testApp = await buildTestApp();
    const agent = await batalaFixture(testApp);
    const report = await agent.get('/clusters/batala-foundry/report');
    expect(report.status).toBe(200);
    expect(report.text).toContain('Batala foundry cluster: aggregate report');
    expect(report.text).toContain('figures as on 22-11-2026');
    expect(cellsOf(report.text, 'Units by MSME category')[0]).toEqual(['Micro', '3']);
    expect(rowsOf(report.text, 'Annual energy saving potential by stream')[0]).toEqual([
      'Coke',
      '5',
      '29,328',
      '700.5',
    ]);
    for (const name of ['Unit A', 'Unit F', 'Singh Castings', 'Gurdaspur Grey', 'UDYAM-PB-03'])
      expect(report.text).not.toContain(name);
    const howrah = await howrahAdvisor(testApp);
    for (const path of ['/clusters/batala-foundry/report', '/clusters/batala-foundry/cfc'])
      expect({ path, status: (await howrah.get(path)).status }).toEqual({ path, status: 404 });
  });

  it('is in Hindi for a Hindi reader', async () => {
    const testApp = await buildTestApp();
    const agent = await batalaFixture(testApp);
    const report = await agent.get('/clusters/batala-foundry/report').set('Accept-Language', 'hi');
    expect(report.text).toContain('धारा के अनुसार वार्षिक ऊर्जा बचत की संभावना');
    const cfc = await agent.get('/clusters/batala-foundry/cfc').set('Accept-Language', 'hi');
    expect(cfc.text).toContain('साझा सुविधा योजनाकार');
    expect(cfc.text).toContain('31-03-2026 से बंद');
  });
});

describe('the common facility planner', () => {
  it('works out the MSE-CDP grant for a ₹12 crore CFC: 60 %, ₹7.2 crore, with a 10 % SPV share, and says the scheme is closed', async () => {
    const testApp = await buildTestApp();
    const agent = await batalaFixture(testApp);
    const ids = testApp.repos.enterprises
      .listByClusters(['batala-foundry'])
      .filter((unit) => ['Unit A', 'Unit B', 'Unit E'].includes(unit.name))
      .map((unit) => unit.id);
    const query = ids.map((id) => `units=${id}`).join('&');
    const page = await agent.get(
      `/clusters/batala-foundry/cfc?plan=1&technology=sand-reclamation&${query}&hours=4800&cost=12+crore&spvShare=10`,
    );
    expect(page.status).toBe(200);
    expect(page.text).toContain('closed since 31-03-2026');
    // Participants listed by name on this advisor-only page: A 1,000 + B 2,000 + E 500 = 3,500 t new sand a year.
    expect(cellsOf(page.text, '3 participating units')).toEqual([
      ['Unit A', '1,000'],
      ['Unit B', '2,000'],
      ['Unit E', '500'],
    ]);
    const size = cellsOf(page.text, 'Size and cost: Green-sand reclamation');
    expect(size).toContainEqual(['Tonnes a year the facility handles', '3,500']);
    expect(size).toContainEqual(['Capacity needed, t/h', '0.73']);
    const grant = cellsOf(page.text, 'Grant at your project cost');
    expect(grant).toContainEqual(['Grant rate', '60 %']);
    expect(grant).toContainEqual(['Government of India grant', '₹7.20 crore']);
    expect(grant).toContainEqual(['SPV share at 10 % (at least 10 %)', '₹1.20 crore']);
    expect(grant).toContainEqual([
      'Special-area uplift',
      'none: whether the district qualifies is not known',
    ]);
    expect(page.text).toContain('No state scheme in the catalogue tops up a common facility in Punjab.');
    expect(page.text).not.toContain('Singh Castings</th>');

    const low = await agent.get(
      `/clusters/batala-foundry/cfc?plan=1&technology=sand-reclamation&${query}&cost=12+crore&spvShare=5`,
    );
    expect(low.text).toContain('share is below the scheme');
    const none = await agent.get('/clusters/batala-foundry/cfc?plan=1&technology=sand-reclamation');
    expect(none.text).toContain('Choose at least one participating unit');
  });

  it('is forbidden to an owner', async () => {
    const testApp = await buildTestApp();
    const owner = (await loggedInAgent(testApp.app, 'owner@demo.in')).agent;
    expect((await owner.get('/clusters/batala-foundry/cfc')).status).toBe(403);
  });
});

describe('advisor-checked documents', () => {
  const singh = (testApp: TestApp) => testApp.repos.enterprises.findByUdyam('UDYAM-PB-03-0012345')!;

  it('records who and when, audits it, and keeps a bank-verified document verified', async () => {
    const testApp = await buildTestApp();
    const owner = testApp.repos.users.findByIdentifier('owner@demo.in')!;
    const unit = singh(testApp);
    testApp.repos.profiles.saveOwnerDocuments(
      unit.id,
      ['gst-registration', 'itr-3y'],
      owner.id,
      '2026-11-01T00:00:00Z',
    );
    testApp.db
      .prepare(
        "UPDATE enterprise_documents SET provenance = 'document-verified' WHERE document_id = 'itr-3y'",
      )
      .run();
    const { agent } = await loggedInAgent(testApp.app, 'advisor@demo.in');
    const units = await agent.get('/clusters/batala-foundry/units');
    expect(units.text).toContain(`/enterprises/${unit.id}/checks`);
    const page = await agent.get(`/enterprises/${unit.id}/checks`);
    expect(page.status).toBe(200);
    const response = await agent
      .post(`/enterprises/${unit.id}/checks`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(page.text),
        documents: ['gst-registration', 'energy-audit-report', 'itr-3y'],
      });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`/enterprises/${unit.id}/checks?checked=2`);

    const advisor = testApp.repos.users.findByIdentifier('advisor@demo.in')!;
    const documents = testApp.repos.profiles.load(unit.id)!.documents;
    expect(documents).toEqual([
      {
        documentId: 'energy-audit-report',
        provenance: 'advisor-checked',
        updatedByUserId: advisor.id,
        updatedAt: '2026-11-22T06:30:00.000Z',
      },
      {
        documentId: 'gst-registration',
        provenance: 'advisor-checked',
        updatedByUserId: advisor.id,
        updatedAt: '2026-11-22T06:30:00.000Z',
      },
      {
        documentId: 'itr-3y',
        provenance: 'document-verified',
        updatedByUserId: owner.id,
        updatedAt: '2026-11-01T00:00:00Z',
      },
    ]);
    const audit = testApp.db
      .prepare<[], { actor_user_id: number; details: string }>(
        "SELECT actor_user_id, details FROM audit_events WHERE action = 'enterprise.documents-checked'",
      )
      .get()!;
    expect(audit.actor_user_id).toBe(advisor.id);
    expect(JSON.parse(audit.details)).toEqual({ documents: ['gst-registration', 'energy-audit-report'] });
    expect((await agent.get(response.headers.location as string)).text).toContain(
      '2 documents marked as advisor-checked',
    );
  });

  it("checks groups of figures with the values seen; an edit since makes them the owner's word again, also in the frozen file", async () => {
    const testApp = await buildTestApp();
    const unit = singh(testApp);
    const owner = actorFor(testApp, 'owner@demo.in');
    saveCupolaEnergy(testApp, owner, unit.id);
    const saveFinances = (revenue: string) => {
      const version = testApp.services.profiles.profileFor(owner, unit.id)!.version;
      const outcome = testApp.services.profiles.saveStep(
        owner,
        unit.id,
        version,
        { step: 'finances', financials: [{ ...STATEMENTS, revenueInr: new Decimal(revenue) }] },
        changeContext(owner),
      );
      expect(outcome.ok).toBe(true);
    };
    saveFinances('30000000');
    testApp.repos.profiles.saveOwnerDocuments(
      unit.id,
      ['audited-financials-3y'],
      owner.userId,
      '2026-11-01T00:00:00Z',
    );

    const { agent } = await loggedInAgent(testApp.app, 'advisor@demo.in');
    const page = await agent.get(`/enterprises/${unit.id}/checks`).set('Cookie', 'lang=en');
    expect(page.text).toContain(
      '<label for="figures-financials-2025-26">Financial statements 2025-26</label>',
    );
    expect(page.text).toContain('Energy use and production');
    const response = await agent
      .post(`/enterprises/${unit.id}/checks`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(page.text),
        documents: 'audited-financials-3y',
        figures: ['energy', 'financials.2025-26'],
      });
    expect(response.headers.location).toBe(`/enterprises/${unit.id}/checks?checked=1&figures=2`);
    const done = await agent.get(response.headers.location as string).set('Cookie', 'lang=en');
    expect(done.text).toContain('2 groups of figures marked as advisor-checked.');
    expect(done.text).toMatch(/Financial statements 2025-26<\/th>\s*<td>Advisor-checked by /);
    const audit = testApp.db
      .prepare<[], { details: string }>(
        "SELECT details FROM audit_events WHERE action = 'enterprise.figures-checked'",
      )
      .get()!;
    expect(JSON.parse(audit.details)).toEqual({ groups: ['energy', 'financials.2025-26'] });

    const documentation = (profile: EnterpriseProfile) => {
      const input = readinessInputOf(profile, catalogue, '2026-11-22', undefined);
      return input.figures;
    };
    const checked = testApp.repos.profiles.load(unit.id)!;
    expect(figureProvenance(checked)['financials.2025-26']?.status).toBe('advisor-checked');
    expect(documentation(checked)['energy']?.status).toBe('advisor-checked');

    // A file submitted now carries the checks, and reads them back the same.
    const ack = submitCupolaApplication(testApp, owner, {
      enterpriseId: unit.id,
      branchId: testApp.services.applications.lenderChoices()[0]!.branches[0]!.id,
      loan: '1500000',
    });
    const frozen = profileFromSnapshot(testApp.repos.applications.findByAck(ack)!.snapshot.profile);
    expect(figureProvenance(frozen)['financials.2025-26']?.status).toBe('advisor-checked');

    // The owner changes the revenue: the check lapses, and the audited-statements document is capped by it.
    saveFinances('31000000');
    const edited = testApp.repos.profiles.load(unit.id)!;
    expect(figureProvenance(edited)['financials.2025-26']).toEqual({ status: 'self-declared' });
    expect(figureProvenance(edited)['energy']?.status).toBe('advisor-checked');
    const again = await agent.get(`/enterprises/${unit.id}/checks`).set('Cookie', 'lang=en');
    expect(again.text).toMatch(
      /Financial statements 2025-26<\/label><\/th>\s*<td>Changed since .* checked it on /,
    );
    const scorecard = valueOn(catalogue.parameters.readiness!, '2026-11-22')!;
    const items = documentChecklist(
      scorecard,
      { 'audited-financials-3y': { status: 'advisor-checked' } },
      documentation(edited),
      { hasExistingDebt: false, matchedSchemes: [] },
    ).items;
    expect(items.find((item) => item.id === 'audited-financials-3y')).toMatchObject({
      effectiveStatus: 'self-declared',
      cappedBy: 'financials.2025-26',
    });
  });

  it('cannot be set by an owner, nor by an advisor of another association', async () => {
    const testApp = await buildTestApp();
    const unit = singh(testApp);
    const { agent: owner, token } = await loggedInAgent(testApp.app, 'owner@demo.in');
    expect((await owner.get(`/enterprises/${unit.id}/checks`)).status).toBe(403);
    const ownerPost = await owner
      .post(`/enterprises/${unit.id}/checks`)
      .type('form')
      .send({ _csrf: token, documents: 'gst-registration' });
    expect(ownerPost.status).toBe(403);
    // The owner's own checklist only ever declares documents self-declared.
    const documentsPage = await owner.get(`/enterprises/${unit.id}/profile/documents`);
    await owner
      .post(`/enterprises/${unit.id}/profile/documents`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(documentsPage.text),
        version: /name="version" value="(\d+)"/.exec(documentsPage.text)?.[1],
        held: ['gst-registration'],
        provenance: 'advisor-checked',
      });
    expect(testApp.repos.profiles.load(unit.id)!.documents.map((d) => d.provenance)).toEqual([
      'self-declared',
    ]);

    const howrah = await howrahAdvisor(testApp);
    expect((await howrah.get(`/enterprises/${unit.id}/checks`)).status).toBe(404);
  });
});

/** A year of healthy statements: DSCR, current ratio and TOL/TNW all at full points, a cash profit. */
const healthyYear = (fiscalYear: string, revenueInr: Decimal | null): FiscalYearFigures => ({
  fiscalYear,
  revenueInr,
  profitAfterTaxInr: new Decimal('2000000'),
  depreciationInr: new Decimal('600000'),
  interestInr: new Decimal('300000'),
  termLoanRepaymentInr: new Decimal('800000'),
  currentAssetsInr: new Decimal('9000000'),
  currentLiabilitiesInr: new Decimal('5000000'),
  totalOutsideLiabilitiesInr: new Decimal('10000000'),
  netWorthInr: new Decimal('6000000'),
  intangibleAssetsInr: null,
});

/**
 * Readiness bands on the Batala fixture, worked out by the app's own readiness for each unit's best upgrade:
 *   D: a healthy file with every paper advisor-checked and a saved plan (induction furnace quoted at ₹25 lakh,
 *      payback 1.1 years) → 81 points, ready
 *   A: the same file without a plan (its best upgrade costs ₹35 lakh against ₹6 lakh saved a year) → 63, nearly ready
 *   B: the same file but the account is NPA → not ready; C: consent to operate lapsed on 31-03-2026 → not ready
 *   E, F and the two seeded units: no credit or compliance step yet → not yet assessed
 */
async function batalaWithBands(testApp: TestApp) {
  const agent = await batalaFixture(testApp);
  const advisor = testApp.repos.users.findByIdentifier('advisor@demo.in')!;
  const units = testApp.repos.enterprises.listByClusters(['batala-foundry']);
  const idOf = (name: string) => units.find((unit) => unit.name === name)!.id;
  const profiles = testApp.repos.profiles;
  const file = (name: string, smaStatus: 'none' | 'NPA', consentToOperateUntil: string) => {
    const id = idOf(name);
    profiles.saveDetails(id, {
      ...profiles.load(id)!.details,
      yearOfStart: 2010,
      gstNumber: '03ABCDE1234F1Z5',
    });
    // The imported turnover stays, and with it the unit's MSME category.
    const turnover = profiles.load(id)!.financials[0]?.revenueInr ?? null;
    profiles.saveFinancials(
      id,
      ['2025-26', '2024-25', '2023-24'].map((year) => healthyYear(year, turnover)),
    );
    profiles.saveCredit(id, {
      newToCredit: false,
      cmrRank: 2,
      existingLoansInr: new Decimal('3000000'),
      existingEmiInr: new Decimal('70000'),
      smaStatus,
    });
    profiles.saveCompliance(id, { consentToOperateUntil, gstReturnsFiled: true });
    profiles.saveOwnerDocuments(id, DOCUMENT_IDS, advisor.id, '2026-11-01T00:00:00Z');
    profiles.markDocumentsChecked(id, DOCUMENT_IDS, advisor.id, '2026-11-01T00:00:00Z');
    return id;
  };
  const d = file('Unit D', 'none', '2028-03-31');
  file('Unit A', 'none', '2028-03-31');
  file('Unit B', 'NPA', '2028-03-31');
  file('Unit C', 'none', '2026-03-31');
  testApp.repos.plans.save(
    savedPlan({
      enterpriseId: d,
      technologyId: 'cupola-to-induction-furnace',
      capexInr: new Decimal('2500000'),
      savedByUserId: advisor.id,
      savedAt: '2026-11-01T00:00:00Z',
    }),
  );
  return agent;
}

describe('readiness bands and filters on the cluster picture', () => {
  it('counts the units in each band on the page, in the CSV and on the report', async () => {
    const testApp = await buildTestApp();
    const agent = await batalaWithBands(testApp);
    const bands = [
      ['Ready', '1'],
      ['Nearly ready', '1'],
      ['Not ready', '2'],
      ['Not yet assessed', '4'],
    ];
    const page = await agent.get('/clusters/batala-foundry');
    expect(page.status).toBe(200);
    expect(cellsOf(page.text, 'Readiness for a bank loan')).toEqual(bands);
    expect(page.text).toContain('<title id="chart-bands-title">Readiness for a bank loan</title>');
    const csv = await agent.get('/clusters/batala-foundry/export.csv');
    for (const row of [
      'readiness-band,ready,1,',
      'readiness-band,nearly-ready,1,',
      'readiness-band,not-ready,2,',
      'readiness-band,not-assessed,4,',
    ])
      expect(csv.text).toContain(`${row}\r\n`);
    const report = await agent.get('/clusters/batala-foundry/report');
    expect(cellsOf(report.text, 'Readiness for a bank loan')).toEqual(bands);
    expect(report.text).toContain(catalogue.version);
  });

  it('narrows every figure to the chosen band and sector, keeps the choice in the form and the links', async () => {
    const testApp = await buildTestApp();
    const agent = await batalaWithBands(testApp);
    const notReady = await agent.get('/clusters/batala-foundry?sector=&band=not-ready');
    expect(notReady.status).toBe(200);
    expect(notReady.text).toContain('2 units.');
    expect(notReady.text).toContain('Figures for the units with band “Not ready”: 2 of the cluster&#39;s 8.');
    // B (micro, NPA) and C (small, consent lapsed).
    expect(cellsOf(notReady.text, 'Units by MSME category').slice(0, 3)).toEqual([
      ['Micro', '1'],
      ['Small', '1'],
      ['Medium', '0'],
    ]);
    expect(cellsOf(notReady.text, 'Readiness for a bank loan')).toContainEqual(['Not ready', '2']);
    expect(notReady.text).toMatch(/<option value="not-ready" selected>/);
    expect(notReady.text).toContain('href="/clusters/batala-foundry/export.csv?band=not-ready"');
    expect(notReady.text).toContain('href="/clusters/batala-foundry/report.pdf?band=not-ready"');

    const ready = await agent.get('/clusters/batala-foundry?band=ready');
    expect(ready.text).toContain('1 unit.');
    expect(cellsOf(ready.text, 'Units by MSME category')[2]).toEqual(['Medium', '1']);

    expect((await agent.get('/clusters/batala-foundry?sector=foundry')).text).toContain('8 units.');
    const textile = await agent.get('/clusters/batala-foundry?sector=textile');
    expect(textile.text).toContain('0 units.');
    expect(textile.text).toMatch(/<option value="textile" selected>/);

    const csv = await agent.get('/clusters/batala-foundry/export.csv?band=not-ready');
    for (const row of [
      'filter,band,,not-ready',
      'units,cluster-total,8,',
      'units,total,2,',
      'msme-category,small,1,',
    ])
      expect(csv.text).toContain(`${row}\r\n`);
    expect(csv.text).not.toContain('filter,sector');
    const report = await agent.get('/clusters/batala-foundry/report?band=not-ready');
    expect(report.text).toContain('2 units, figures as on 22-11-2026');
  });

  it('swaps only the results region for htmx, with the same figures', async () => {
    const testApp = await buildTestApp();
    const agent = await batalaWithBands(testApp);
    const page = await agent.get('/clusters/batala-foundry');
    expect(page.text).toContain('hx-target="#cluster-results"');
    expect(page.text).toContain('hx-sync="this:replace"');
    const fragment = await agent
      .get('/clusters/batala-foundry?band=not-ready')
      .set('HX-Request', 'true')
      .set('HX-Request-Type', 'partial');
    expect(fragment.status).toBe(200);
    expect(fragment.headers.vary).toContain('HX-Request');
    expect(fragment.text).not.toContain('<html');
    expect(fragment.text).not.toContain('<form');
    expect(fragment.text).toContain('2 units.');
    expect(cellsOf(fragment.text, 'Readiness for a bank loan')).toContainEqual(['Not ready', '2']);
  });

  it('says which filter value is not on the list instead of failing', async () => {
    const testApp = await buildTestApp();
    const agent = await batalaWithBands(testApp);
    const page = await agent.get('/clusters/batala-foundry?band=excellent&sector=steel');
    expect(page.status).toBe(422);
    expect(page.text).toContain('Choose a readiness band from the list');
    expect(page.text).toContain('Choose a sector from the list');
    expect(page.text).toContain('aria-invalid="true" aria-describedby="error-band"');
    // The figures stay, for every unit.
    expect(page.text).toContain('8 units.');
    const hindi = await agent.get('/clusters/batala-foundry?band=excellent').set('Cookie', 'lang=hi');
    expect(hindi.text).toContain('सूची में से कोई तैयारी श्रेणी चुनें');
    for (const path of ['export.csv', 'report', 'report.pdf']) {
      const response = await agent.get(`/clusters/batala-foundry/${path}?band=excellent`);
      expect({ path, status: response.status, location: response.headers.location }).toEqual({
        path,
        status: 303,
        location: '/clusters/batala-foundry?band=excellent',
      });
    }
  });

  it('downloads the report as a PDF with the same figures, the date and the rules version', async () => {
    const testApp = await buildTestApp();
    const agent = await batalaWithBands(testApp);
    const response = await asBuffer(agent.get('/clusters/batala-foundry/report.pdf'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('batala-foundry-report-2026-11-22.pdf');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    if (text !== undefined) {
      expect(text).toContain('Batala foundry cluster: aggregate report');
      expect(text).toContain('22-11-2026');
      expect(text).toContain(catalogue.version);
      expect(text).toMatch(/Ready\s+1\n/);
      expect(text).toMatch(/Not yet assessed\s+4\n/);
      expect(text).toMatch(/Micro\s+3\n/);
      expect(text).toContain('₹2.40 crore – ₹9.00 crore');
      expect(text).toMatch(/Coke\s+5\s+29,328\s+700.5/);
      expect(text).toMatch(/1 \/ \d/);
      for (const name of ['Unit A', 'Singh Castings', 'UDYAM-PB-03']) expect(text).not.toContain(name);
    }
    const filtered = pdfText(
      (await asBuffer(agent.get('/clusters/batala-foundry/report.pdf?band=not-ready'))).body as Buffer,
    );
    if (filtered !== undefined) expect(filtered).toContain("2 of the cluster's 8");
  });

  it('is in Hindi for a Hindi reader', async () => {
    const testApp = await buildTestApp();
    const agent = await batalaWithBands(testApp);
    const response = await asBuffer(
      agent.get('/clusters/batala-foundry/report.pdf').set('Cookie', 'lang=hi'),
    );
    expect(response.status).toBe(200);
    const text = pdfText(response.body as Buffer);
    if (text !== undefined) {
      expect(text).toContain('एमएसएमई श्रेणी के अनुसार इकाइयाँ');
      expect(text).toMatch(/तैयार नहीं\s+2\n/);
      expect(text).toContain('₹1.92 करोड़ – ₹7.20 करोड़');
      expect(text).not.toContain('aggregate report');
    }
  });

  it('is refused to other associations’ advisors, owners and bank officers', async () => {
    const testApp = await buildTestApp();
    await batalaWithBands(testApp);
    const howrah = await howrahAdvisor(testApp);
    for (const path of [
      '/clusters/batala-foundry/report.pdf',
      '/clusters/batala-foundry/report.pdf?band=excellent',
      '/clusters/batala-foundry?band=ready',
      '/clusters/batala-foundry/export.csv?band=ready',
    ])
      expect({ path, status: (await howrah.get(path)).status }).toEqual({ path, status: 404 });
    expect((await howrah.get('/clusters/howrah-foundry/report.pdf')).status).toBe(200);
    for (const who of ['owner@demo.in', 'officer@demo.in']) {
      const { agent } = await loggedInAgent(testApp.app, who);
      expect({ who, status: (await agent.get('/clusters/batala-foundry/report.pdf')).status }).toEqual({
        who,
        status: 403,
      });
    }
  });
});
