import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { economicsInputFromSnapshot } from '../../src/domain/application-review.js';
import { projectCover } from '../../src/domain/readiness/project-cover.js';
import { profileReadiness } from '../../src/services/readiness-service.js';
import { snapshotReadiness } from '../../src/services/snapshot-readiness.js';
import { schemeOverlay } from '../../src/web/bank/scheme-overlay.js';
import { buildTestApp, catalogue, csrfTokenIn, loggedInAgent } from '../helpers/test-app.js';
import {
  actorFor,
  changeContext,
  createOfficer,
  demoLenders,
  fillMicroBatalaUnit,
  saveCupolaEnergy,
  submitCupolaApplication,
} from '../builders/people-and-energy.js';
import { savedPlan } from '../builders/plans.js';

const RULES_DATE = '2026-11-22';
const context = changeContext;

/** The demo owner's Singh Castings with energy figures, and applications to SIDBI Ludhiana. */
async function setUp() {
  const testApp = await buildTestApp();
  const { repos } = testApp;
  const owner = actorFor(testApp, 'owner@demo.in');
  const enterprise = repos.enterprises.listByOwner(owner.userId).find((e) => e.name === 'Singh Castings')!;
  saveCupolaEnergy(testApp, owner, enterprise.id);
  const { sidbi, ludhiana, pnb } = demoLenders(testApp);
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
    // The sensitivity table covers the loan with the net savings as frozen, year by year.
    expect(cover.savingsByYear.map((saving) => saving.toFixed(2))).toEqual(
      snapshot.results.economics!.cashFlows.filter((flow) => flow.year >= 1).map((flow) => flow.cashFlowInr),
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
  const { enterpriseId, save } = fillMicroBatalaUnit(setup.testApp, setup.owner);
  return { ...setup, enterpriseId, save, ack: setup.submit('2000000') };
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

/** The first `<tag … data-attribute="value" …>…</tag>` of a page, to assert on one row or card only. */
function element(html: string, tag: string, attribute: string, value: string): string {
  const at = html.indexOf(`data-${attribute}="${value}"`);
  if (at < 0) return '';
  return html.slice(html.lastIndexOf(`<${tag}`, at), html.indexOf(`</${tag}>`, at));
}

describe('the queue by readiness band', () => {
  /** The micro Batala file (ready), then the same unit in default (not ready): bands as the review shows them. */
  async function twoBands() {
    const setup = await microBatalaFile();
    const { testApp, ack, save } = setup;
    save({
      step: 'credit',
      credit: {
        newToCredit: false,
        cmrRank: 4,
        existingLoansInr: new Decimal('2500000'),
        existingEmiInr: new Decimal('60000'),
        smaStatus: 'NPA',
      },
    });
    const inDefault = setup.submit('2000000');
    const band = (a: string) =>
      snapshotReadiness(testApp.repos.applications.findByAck(a)!.snapshot, catalogue)!.band;
    expect([band(ack), band(inDefault)]).toEqual(['ready', 'not-ready']);
    const { agent } = await loggedInAgent(testApp.app, 'officer@demo.in');
    return { ...setup, ready: ack, inDefault, agent };
  }

  it('narrows the queue and its CSV to the bands chosen, from each frozen file', async () => {
    const { ready, inDefault, agent } = await twoBands();
    const all = await agent.get('/bank/applications');
    expect(all.text).toContain('Readiness band');
    expect(element(all.text, 'span', 'band', 'ready')).toContain('Ready');

    const readyOnly = await agent.get('/bank/applications?band=ready');
    expect(readyOnly.status).toBe(200);
    expect(readyOnly.text).toContain(ready);
    // The owner's profile went into default after the first submission: that file stays ready as submitted.
    expect(readyOnly.text).not.toContain(inDefault);
    expect(readyOnly.text).toContain('Applications (1 in all)');
    expect(readyOnly.text).toMatch(/id="band-ready" name="band" value="ready"\s+checked/);

    const notReady = await agent.get('/bank/applications?band=not-ready');
    expect(notReady.text).toContain(inDefault);
    expect(notReady.text).not.toContain(ready);
    const both = await agent.get('/bank/applications?band=ready&band=not-ready');
    expect(both.text).toContain('Applications (2 in all)');
    const none = await agent.get('/bank/applications?band=nearly-ready');
    expect(none.text).toContain('No applications match.');
    const withOthers = await agent.get('/bank/applications?band=ready&status=under-review');
    expect(withOthers.text).toContain('No applications match.');

    const csv = await agent.get('/bank/applications.csv?band=not-ready');
    expect(csv.status).toBe(200);
    const [header, ...rows] = csv.text.trim().split('\r\n');
    expect(header).toContain('readiness_band');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(inDefault);
    expect(rows[0]!.split(',')[header!.split(',').indexOf('readiness_band')]).toBe('not-ready');
  });

  it('answers an unknown band with a message on the page and for the CSV, never a 500', async () => {
    const { agent } = await twoBands();
    for (const path of ['/bank/applications?band=excellent', '/bank/applications.csv?band=excellent']) {
      const response = await agent.get(path);
      expect(response.status).toBe(422);
      expect(response.text).toContain('Choose readiness bands from the list');
      expect(response.text).toContain('href="#field-band"');
    }
    const hindi = await agent.get('/bank/applications?band=excellent').set('Cookie', 'lang=hi');
    expect(hindi.status).toBe(422);
    expect(hindi.text).toContain('सूची में से तत्परता श्रेणियाँ चुनें');
  });

  it('sends htmx only the results region, and the form works without it', async () => {
    const { ready, inDefault, agent } = await twoBands();
    const page = await agent.get('/bank/applications');
    expect(page.text).toContain('hx-get="/bank/applications"');
    expect(page.text).toContain('hx-sync="this:replace"');
    expect(page.text).toContain('<form method="get" action="/bank/applications"');
    const partial = (path: string) =>
      agent.get(path).set('HX-Request', 'true').set('HX-Request-Type', 'partial');
    const fragment = await partial('/bank/applications?band=not-ready');
    expect(fragment.status).toBe(200);
    expect(fragment.headers.vary).toContain('HX-Request');
    expect(fragment.text).not.toContain('<html');
    expect(fragment.text).not.toContain('<form');
    expect(fragment.text).toContain(inDefault);
    expect(fragment.text).not.toContain(ready);
    expect(fragment.text).toContain('href="/bank/applications.csv?band=not-ready"');
    const bad = await partial('/bank/applications?band=excellent');
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Choose readiness bands from the list');
  });
});

describe('the appraisal note', () => {
  it('shows the readiness as submitted and each claimed scheme with its frozen benefit or "to be confirmed"', async () => {
    const { testApp, owner, enterpriseId, submit, ack: withoutPackage } = await microBatalaFile();
    // The owner's plan for the cupola with CGTMSE (valued) and SIDBI's green finance line (no confirmed value).
    testApp.repos.plans.save(
      savedPlan({
        enterpriseId,
        technologyId: 'divided-blast-cupola',
        capexInr: new Decimal('4000000'),
        annualOmInr: new Decimal('50000'),
        loanInr: new Decimal('2000000'),
        tenureMonths: 60,
        moratoriumMonths: 6,
        packageSchemeIds: ['cgtmse', 'sidbi-green-finance'],
        savedByUserId: owner.userId,
        savedAt: '2026-11-22T06:00:00.000Z',
      }),
    );
    const ack = submit('2000000');
    const snapshot = testApp.repos.applications.findByAck(ack)!.snapshot;
    const frozen = snapshot.results.financingPackage!;
    const score = snapshotReadiness(snapshot, catalogue)!.assessment.score.toFixed(2);
    const { agent } = await loggedInAgent(testApp.app, 'officer@demo.in');

    const note = await agent.get(`/bank/applications/${ack}/note`);
    expect(note.status).toBe(200);
    expect(note.text).toContain('Loan readiness as submitted');
    expect(note.text).toContain(`${score} out of 100`);
    expect(element(note.text, 'dd', 'band', 'ready')).toContain('Ready');
    // The documents (9.64 points short) and the savings basis (an estimate, 7 short) are the weakest factors.
    const weakest = note.text.slice(note.text.indexOf('Weakest factors'));
    expect(weakest.indexOf('data-factor="documents"')).toBeLessThan(
      weakest.indexOf('data-factor="savings-basis"'),
    );
    expect(weakest).toContain('0.36 of 10 points, 9.64 missed');
    expect(note.text).toContain('DSCR, 2025-26');
    expect(note.text).toContain('Least yearly DSCR on the new loan');

    expect(note.text).toContain('Schemes claimed');
    const cgtmse = element(note.text, 'tr', 'scheme', 'cgtmse');
    expect(cgtmse).toContain(frozen.schemes.find((s) => s.id === 'cgtmse')!.benefitSummary.en);
    expect(cgtmse).toContain('Guarantee cover of ₹15');
    expect(cgtmse).toContain('CGTMSE gives the guarantee cover.');
    expect(cgtmse).toContain('Open');
    const green = element(note.text, 'tr', 'scheme', 'sidbi-green-finance');
    expect(green).toContain('Value to be confirmed with SIDBI.');
    expect(green).toContain('SIDBI lends under this line.');
    expect(green).not.toContain('₹');

    const hindi = await agent.get(`/bank/applications/${ack}/note`).set('Cookie', 'lang=hi');
    expect(hindi.text).toContain('जमा किए गए आवेदन की ऋण-तत्परता');
    expect(element(hindi.text, 'dd', 'band', 'ready')).toContain('तैयार');
    expect(element(hindi.text, 'tr', 'scheme', 'sidbi-green-finance')).toContain('सिडबी से करनी है');
    expect(hindi.text).not.toMatch(/Schemes claimed|Weakest factors|Key ratios/);

    const plain = await agent.get(`/bank/applications/${withoutPackage}/note`);
    expect(plain.text).toContain('The applicant claimed no scheme');
  });
});

describe('the scheme overlay', () => {
  it('shows only the terms that apply to the file and who pays each kind of support', async () => {
    const { testApp, ack, submit } = await microBatalaFile();
    const { agent } = await loggedInAgent(testApp.app, 'officer@demo.in');
    const page = await agent.get(`/bank/applications/${ack}`);
    const cgtmse = element(page.text, 'article', 'scheme', 'cgtmse');
    // A ₹20 lakh loan to a micro unit owned by no special category: the 75 % cover, not the 85 % ones.
    expect(cgtmse).toContain('Guarantee cover, other borrowers');
    expect(cgtmse).not.toContain('Guarantee cover for micro enterprises, credit up to ₹5 lakh');
    expect(cgtmse).not.toContain('women / SC / ST');
    expect(cgtmse).not.toContain('credit above ₹2 crore');
    expect(cgtmse).toMatch(/\d+ terms of this scheme are for other enterprises or loans/);
    expect(cgtmse).toContain('CGTMSE gives the guarantee cover.');
    expect(element(page.text, 'article', 'scheme', 'adeetie')).toContain(
      'Bureau of Energy Efficiency (BEE) pays the interest subvention.',
    );
    expect(page.text).toContain('The loan itself comes from SIDBI');

    // A loan within ₹5 lakh to the same micro unit is where the 85 % cover applies.
    const small = testApp.repos.applications.findByAck(submit('400000', '500000'))!.snapshot;
    const smallCgtmse = schemeOverlay(small, catalogue, 'en')!.find((scheme) => scheme.id === 'cgtmse')!;
    expect(smallCgtmse.terms.map((term) => term.label)).toContain(
      'Guarantee cover for micro enterprises, credit up to ₹5 lakh',
    );

    const hindi = await agent.get(`/bank/applications/${ack}`).set('Cookie', 'lang=hi');
    expect(element(hindi.text, 'article', 'scheme', 'cgtmse')).toContain('गारंटी कवर सीजीटीएमएसई देता है।');
  });
});
