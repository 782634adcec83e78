import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { FiscalYearFigures } from '../../src/domain/enterprise-profile.js';
import type { Actor } from '../../src/services/actor.js';
import { betterThanPct } from '../../src/services/assessment-service.js';
import {
  buildTestApp,
  catalogue,
  csrfTokenIn,
  DEMO_PASSWORD,
  loggedInAgent,
  paths,
  type TestApp,
} from '../helpers/test-app.js';
import { actorFor, changeContext, demoLenders } from '../builders/people-and-energy.js';
import { upgradePlan } from '../builders/plans.js';

const context = changeContext;

const year = (fiscalYear: string, revenue: number): FiscalYearFigures => ({
  fiscalYear,
  revenueInr: new Decimal(revenue),
  profitAfterTaxInr: new Decimal(revenue * 0.06),
  depreciationInr: new Decimal(400000),
  interestInr: new Decimal(300000),
  termLoanRepaymentInr: new Decimal(500000),
  currentAssetsInr: new Decimal(9000000),
  currentLiabilitiesInr: new Decimal(6000000),
  totalOutsideLiabilitiesInr: new Decimal(12000000),
  netWorthInr: new Decimal(8000000),
  intangibleAssetsInr: new Decimal(0),
});

/** Singh Castings with energy figures and three years of statements. */
function ownerSetUp(testApp: TestApp) {
  const owner = actorFor(testApp, 'owner@demo.in');
  const enterprise = testApp.repos.enterprises
    .listByOwner(owner.userId)
    .find((e) => e.name === 'Singh Castings')!;
  const profiles = testApp.services.profiles;
  const save = (data: Parameters<typeof profiles.saveStep>[3]) => {
    const version = profiles.profileFor(owner, enterprise.id)!.version;
    expect(profiles.saveStep(owner, enterprise.id, version, data, context(owner)).ok).toBe(true);
  };
  save({
    step: 'enterprise',
    details: {
      name: 'Singh Castings',
      clusterId: 'batala-foundry',
      udyamNumber: 'UDYAM-PB-03-0012345',
      gstNumber: null,
      constitution: 'proprietorship',
      yearOfStart: 2005,
      ownership: [],
      investmentInr: new Decimal(8000000),
    },
  });
  save({
    step: 'energy',
    energy: {
      productionTonnes: new Decimal(2400),
      electricityKwh: new Decimal(450000),
      contractDemandKva: null,
      connectedLoadKw: null,
      cokeTonnes: new Decimal(360),
      naturalGasScm: null,
      lpgKg: null,
      dieselLitres: null,
      furnaceOilKl: null,
      annualEnergyBillInr: null,
    },
  });
  save({
    step: 'finances',
    financials: [year('2025-26', 30000000), year('2024-25', 28000000), year('2023-24', 26000000)],
  });
  return { owner, enterpriseId: enterprise.id };
}

/** An application for the divided-blast cupola with the owner's quotation: the report's chosen upgrade. */
function applyFor(testApp: TestApp, owner: Actor, enterpriseId: number): string {
  const { sidbi } = demoLenders(testApp);
  const outcome = testApp.services.applications.submit(
    owner,
    {
      enterpriseId,
      technologyId: 'divided-blast-cupola',
      capexInr: new Decimal('2500000'),
      annualOmInr: new Decimal('50000'),
      annualSavingInr: null,
      savingsBasis: null,
      projectType: null,
      loanInr: new Decimal('2000000'),
      tenureMonths: 60,
      moratoriumMonths: 6,
      branchId: sidbi.branches[0]!.id,
      consentGiven: true,
    },
    { catalogue, assessedOn: '2026-11-22' },
    context(owner),
  );
  if (!outcome.ok) throw new Error(`submission failed: ${outcome.reason}`);
  return outcome.ackNumber;
}

describe('GET /enterprises/:id/assessment', () => {
  it('without an application, costs the best-saving upgrade and asks for a quotation', async () => {
    const testApp = await buildTestApp();
    const { enterpriseId } = ownerSetUp(testApp);
    const { agent } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const response = await agent.get(`/enterprises/${enterpriseId}/assessment`).set('Cookie', 'lang=en');
    expect(response.status).toBe(200);
    expect(response.text).toContain('get a supplier&#39;s quotation before you apply');
    expect(response.text).toContain('Monthly instalment (EMI)');
  });

  it('shows the owner readiness, the upgrade economics with the chart, packages, schemes and the rules version', async () => {
    const testApp = await buildTestApp();
    const { owner, enterpriseId } = ownerSetUp(testApp);
    const ack = applyFor(testApp, owner, enterpriseId);
    const { agent } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const overview = await agent.get(`/enterprises/${enterpriseId}`);
    expect(overview.text).toContain(`/enterprises/${enterpriseId}/assessment`);
    const response = await agent.get(`/enterprises/${enterpriseId}/assessment`).set('Cookie', 'lang=en');
    expect(response.status).toBe(200);
    const html = response.text;
    expect(html).toContain('Assessment report: Singh Castings');
    expect(html).toContain('Loan-readiness score');
    expect(html).toMatch(/Score \d+\.\d{2} out of 100/);
    expect(html).toContain('The chosen upgrade');
    expect(html).toContain(`As requested in your application ${ack}`);
    expect(html).toContain('Net present value');
    expect(html).toContain('class="chart__svg"');
    expect(html).toContain('Financing packages (best three)');
    expect(html).toContain('Monthly instalment (EMI)');
    expect(html).toContain('Net cost over the loan&#39;s life');
    // A micro unit with a known category: eligible schemes make more than the plain loan.
    expect(html.match(/Net cost over the loan&#39;s life/g)!.length).toBeGreaterThan(1);
    expect(html).toContain('Eligible');
    expect(html).toContain('Every scheme, and why or why not');
    expect(html).toContain(catalogue.version);
    expect(html).toContain('Assessed on 22-11-2026');
    // Only the demo data: fewer than five units of Batala have figures, so the percentile is withheld.
    expect(html).toContain('Not shown: 1 units have this figure, fewer than 5');
    // 450000 kWh / 2400 t = 188 kWh/t; 360 t coke / 2400 t = 150 kg/t.
    expect(html).toContain('<td>188</td>');
    expect(html).toContain('<td>150</td>');
    expect(html).not.toMatch(/style="/);
    expect(html).not.toMatch(/<script(?![^>]*src=)/);
  });

  it('is not found for another owner, and not for an anonymous visitor', async () => {
    const testApp = await buildTestApp();
    const { enterpriseId } = ownerSetUp(testApp);
    const email = 'other-owner@demo.in';
    await testApp.services.accounts.createAccount(
      {
        identifier: { email, mobile: null },
        displayName: 'Other Owner',
        password: DEMO_PASSWORD,
        role: 'owner',
        organisationId: null,
        branchId: null,
      },
      context(null),
    );
    const { agent } = await loggedInAgent(testApp.app, email);
    expect((await agent.get(`/enterprises/${enterpriseId}/assessment`)).status).toBe(404);
    expect((await agent.get('/enterprises/999999/assessment')).status).toBe(404);
  });

  it('shows the association advisor the report of a unit in their cluster', async () => {
    const testApp = await buildTestApp();
    const { enterpriseId } = ownerSetUp(testApp);
    const { agent } = await loggedInAgent(testApp.app, 'advisor@demo.in');
    const response = await agent.get(`/enterprises/${enterpriseId}/assessment`);
    expect(response.status).toBe(200);
  });

  it('speaks Hindi without English sentences', async () => {
    const testApp = await buildTestApp();
    const { enterpriseId } = ownerSetUp(testApp);
    const { agent } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const response = await agent
      .get(`/enterprises/${enterpriseId}/assessment`)
      .query({ technologyId: 'divided-blast-cupola', capexInr: '25 लाख' })
      .set('Cookie', 'lang=hi');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<html lang="hi">');
    const sentences = (function walk(tree: unknown): string[] {
      if (typeof tree === 'string') return tree.split(' ').length >= 3 && !tree.includes('{{') ? [tree] : [];
      return Object.values(tree as Record<string, unknown>).flatMap(walk);
    })(
      ['assessment', 'readiness', 'calculator', 'applications'].map(
        (file) => JSON.parse(readFileSync(join(paths.locales, 'en', `${file}.json`), 'utf8')) as unknown,
      ),
    );
    const leaked = sentences.filter((sentence) => response.text.includes(sentence));
    expect(leaked).toEqual([]);
  });
});

describe('the upgrade plan on the report', () => {
  it("recomputes the report with the owner's technology and quotation", async () => {
    const testApp = await buildTestApp();
    const { enterpriseId } = ownerSetUp(testApp);
    const { agent } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const response = await agent
      .get(`/enterprises/${enterpriseId}/assessment`)
      .query({
        technologyId: 'divided-blast-cupola',
        capexInr: '25 lakh',
        annualOmInr: '50,000',
        loanInr: '20,00,000',
        tenureMonths: '60',
        moratoriumMonths: '6',
      })
      .set('Cookie', 'lang=en');
    expect(response.status).toBe(200);
    expect(response.text).toContain('Your chosen upgrade, with your quotation (your figures).');
    expect(response.text).toContain('value="25 lakh"');
    expect(response.text).toContain('class="chart__svg"');
    expect(response.text).toContain('Monthly instalment (EMI)');
    expect(response.text).toContain('Apply to a lender');
  });

  it('refuses a plan it cannot read with 422, the typed values kept, and asks for a cost the catalogue lacks', async () => {
    const testApp = await buildTestApp();
    const { enterpriseId } = ownerSetUp(testApp);
    const { agent } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const bad = await agent
      .get(`/enterprises/${enterpriseId}/assessment`)
      .query({ technologyId: 'divided-blast-cupola', capexInr: 'lots', loanInr: '30 lakh' })
      .set('Cookie', 'lang=en');
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('value="lots"');
    expect(bad.text).toContain('Enter an amount in rupees, like 25,00,000 or 25 lakh');
    const notOurs = await agent
      .get(`/enterprises/${enterpriseId}/assessment`)
      .query({ technologyId: 'no-such-technology' })
      .set('Cookie', 'lang=en');
    expect(notOurs.status).toBe(422);
    const noCost = await agent
      .get(`/enterprises/${enterpriseId}/assessment`)
      .query({ technologyId: 'ie3-motors' })
      .set('Cookie', 'lang=en');
    expect(noCost.status).toBe(422);
    expect(noCost.text).toContain('The catalogue has no cost for this upgrade: enter your quotation.');
  });
});

describe('the saved upgrade plan', () => {
  const plan = {
    technologyId: 'divided-blast-cupola',
    capexInr: '25 lakh',
    annualOmInr: '50,000',
    loanInr: '20,00,000',
    tenureMonths: '60',
    moratoriumMonths: '6',
  };

  async function otherOwnerAgent(testApp: TestApp) {
    const email = 'other-owner@demo.in';
    await testApp.services.accounts.createAccount(
      {
        identifier: { email, mobile: null },
        displayName: 'Other Owner',
        password: DEMO_PASSWORD,
        role: 'owner',
        organisationId: null,
        branchId: null,
      },
      context(null),
    );
    return loggedInAgent(testApp.app, email);
  }

  it('saves the plan, shows it by default, stores the chosen package, and starts the application from it', async () => {
    const testApp = await buildTestApp();
    const { enterpriseId } = ownerSetUp(testApp);
    const { agent, token } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const saved = await agent
      .post(`/enterprises/${enterpriseId}/assessment/plan`)
      .type('form')
      .send({ _csrf: token, ...plan });
    expect(saved.status).toBe(303);
    const stored = testApp.repos.plans.find(enterpriseId)!;
    expect(stored.capexInr?.toFixed(2)).toBe('2500000.00');
    expect(stored.loanInr?.toFixed(2)).toBe('2000000.00');
    expect(stored.annualOmInr?.toFixed(2)).toBe('50000.00');
    expect([stored.tenureMonths, stored.moratoriumMonths, stored.packageSchemeIds]).toEqual([60, 6, null]);
    expect(
      testApp.db
        .prepare('SELECT capex_paise AS p FROM enterprise_plans WHERE enterprise_id = ?')
        .get(enterpriseId),
    ).toEqual({ p: 250000000 });

    const page = await agent.get(`/enterprises/${enterpriseId}/assessment`).set('Cookie', 'lang=en');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Your saved plan: ');
    expect(page.text).toContain('value="25,00,000"');
    expect(page.text).toContain('Your chosen upgrade, with your quotation (your figures).');
    expect(page.text).toContain('No financing package chosen yet');
    // Choose a package with schemes in it (the first such one offered).
    const keys = [...page.text.matchAll(/name="package" value="([^"]*)"/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(0);
    const key = keys.find((k) => k !== '') ?? keys[0]!;
    const chosen = await agent
      .post(`/enterprises/${enterpriseId}/assessment/plan`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), ...plan, choose: 'package', package: key });
    expect(chosen.status).toBe(303);
    expect(testApp.repos.plans.find(enterpriseId)!.packageSchemeIds).toEqual(key.split('+').filter(Boolean));
    const audit = testApp.db
      .prepare("SELECT action FROM audit_events WHERE object_type = 'enterprise' AND action LIKE 'plan.%'")
      .all();
    expect(audit).toEqual([{ action: 'plan.saved' }, { action: 'plan.package-chosen' }]);
    const after = await agent.get(`/enterprises/${enterpriseId}/assessment`).set('Cookie', 'lang=en');
    expect(after.text).toContain('Your chosen package');
    expect(after.text).toContain('Package chosen: ');

    // A package the plan does not give is refused.
    const bogus = await agent
      .post(`/enterprises/${enterpriseId}/assessment/plan`)
      .type('form')
      .send({ _csrf: csrfTokenIn(after.text), ...plan, choose: 'package', package: 'no-such-scheme' });
    expect(bogus.status).toBe(422);
    expect(bogus.text).toContain('That package is no longer one your plan gives');

    // The application form starts from the saved plan.
    const apply = await agent.get(`/enterprises/${enterpriseId}/apply`).set('Cookie', 'lang=en');
    expect(apply.status).toBe(200);
    expect(apply.text).toContain('This form starts from your saved upgrade plan');
    expect(apply.text).toContain('value="divided-blast-cupola" selected');
    for (const value of ['25,00,000', '50,000', '20,00,000', '60', '6'])
      expect(apply.text).toContain(`value="${value}"`);

    // Submitted: the package is frozen into the snapshot and shown in the dossier.
    const { sidbi } = demoLenders(testApp);
    const submit = await agent
      .post(`/enterprises/${enterpriseId}/apply`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(apply.text),
        ...plan,
        capexInr: '25,00,000',
        branchId: String(sidbi.branches[0]!.id),
        consent: 'yes',
      });
    expect(submit.status).toBe(303);
    const ack = /HS-\d{4}-\d{6}/.exec(submit.headers.location as string)![0];
    const frozen = testApp.repos.applications.findByAck(ack)!.snapshot.results.financingPackage!;
    expect(frozen.schemeIds).toEqual(key.split('+').filter(Boolean));
    expect(frozen.netCostInr).not.toBeNull();
    expect(frozen.schemes.length).toBeGreaterThan(0);
    for (const scheme of frozen.schemes) expect(scheme.benefitSummary.en).not.toBe('');
    const dossier = await agent.get(`/applications/${ack}/dossier`).set('Cookie', 'lang=en');
    expect(dossier.status).toBe(200);
    expect(dossier.text).toContain('Schemes and financing package');
    for (const scheme of frozen.schemes) expect(dossier.text).toContain(scheme.name.en);
    const hindi = await agent.get(`/applications/${ack}/dossier`).set('Cookie', 'lang=hi');
    expect(hindi.text).toContain('योजनाएँ और वित्तपोषण पैकेज');
  });

  it('lets the advisor see the saved plan but not save one; another owner gets 404', async () => {
    const testApp = await buildTestApp();
    const { owner, enterpriseId } = ownerSetUp(testApp);
    const { agent, token } = await loggedInAgent(testApp.app, 'owner@demo.in');
    await agent
      .post(`/enterprises/${enterpriseId}/assessment/plan`)
      .type('form')
      .send({ _csrf: token, ...plan });
    expect(testApp.services.assessments.savedPlan(owner, enterpriseId)).toBeDefined();
    const advisor = await loggedInAgent(testApp.app, 'advisor@demo.in');
    const seen = await advisor.agent.get(`/enterprises/${enterpriseId}/assessment`).set('Cookie', 'lang=en');
    expect(seen.status).toBe(200);
    expect(seen.text).toContain('Your saved plan: ');
    expect(seen.text).not.toContain('Save this plan');
    const advisorPost = await advisor.agent
      .post(`/enterprises/${enterpriseId}/assessment/plan`)
      .type('form')
      .send({ _csrf: advisor.token, ...plan, capexInr: '1 crore' });
    expect(advisorPost.status).not.toBe(303);
    const other = await otherOwnerAgent(testApp);
    const otherPost = await other.agent
      .post(`/enterprises/${enterpriseId}/assessment/plan`)
      .type('form')
      .send({ _csrf: other.token, ...plan, capexInr: '1 crore' });
    expect(otherPost.status).toBe(404);
    expect((await other.agent.get(`/enterprises/${enterpriseId}/apply`)).status).toBe(404);
    expect(testApp.repos.plans.find(enterpriseId)!.capexInr?.toFixed(0)).toBe('2500000');
  });

  it("uses the owner's audited saving, marks it as theirs, keeps it and scores the audit for readiness", async () => {
    const testApp = await buildTestApp();
    const { enterpriseId } = ownerSetUp(testApp);
    const { agent, token } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const before = await agent
      .get(`/enterprises/${enterpriseId}/assessment`)
      .query(plan)
      .set('Cookie', 'lang=en');
    expect(before.text).toContain(
      'Basis of the savings figure: an estimate without an audit, so 0 of 7 points.',
    );

    const audited = { ...plan, annualSavingInr: '9 lakh', savingsBasis: 'investment-grade-audit' };
    const saved = await agent
      .post(`/enterprises/${enterpriseId}/assessment/plan`)
      .type('form')
      .send({ _csrf: token, ...audited });
    expect(saved.status).toBe(303);
    const stored = testApp.repos.plans.find(enterpriseId)!;
    expect([stored.annualSavingInr?.toFixed(2), stored.savingsBasis]).toEqual([
      '900000.00',
      'investment-grade-audit',
    ]);

    const page = await agent.get(`/enterprises/${enterpriseId}/assessment`).set('Cookie', 'lang=en');
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="9,00,000"');
    expect(page.text).toMatch(/₹9\.00 lakh\s*<span class="tag">your investment-grade audit<\/span>/);
    expect(page.text).toContain(
      'Basis of the savings figure: an investment-grade energy audit, so 7 of 7 points.',
    );
  });

  it("takes what the upgrade does to the plant, which decides Punjab's policy, and carries it into the application", async () => {
    const testApp = await buildTestApp();
    const { owner, enterpriseId } = ownerSetUp(testApp);
    const rules = { catalogue, asOf: '2026-11-22' };
    const punjab = (projectType: 'expansion' | null) =>
      testApp.services.assessments
        .reportFor(
          owner,
          enterpriseId,
          rules,
          upgradePlan({
            technologyId: 'divided-blast-cupola',
            capexInr: new Decimal('2500000'),
            projectType,
            loanInr: new Decimal('2000000'),
            tenureMonths: 60,
            moratoriumMonths: 6,
          }),
        )!
        .schemes.find((m) => m.scheme.id === 'punjab-ibdp-2022')!.evaluation.eligible;
    expect(punjab(null)).toBeNull();
    expect(punjab('expansion')).toBe(true);

    const { agent, token } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const saved = await agent
      .post(`/enterprises/${enterpriseId}/assessment/plan`)
      .type('form')
      .send({ _csrf: token, ...plan, projectType: 'expansion' });
    expect(saved.status).toBe(303);
    expect(testApp.repos.plans.find(enterpriseId)!.projectType).toBe('expansion');
    const apply = await agent.get(`/enterprises/${enterpriseId}/apply`).set('Cookie', 'lang=en');
    expect(apply.text).toMatch(/<option value="expansion"\s+selected>Expansion: adds capacity<\/option>/);
    const bad = await agent
      .post(`/enterprises/${enterpriseId}/assessment/plan`)
      .type('form')
      .set('Cookie', 'lang=en')
      .send({ _csrf: token, ...plan, projectType: 'demolition' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Choose one of the kinds of project listed.');
  });

  it('asks for the kind of audit with an audited saving, and for the saving with a kind of audit', async () => {
    const testApp = await buildTestApp();
    const { enterpriseId } = ownerSetUp(testApp);
    const { agent, token } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const noBasis = await agent
      .post(`/enterprises/${enterpriseId}/assessment/plan`)
      .type('form')
      .set('Cookie', 'lang=en')
      .send({ _csrf: token, ...plan, annualSavingInr: '9 lakh' });
    expect(noBasis.status).toBe(422);
    expect(noBasis.text).toContain('Say which kind of audit found this saving.');
    expect(noBasis.text).toContain('value="9 lakh"');
    const noSaving = await agent
      .post(`/enterprises/${enterpriseId}/assessment/plan`)
      .type('form')
      .set('Cookie', 'lang=en')
      .send({ _csrf: token, ...plan, savingsBasis: 'walk-through-audit' });
    expect(noSaving.status).toBe(422);
    expect(noSaving.text).toContain(
      'Enter the yearly saving your audit found, or choose &#34;No audit&#34;.',
    );
    expect(noSaving.text).toMatch(/<option value="walk-through-audit"\s+selected>/);
    const unknown = await agent
      .post(`/enterprises/${enterpriseId}/assessment/plan`)
      .type('form')
      .set('Cookie', 'lang=en')
      .send({ _csrf: token, ...plan, annualSavingInr: '9 lakh', savingsBasis: 'hearsay' });
    expect(unknown.status).toBe(422);
    expect(unknown.text).toContain('Choose one of the kinds of audit listed.');
    expect(testApp.repos.plans.find(enterpriseId)).toBeUndefined();
  });

  it('values the state schemes that pay back part of an energy audit once the audit cost is given, and keeps it', async () => {
    const testApp = await buildTestApp();
    const { enterpriseId } = ownerSetUp(testApp);
    const { agent, token } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const without = await agent
      .get(`/enterprises/${enterpriseId}/assessment`)
      .query(plan)
      .set('Cookie', 'lang=en');
    expect(without.text).toContain('enter the energy-audit cost to value this');
    const withCost = { ...plan, energyAuditCostInr: '2 lakh' };
    const valued = await agent
      .get(`/enterprises/${enterpriseId}/assessment`)
      .query(withCost)
      .set('Cookie', 'lang=en');
    // Haryana: 75 % of ₹2 lakh, within its ₹2 lakh cap.
    expect(valued.text).toContain(
      '75 % of the ₹2.00 lakh energy-audit cost paid back, at most ₹2.00 lakh: ₹1.50 lakh',
    );
    const bad = await agent
      .get(`/enterprises/${enterpriseId}/assessment`)
      .query({ ...plan, energyAuditCostInr: 'two lakh' })
      .set('Cookie', 'lang=en');
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('id="error-energyAuditCostInr"');

    const saved = await agent
      .post(`/enterprises/${enterpriseId}/assessment/plan`)
      .type('form')
      .send({ _csrf: token, ...withCost });
    expect(saved.status).toBe(303);
    expect(testApp.repos.plans.find(enterpriseId)!.energyAuditCostInr?.toFixed(2)).toBe('200000.00');
    const apply = await agent.get(`/enterprises/${enterpriseId}/apply`).set('Cookie', 'lang=en');
    expect(apply.text).toMatch(/name="energyAuditCostInr" type="text"\s*value="2,00,000"/);
  });

  it('refuses a plan it cannot read with 422, the typed values kept and nothing saved', async () => {
    const testApp = await buildTestApp();
    const { enterpriseId } = ownerSetUp(testApp);
    const { agent, token } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const bad = await agent
      .post(`/enterprises/${enterpriseId}/assessment/plan`)
      .type('form')
      .set('Cookie', 'lang=en')
      .send({ _csrf: token, ...plan, capexInr: 'lots', tenureMonths: '0' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('value="lots"');
    expect(bad.text).toContain('value="0"');
    expect(bad.text).toContain('Enter an amount in rupees, like 25,00,000 or 25 lakh');
    const noCost = await agent
      .post(`/enterprises/${enterpriseId}/assessment/plan`)
      .type('form')
      .set('Cookie', 'lang=en')
      .send({ _csrf: token, technologyId: 'ie3-motors' });
    expect(noCost.status).toBe(422);
    expect(noCost.text).toContain('The catalogue has no cost for this upgrade: enter your quotation.');
    expect(testApp.repos.plans.find(enterpriseId)).toBeUndefined();
  });
});

describe('a plan of several measures', () => {
  // A divided-blast cupola, then a hot-blast recuperator on the coke it leaves: the model needs the recuperator's
  // share of coke saved, so the project's saving comes from the owner's investment-grade audit.
  const twoMeasures = {
    technologyId: 'divided-blast-cupola',
    capexInr: '25 lakh',
    annualOmInr: '50,000',
    technologyId2: 'hot-blast-recuperator',
    capexInr2: '15,00,000',
    annualOmInr2: '30,000',
    annualSavingInr: '50 lakh',
    savingsBasis: 'investment-grade-audit',
    loanInr: '32,00,000',
    tenureMonths: '60',
    moratoriumMonths: '6',
  };

  it('costs the project as a whole, lists each measure, and keeps the measures through save and reload', async () => {
    const testApp = await buildTestApp();
    const { enterpriseId } = ownerSetUp(testApp);
    const { agent, token } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const page = await agent
      .get(`/enterprises/${enterpriseId}/assessment`)
      .query(twoMeasures)
      .set('Cookie', 'lang=en');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Divided Blast Cupola (DBC) replacing a conventional cupola + ');
    expect(page.text).toContain('The measures of your project, in the order they are applied');
    // ₹25 lakh + ₹15 lakh: one project cost, one loan.
    expect(page.text).toMatch(/Project cost<\/dt><dd class="figure">₹40(\.00)? lakh/);
    expect(page.text).toContain('your investment-grade audit');
    expect(page.text).toContain('value="hot-blast-recuperator" selected');

    const saved = await agent
      .post(`/enterprises/${enterpriseId}/assessment/plan`)
      .type('form')
      .send({ _csrf: token, ...twoMeasures });
    expect(saved.status).toBe(303);
    const stored = testApp.repos.plans.find(enterpriseId)!;
    expect(stored.furtherMeasures).toEqual([
      {
        technologyId: 'hot-blast-recuperator',
        capexInr: new Decimal(1500000),
        annualOmInr: new Decimal(30000),
      },
    ]);
    const reloaded = await agent.get(`/enterprises/${enterpriseId}/assessment`).set('Cookie', 'lang=en');
    expect(reloaded.text).toContain(
      'Your saved plan: Divided Blast Cupola (DBC) replacing a conventional cupola + ',
    );
    expect(reloaded.text).toContain('name="technologyId2" value="hot-blast-recuperator"');
    expect(reloaded.text).toContain('name="capexInr2" value="15,00,000"');

    // The loan of ₹32 lakh is more than the first quotation alone; with it lowered, saving the plan with one
    // measure drops the second.
    const one = { ...twoMeasures, technologyId2: '', capexInr2: '', annualOmInr2: '' };
    const tooMuch = await agent
      .post(`/enterprises/${enterpriseId}/assessment/plan`)
      .type('form')
      .set('Cookie', 'lang=en')
      .send({ _csrf: csrfTokenIn(reloaded.text), ...one });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.text).toContain('The loan cannot be more than the quotation');
    const resaved = await agent
      .post(`/enterprises/${enterpriseId}/assessment/plan`)
      .type('form')
      .send({ _csrf: csrfTokenIn(reloaded.text), ...one, loanInr: '20 lakh' });
    expect(resaved.status).toBe(303);
    expect(testApp.repos.plans.find(enterpriseId)!.furtherMeasures).toEqual([]);
  });

  it('refuses the same upgrade twice and figures without their measure, on their fields, values kept', async () => {
    const testApp = await buildTestApp();
    const { enterpriseId } = ownerSetUp(testApp);
    const { agent } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const page = await agent
      .get(`/enterprises/${enterpriseId}/assessment`)
      .query({
        ...twoMeasures,
        technologyId2: 'divided-blast-cupola',
        technologyId3: '',
        capexInr3: '2 lakh',
      })
      .set('Cookie', 'lang=en');
    expect(page.status).toBe(422);
    expect(page.text).toContain('id="error-technologyId2"');
    expect(page.text).toContain('This upgrade is already in your plan: choose another, or none.');
    expect(page.text).toContain('id="error-technologyId3"');
    expect(page.text).toContain('Choose the measure these figures are for, or clear them.');
    expect(page.text).toContain('value="2 lakh"');
  });

  it('asks for the cost of the measure the catalogue cannot price, on that measure', async () => {
    const testApp = await buildTestApp();
    const { enterpriseId } = ownerSetUp(testApp);
    const { agent } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const page = await agent
      .get(`/enterprises/${enterpriseId}/assessment`)
      .query({ ...twoMeasures, technologyId2: 'ie3-motors', capexInr2: '' })
      .set('Cookie', 'lang=en');
    expect(page.status).toBe(422);
    expect(page.text).toMatch(/id="error-capexInr2"[^>]*>.*The catalogue has no cost for this upgrade/s);
  });

  it('shows the measures in Hindi', async () => {
    const testApp = await buildTestApp();
    const { enterpriseId } = ownerSetUp(testApp);
    const { agent } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const page = await agent
      .get(`/enterprises/${enterpriseId}/assessment`)
      .query(twoMeasures)
      .set('Cookie', 'lang=hi');
    expect(page.status).toBe(200);
    expect(page.text).toContain('आपकी परियोजना के उपाय, उसी क्रम में जिसमें वे लागू होते हैं');
    expect(page.text).toContain('दूसरा उपाय (वैकल्पिक)');
  });
});

describe('the cluster benchmark', () => {
  it('places the unit among five of its cluster with the figure, and withholds a figure fewer have', async () => {
    const testApp = await buildTestApp();
    const { owner, enterpriseId } = ownerSetUp(testApp);
    // Four more Batala units with electricity per tonne of 100, 150, 250 and 300 kWh/t and no coke.
    for (const [index, kwhPerTonne] of [100, 150, 250, 300].entries()) {
      const id = testApp.services.enterprises.create(
        owner,
        { name: `Peer ${index}`, clusterId: 'batala-foundry', udyamNumber: null },
        context(owner),
      );
      const version = testApp.services.profiles.profileFor(owner, id)!.version;
      testApp.services.profiles.saveStep(
        owner,
        id,
        version,
        {
          step: 'energy',
          energy: {
            productionTonnes: new Decimal(1000),
            electricityKwh: new Decimal(kwhPerTonne * 1000),
            contractDemandKva: null,
            connectedLoadKw: null,
            cokeTonnes: null,
            naturalGasScm: null,
            lpgKg: null,
            dieselLitres: null,
            furnaceOilKl: null,
            annualEnergyBillInr: null,
          },
        },
        context(owner),
      );
    }
    const { agent } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const html = (await agent.get(`/enterprises/${enterpriseId}/assessment`).set('Cookie', 'lang=en')).text;
    // 187.5 kWh/t: two of the five use more, one (itself) the same: (2 + ½) / 5 = 50 %.
    expect(html).toContain('You use less per tonne than 50 % of the 5 units with this figure');
    expect(html).toContain('Not shown: 1 units have this figure, fewer than 5');
  });
});

describe('the cluster percentile', () => {
  it('counts the units using more per tonne, ties as half', () => {
    const peers = [100, 200, 300, 400, 500].map((v) => new Decimal(v));
    expect(betterThanPct(new Decimal(100), peers).toFixed()).toBe('90');
    expect(betterThanPct(new Decimal(300), peers).toFixed()).toBe('50');
    expect(betterThanPct(new Decimal(500), peers).toFixed()).toBe('10');
  });
});
