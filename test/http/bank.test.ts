import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { economicsInputFromSnapshot } from '../../src/domain/application-review.js';
import { projectCover } from '../../src/domain/readiness/project-cover.js';
import { profileReadiness } from '../../src/services/readiness-service.js';
import { schemeOverlay, snapshotReadiness } from '../../src/web/bank/snapshot-readiness.js';
import { buildTestApp, catalogue, csrfTokenIn, loggedInAgent } from '../helpers/test-app.js';
import {
  actorFor,
  changeContext,
  createOfficer,
  saveCupolaEnergy,
  submitCupolaApplication,
} from '../builders/people-and-energy.js';

const RULES_DATE = '2026-11-22';
const context = changeContext;

/** The demo owner's Singh Castings with energy figures, and applications to SIDBI Ludhiana. */
async function setUp() {
  const testApp = await buildTestApp();
  const { services, repos } = testApp;
  const owner = actorFor(testApp, 'owner@demo.in');
  const enterprise = repos.enterprises.listByOwner(owner.userId).find((e) => e.name === 'Singh Castings')!;
  saveCupolaEnergy(testApp, owner, enterprise.id);
  const choices = services.applications.lenderChoices();
  const sidbi = choices.find((c) => c.lender.name === 'SIDBI')!;
  const ludhiana = sidbi.branches.find((b) => b.name === 'SIDBI Ludhiana')!;
  const pnb = choices.find((c) => c.lender.name === 'Punjab National Bank')!;
  const submit = (loan: string, capex = '4000000') =>
    submitCupolaApplication(testApp, owner, {
      enterpriseId: enterprise.id,
      branchId: ludhiana.id,
      loan,
      capex,
      assessedOn: RULES_DATE,
    });
  const newOfficer = (email: string, lenderId: number, branchId: number) =>
    createOfficer(testApp, email, lenderId, branchId);
  return {
    testApp,
    owner,
    submit,
    newOfficer,
    sidbi,
    ludhiana,
    pnb,
    officer: actorFor(testApp, 'officer@demo.in'),
  };
}

async function post(
  agent: Awaited<ReturnType<typeof loggedInAgent>>['agent'],
  page: string,
  path: string,
  form: Record<string, string | string[]>,
) {
  const html = (await agent.get(page)).text;
  return agent
    .post(path)
    .type('form')
    .send({ _csrf: csrfTokenIn(html), ...form });
}

describe('the officer queue', () => {
  it('lists the branch applications oldest first with counts, filters, pages and CSV', async () => {
    const { testApp, submit } = await setUp();
    const acks = [];
    for (const loan of ['1000000', '2000000', '3000000']) {
      acks.push(submit(loan));
      testApp.clock.advanceMinutes(60 * 24);
    }
    const { agent } = await loggedInAgent(testApp.app, 'officer@demo.in');
    const queue = await agent.get('/bank/applications');
    expect(queue.status).toBe(200);
    expect(queue.text.indexOf(acks[0]!)).toBeLessThan(queue.text.indexOf(acks[2]!));
    expect(queue.text).toContain('Submitted: 3');

    const filtered = await agent.get('/bank/applications?minLoan=15+lakh&sort=amount-desc');
    expect(filtered.text).not.toContain(acks[0]!);
    expect(filtered.text.indexOf(acks[2]!)).toBeLessThan(filtered.text.indexOf(acks[1]!));

    const invalid = await agent.get('/bank/applications?minLoan=lots');
    expect(invalid.status).toBe(422);
    expect(invalid.text).toContain('value="lots"');

    const csv = await agent.get('/bank/applications.csv?minLoan=15+lakh');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('ack_number');
    expect(csv.text).not.toContain(acks[0]!);

    const aged = await agent.get('/bank/applications?minAge=2');
    expect(aged.text).toContain(acks[0]!);
    expect(aged.text).not.toContain(acks[2]!);
  });

  it('paginates on the server', async () => {
    const { testApp, submit, officer } = await setUp();
    for (let i = 0; i < 27; i += 1) submit('1000000');
    const page = testApp.services.applications.queue(officer, { page: 2 })!;
    expect(page.items).toHaveLength(2);
    expect(page.pageCount).toBe(2);
    const { agent } = await loggedInAgent(testApp.app, 'officer@demo.in');
    const second = await agent.get('/bank/applications?page=2');
    expect(second.text).toContain('Page 2 of 2');
  });
});

describe('scope', () => {
  it('gives another lender 404 for the file, the note and the actions, and an empty CSV', async () => {
    const { testApp, submit, newOfficer, pnb } = await setUp();
    const ack = submit('1000000');
    await newOfficer('pnb@demo.in', pnb.lender.id, pnb.branches[0]!.id);
    const { agent } = await loggedInAgent(testApp.app, 'pnb@demo.in');
    expect((await agent.get(`/bank/applications/${ack}`)).status).toBe(404);
    expect((await agent.get(`/bank/applications/${ack}/note`)).status).toBe(404);
    const csv = await agent.get('/bank/applications.csv');
    expect(csv.text).not.toContain(ack);
    const refused = await post(
      agent,
      '/bank/applications',
      `/bank/applications/${ack}/actions/start-review`,
      {
        version: '1',
      },
    );
    expect(refused.status).toBe(404);
  });
});

describe('the review', () => {
  it('records each view and shows the frozen file with provenance, DSCR and sensitivity', async () => {
    const { testApp, submit } = await setUp();
    const ack = submit('2000000');
    const { agent } = await loggedInAgent(testApp.app, 'officer@demo.in');
    const page = await agent.get(`/bank/applications/${ack}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-provenance=');
    expect(page.text).toContain('data-case="savings-lower"');
    const app = testApp.repos.applications.findByAck(ack)!;
    const views = () =>
      testApp.repos.applications.events(app.id, { includeInternal: true }).filter((e) => e.kind === 'viewed');
    expect(views()).toHaveLength(1);

    const fragment = await agent
      .get(`/bank/applications/${ack}?shortfall=30&tariff=5&rateRise=1&delay=3`)
      .set('HX-Request', 'true')
      .set('HX-Request-Type', 'partial');
    expect(fragment.status).toBe(200);
    expect(fragment.text).not.toContain('<html');
    expect(fragment.text).toContain('30 %');
    expect(views()).toHaveLength(1);

    const bad = await agent.get(`/bank/applications/${ack}?shortfall=150`);
    expect(bad.status).toBe(422);
  });

  it('recovers the economics inputs from the snapshot exactly', async () => {
    const { testApp, submit } = await setUp();
    const ack = submit('2000000');
    const snapshot = testApp.repos.applications.findByAck(ack)!.snapshot;
    const input = economicsInputFromSnapshot(snapshot)!;
    const cover = projectCover(input);
    expect(cover.loan!.minDscr!.toDecimalPlaces(6).toString()).toBe(
      new Decimal(snapshot.results.economics!.loan!.minDscr!).toDecimalPlaces(6).toString(),
    );
    expect(cover.firstYearSavingInr.toFixed(2)).toBe(
      new Decimal(snapshot.results.economics!.netAnnualSavingsInr).toFixed(2),
    );
  });
});

describe('checklist', () => {
  it('verifying upgrades provenance; a waiver needs a reason', async () => {
    const { testApp, submit } = await setUp();
    const ack = submit('2000000');
    const { agent } = await loggedInAgent(testApp.app, 'officer@demo.in');
    const page = `/bank/applications/${ack}`;
    const waived = await post(agent, page, `${page}/checklist`, {
      documentId: 'itr-3y',
      state: 'waived',
      reason: '',
    });
    expect(waived.status).toBe(422);
    const verified = await post(agent, page, `${page}/checklist`, {
      documentId: 'audited-financials-3y',
      state: 'verified',
      reason: '',
    });
    expect(verified.status).toBe(303);
    const after = await agent.get(page);
    const row = after.text.slice(after.text.indexOf('id="document-audited-financials-3y"'));
    expect(row.slice(0, 600)).toContain('data-provenance="document-verified"');
    expect(after.text).toContain('Verified a document');
  });
});

describe('actions and maker-checker', () => {
  it('validates, moves the status, refuses self-approval above the limit and lets a second officer sanction', async () => {
    const { testApp, submit, newOfficer, sidbi, ludhiana } = await setUp();
    const ack = submit('3000000');
    await newOfficer('checker@demo.in', sidbi.lender.id, ludhiana.id);
    const maker = await loggedInAgent(testApp.app, 'officer@demo.in');
    const page = `/bank/applications/${ack}`;
    const action = (a: typeof maker, name: string, form: Record<string, string | string[]>) =>
      post(a.agent, page, `${page}/actions/${name}`, form);

    expect((await action(maker, 'start-review', { version: '1' })).status).toBe(303);
    const badTerms = await action(maker, 'recommend', {
      version: '2',
      amount: 'abc',
      rate: '9.5',
      tenure: '60',
    });
    expect(badTerms.status).toBe(422);
    expect(badTerms.text).toContain('value="abc"');
    expect(
      (await action(maker, 'recommend', { version: '2', amount: '30 lakh', rate: '9.5', tenure: '60' }))
        .status,
    ).toBe(303);
    const again = await action(maker, 'recommend', {
      version: '3',
      amount: '30 lakh',
      rate: '9.5',
      tenure: '60',
    });
    expect(again.status).toBe(409);
    const self = await action(maker, 'sanction', {
      version: '3',
      amount: '30 lakh',
      rate: '9.5',
      tenure: '60',
    });
    expect(self.status).toBe(409);
    expect(self.text).toContain('second officer must approve');

    const checker = await loggedInAgent(testApp.app, 'checker@demo.in');
    const ok = await action(checker, 'sanction', {
      version: '3',
      amount: '30 lakh',
      rate: '9.5',
      tenure: '60',
      conditions: 'Hypothecation of the cupola',
    });
    expect(ok.status).toBe(303);
    expect(testApp.repos.applications.findByAck(ack)!.status).toBe('sanctioned');
    const stale = await action(maker, 'decline', { version: '3', reasons: 'project-not-viable' });
    expect(stale.status).toBe(409);
  });

  it('lets the maker sanction a small loan, detects a concurrent decision, and shows the owner decline reasons', async () => {
    const { testApp, submit, owner } = await setUp();
    const small = submit('1000000');
    const { services } = testApp;
    const officer = actorFor(testApp, 'officer@demo.in');
    const terms = {
      amountInr: new Decimal('1000000'),
      ratePct: new Decimal('9'),
      tenureMonths: 60,
      conditions: '',
    };
    services.reviews.decide(officer, small, 1, { action: 'start-review' }, context(officer));
    expect(
      services.reviews.decide(officer, small, 2, { action: 'recommend', sanction: terms }, context(officer))
        .ok,
    ).toBe(true);
    expect(
      services.reviews.decide(officer, small, 3, { action: 'sanction', sanction: terms }, context(officer))
        .ok,
    ).toBe(true);

    const declined = submit('1000000');
    services.reviews.decide(officer, declined, 1, { action: 'start-review' }, context(officer));
    const first = services.reviews.decide(
      officer,
      declined,
      2,
      { action: 'decline', reasons: ['weak-credit-history'] },
      context(officer),
    );
    const second = services.reviews.decide(
      officer,
      declined,
      2,
      { action: 'request-information', message: 'Send ITRs' },
      context(officer),
    );
    expect(first.ok).toBe(true);
    expect(second.ok).toBe(false);

    const { agent } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const ownerPage = await agent.get(`/applications/${declined}`);
    expect(ownerPage.status).toBe(200);
    expect(ownerPage.text).toContain('Credit history is weak');
    expect(owner.role).toBe('owner');

    const officerAgent = await loggedInAgent(testApp.app, 'officer@demo.in');
    const noReason = await post(
      officerAgent.agent,
      `/bank/applications/${small}`,
      `/bank/applications/${submit('1000000')}/comment`,
      {
        message: '',
        visibility: 'internal',
      },
    );
    expect(noReason.status).toBe(422);
  });
});

describe('Hindi', () => {
  it('renders the queue, the review and the note in Hindi', async () => {
    const { testApp, submit } = await setUp();
    const ack = submit('2000000');
    const { agent } = await loggedInAgent(testApp.app, 'officer@demo.in');
    for (const path of [
      '/bank/applications',
      `/bank/applications/${ack}`,
      `/bank/applications/${ack}/note`,
    ]) {
      const response = await agent.get(path).set('Cookie', 'lang=hi');
      expect(response.status).toBe(200);
      expect(response.text).toContain('lang="hi"');
      expect(response.text).not.toMatch(/Ratio analysis|Document checklist|Oldest waiting/);
    }
  });
});

/** A micro Batala unit: ₹50 lakh invested, ₹2 crore turnover, three years of figures, clean credit, consent. */
async function microBatalaFile() {
  const setup = await setUp();
  const { testApp, owner } = setup;
  const { services, repos } = testApp;
  const enterprise = repos.enterprises.listByOwner(owner.userId).find((e) => e.name === 'Singh Castings')!;
  const save = (input: Parameters<typeof services.profiles.saveStep>[3]) => {
    const profile = services.profiles.profileFor(owner, enterprise.id)!;
    services.profiles.saveStep(owner, enterprise.id, profile.version, input, context(owner));
  };
  const before = services.profiles.profileFor(owner, enterprise.id)!;
  save({
    step: 'enterprise',
    details: {
      ...before.details,
      gstNumber: '03ABCDE1234F1Z5',
      constitution: 'proprietorship',
      yearOfStart: 2008,
      ownership: [],
      investmentInr: new Decimal('5000000'),
    },
  });
  const year = (fiscalYear: string, revenue: string, pat: string) => ({
    fiscalYear,
    revenueInr: new Decimal(revenue),
    profitAfterTaxInr: new Decimal(pat),
    depreciationInr: new Decimal('400000'),
    interestInr: new Decimal('300000'),
    termLoanRepaymentInr: new Decimal('600000'),
    currentAssetsInr: new Decimal('6000000'),
    currentLiabilitiesInr: new Decimal('4000000'),
    totalOutsideLiabilitiesInr: new Decimal('9000000'),
    netWorthInr: new Decimal('6000000'),
    intangibleAssetsInr: new Decimal(0),
  });
  save({
    step: 'finances',
    financials: [
      year('2025-26', '20000000', '1400000'),
      year('2024-25', '18500000', '1200000'),
      year('2023-24', '17000000', '1000000'),
    ],
  });
  save({
    step: 'credit',
    credit: {
      newToCredit: false,
      cmrRank: 4,
      existingLoansInr: new Decimal('2500000'),
      existingEmiInr: new Decimal('60000'),
      smaStatus: 'none',
    },
  });
  save({ step: 'compliance', compliance: { consentToOperateUntil: '2028-03-31', gstReturnsFiled: true } });
  return { ...setup, enterpriseId: enterprise.id, save, ack: setup.submit('2000000') };
}

describe('readiness and scheme overlay on the review', () => {
  it('shows the snapshot readiness score and band and the open schemes with their terms', async () => {
    const { testApp, ack } = await microBatalaFile();
    const snapshot = testApp.repos.applications.findByAck(ack)!.snapshot;
    const result = snapshotReadiness(snapshot, catalogue)!;
    // The project pillar is assessed from the snapshot's request: nothing is left pending.
    expect(result.pending).toEqual({ gates: [], factors: [] });
    expect(result.band).not.toBeNull();
    const score = result.assessment.score.toFixed(2);
    const overlay = schemeOverlay(snapshot, catalogue, 'en')!;
    const cgtmse = overlay.find((scheme) => scheme.id === 'cgtmse');
    expect(cgtmse?.standing).toBe('eligible');
    expect(cgtmse!.terms.length).toBeGreaterThan(0);

    const { agent } = await loggedInAgent(testApp.app, 'officer@demo.in');
    const page = await agent.get(`/bank/applications/${ack}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('id="readiness-title"');
    expect(page.text).toContain(`<span>${score}</span>`);
    expect(page.text).toContain(`readiness-band--${result.band}`);
    expect(page.text).toContain('id="schemes-title"');
    expect(page.text).toContain('data-scheme="cgtmse"');
    expect(page.text).toContain(cgtmse!.name);
    expect(page.text).toContain(cgtmse!.benefit.split(' ')[0]!);
    for (const term of cgtmse!.terms) expect(page.text).toContain(term.label);
    expect(page.text).toContain('Eligible');

    const hindi = await agent.get(`/bank/applications/${ack}`).set('Cookie', 'lang=hi');
    expect(hindi.status).toBe(200);
    expect(hindi.text).toContain(`<span>${score}</span>`);
    expect(hindi.text).toContain('data-scheme="cgtmse"');
    expect(hindi.text).toContain('योजनाओं का विवरण');
    expect(hindi.text).toContain('पात्र');
    expect(hindi.text).not.toMatch(/Scheme overlay|What it imposes|Loan readiness of the application/);
  });

  it('does not move when the owner edits the live profile after submission', async () => {
    const { testApp, ack, save, owner, enterpriseId } = await microBatalaFile();
    const { agent } = await loggedInAgent(testApp.app, 'officer@demo.in');
    const strip = (html: string) =>
      /<section class="readiness"[\s\S]*?<\/section>/.exec(html)?.[0] ?? 'no readiness panel';
    const before = strip((await agent.get(`/bank/applications/${ack}`)).text);
    const snapshot = testApp.repos.applications.findByAck(ack)!.snapshot;
    const frozenScore = snapshotReadiness(snapshot, catalogue)!.assessment.score.toFixed(2);

    save({
      step: 'credit',
      credit: {
        newToCredit: false,
        cmrRank: 9,
        existingLoansInr: new Decimal('9000000'),
        existingEmiInr: new Decimal('200000'),
        smaStatus: 'NPA',
      },
    });
    const live = testApp.services.profiles.profileFor(owner, enterpriseId)!;
    const liveReadiness = profileReadiness(live, { catalogue, asOf: snapshot.assessedOn })!;
    expect(liveReadiness.band).toBe('not-ready');
    expect(liveReadiness.assessment.score.toFixed(2)).not.toBe(frozenScore);

    const after = strip((await agent.get(`/bank/applications/${ack}`)).text);
    expect(after).toBe(before);
    expect(after).toContain(`<span>${frozenScore}</span>`);
  });
});
