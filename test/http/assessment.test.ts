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
  DEMO_PASSWORD,
  loggedInAgent,
  paths,
  type TestApp,
} from '../helpers/test-app.js';

const context = (actor: Actor | null) => ({ actor, requestId: 'test' });

function actorFor(testApp: TestApp, email: string): Actor {
  const user = testApp.repos.users.findByIdentifier(email)!;
  return { userId: user.id, role: user.role, organisationId: user.organisationId, branchId: user.branchId };
}

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
  const sidbi = testApp.services.applications.lenderChoices().find((c) => c.lender.name === 'SIDBI')!;
  const outcome = testApp.services.applications.submit(
    owner,
    {
      enterpriseId,
      technologyId: 'divided-blast-cupola',
      capexInr: new Decimal('2500000'),
      annualOmInr: new Decimal('50000'),
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
