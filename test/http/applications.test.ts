import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/open-database.js';
import { createRepositories } from '../../src/db/repositories.js';
import type { Actor } from '../../src/services/actor.js';
import type { SubmissionRequest } from '../../src/services/application-service.js';
import { demoSeedSchema, seedDemo } from '../../src/services/demo-seed.js';
import { createPasswordHasher, TEST_SCRYPT } from '../../src/services/password-hashing.js';
import { createServices, type Services } from '../../src/services/services.js';
import {
  buildTestApp,
  catalogue,
  csrfTokenIn,
  DEMO_PASSWORD,
  loggedInAgent,
  paths,
  TestClock,
  type TestApp,
} from '../helpers/test-app.js';
import {
  actorFor,
  changeContext,
  createOfficer,
  demoLenders,
  saveCupolaEnergy,
} from '../builders/people-and-energy.js';
import { asBuffer, pdfText } from '../helpers/pdf-text.js';

const ENGLISH_SENTENCES = (function sentences(tree: unknown): string[] {
  if (typeof tree === 'string') return tree.split(' ').length >= 3 && !tree.includes('{{') ? [tree] : [];
  return Object.values(tree as Record<string, unknown>).flatMap(sentences);
})(JSON.parse(readFileSync(join(paths.locales, 'en', 'applications.json'), 'utf8')));

const RULES = { catalogue, assessedOn: '2026-11-22' };
const context = changeContext;

/** The demo owner's Singh Castings with the energy figures the savings model needs, and the SIDBI Ludhiana branch. */
function ownerSetUp(testApp: TestApp) {
  const owner = actorFor(testApp, 'owner@demo.in');
  const enterprise = testApp.repos.enterprises
    .listByOwner(owner.userId)
    .find((e) => e.name === 'Singh Castings')!;
  saveCupolaEnergy(testApp, owner, enterprise.id);
  const { ludhiana, kolkata, pnb } = demoLenders(testApp);
  return { owner, enterpriseId: enterprise.id, ludhiana, kolkata, pnb };
}

const form = (branchId: number, overrides: Record<string, string> = {}) => ({
  technologyId: 'divided-blast-cupola',
  capexInr: '25 lakh',
  annualOmInr: '50,000',
  loanInr: '20,00,000',
  tenureMonths: '60',
  moratoriumMonths: '6',
  branchId: String(branchId),
  consent: 'yes',
  ...overrides,
});

const request = (enterpriseId: number, branchId: number, loan = '2000000'): SubmissionRequest => ({
  enterpriseId,
  technologyId: 'divided-blast-cupola',
  capexInr: new Decimal('2500000'),
  annualOmInr: new Decimal('50000'),
  annualSavingInr: null,
  savingsBasis: null,
  projectType: null,
  loanInr: new Decimal(loan),
  tenureMonths: 60,
  moratoriumMonths: 6,
  branchId,
  consentGiven: true,
});

async function submitThroughPages(testApp: TestApp) {
  const setUp = ownerSetUp(testApp);
  const { agent } = await loggedInAgent(testApp.app, 'owner@demo.in');
  const page = await agent.get(`/enterprises/${setUp.enterpriseId}/apply`);
  expect(page.status).toBe(200);
  const response = await agent
    .post(`/enterprises/${setUp.enterpriseId}/apply`)
    .type('form')
    .send({ _csrf: csrfTokenIn(page.text), ...form(setUp.ludhiana.id) });
  expect(response.status).toBe(303);
  const ack = /^\/applications\/(HS-\d{4}-\d{6})$/.exec(response.headers.location as string)?.[1];
  expect(ack).toBeDefined();
  return { ...setUp, agent, ack: ack! };
}

async function anotherOwner(testApp: TestApp) {
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
  return { ...(await loggedInAgent(testApp.app, email)), actor: actorFor(testApp, email) };
}

async function pnbOfficer(testApp: TestApp, pnb: ReturnType<typeof ownerSetUp>['pnb']) {
  const email = 'pnb-officer@demo.in';
  await testApp.services.accounts.createAccount(
    {
      identifier: { email, mobile: null },
      displayName: 'PNB Officer',
      password: DEMO_PASSWORD,
      role: 'bank_officer',
      organisationId: pnb.lender.id,
      branchId: pnb.branches[0]!.id,
    },
    context(null),
  );
  return actorFor(testApp, email);
}

describe('submitting an application', () => {
  it('freezes the file, shows the acknowledgement number and the timeline, and audits it', async () => {
    const testApp = await buildTestApp();
    const { agent, ack, enterpriseId, ludhiana } = await submitThroughPages(testApp);
    expect(ack).toBe('HS-2026-000001');

    const page = await agent.get(`/applications/${ack}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('HS-2026-000001');
    expect(page.text).toContain('Submitted');
    expect(page.text).toContain('₹25,00,000');
    expect(page.text).toContain('SIDBI — SIDBI Ludhiana, Ludhiana');

    const row = testApp.db
      .prepare(
        `SELECT capex_paise, loan_paise, tenure_months, moratorium_months, status, enterprise_id, branch_id,
                consent_text_version, rules_version FROM applications WHERE ack_number = ?`,
      )
      .get(ack);
    expect(row).toEqual({
      capex_paise: 250_000_000,
      loan_paise: 200_000_000,
      tenure_months: 60,
      moratorium_months: 6,
      status: 'submitted',
      enterprise_id: enterpriseId,
      branch_id: ludhiana.id,
      consent_text_version: 'share-with-lender-v1',
      rules_version: catalogue.version,
    });
    const application = testApp.repos.applications.findByAck(ack)!;
    expect(application.snapshot.profile.energy?.cokeTonnes).toBe('360');
    expect(application.snapshot.results.needsInput).toEqual([]);
    expect(application.snapshot.results.assessmentStatus).toBe('complete');
    expect(application.snapshot.results.economics?.loan?.emiInr).toMatch(/^\d+\.\d{2}$/);
    expect(application.snapshot.request).toMatchObject({ capexInr: '2500000.00', loanInr: '2000000.00' });
    expect(testApp.repos.audit.recent(1)[0]).toMatchObject({
      action: 'application.submitted',
      objectType: 'application',
      objectId: ack,
    });

    const list = await agent.get('/applications');
    expect(list.text).toContain(`href="/applications/${ack}"`);
  });

  it("freezes the owner's audited saving with its kind of audit and shows both to the owner and the officer", async () => {
    const testApp = await buildTestApp();
    const setUp = ownerSetUp(testApp);
    const { agent } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const page = await agent.get(`/enterprises/${setUp.enterpriseId}/apply`);
    const response = await agent
      .post(`/enterprises/${setUp.enterpriseId}/apply`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(page.text),
        ...form(setUp.ludhiana.id, {
          annualSavingInr: '9 lakh',
          savingsBasis: 'walk-through-audit',
          projectType: 'expansion',
        }),
      });
    expect(response.status).toBe(303);
    const ack = /(HS-\d{4}-\d{6})$/.exec(response.headers.location as string)![1]!;
    const { snapshot } = testApp.repos.applications.findByAck(ack)!;
    expect([
      snapshot.request.annualSavingInr,
      snapshot.request.savingsBasis,
      snapshot.request.projectType,
    ]).toEqual(['900000.00', 'walk-through-audit', 'expansion']);
    // The frozen economics run on the audited ₹9,00,000, not the model's saving: S₁ = 9,00,000 − 50,000.
    expect(snapshot.results.annualSavingInr).toBe('900000.00');
    expect(snapshot.results.economics?.netAnnualSavingsInr).toBe('850000.00');

    const shown = await agent.get(`/applications/${ack}`).set('Cookie', 'lang=en');
    expect(shown.text).toMatch(
      /Saving a year of the whole project from your energy audit, in rupees<\/dt><dd>₹9,00,000[^<]*\(Walk-through audit\)/,
    );

    const officer = await createOfficer(
      testApp,
      'ludhiana-officer@demo.in',
      setUp.ludhiana.organisationId,
      setUp.ludhiana.id,
    );
    expect(officer.role).toBe('bank_officer');
    const bank = await loggedInAgent(testApp.app, 'ludhiana-officer@demo.in');
    const review = await bank.agent.get(`/bank/applications/${ack}`).set('Cookie', 'lang=en');
    expect(review.status).toBe(200);
    expect(review.text).toMatch(
      /Yearly saving from the owner&#39;s energy audit<\/dt><dd>₹9,00,000[^<]*\(Walk-through audit\)/,
    );
    expect(review.text).toContain(
      'Basis of the savings figure: a walk-through energy audit, so 3.50 of 7 points.',
    );
    expect(review.text).not.toContain('At submission the file scored');
    expect(review.text).toContain('What the upgrade does to the plant</dt><dd>Expansion: adds capacity</dd>');
  });

  it('freezes the readiness score and band, shows them to the owner, and tells the officer when they differ now', async () => {
    const testApp = await buildTestApp();
    const { ack, agent, ludhiana } = await submitThroughPages(testApp);
    const frozen = testApp.repos.applications.findByAck(ack)!.snapshot.results.readiness!;
    expect(frozen.factors.map((f) => f.id)).toContain('savings-basis');
    expect(frozen.band).not.toBe('not-ready');
    const shown = await agent.get(`/applications/${ack}`).set('Cookie', 'lang=en');
    const score = new Decimal(frozen.score).toFixed(2);
    expect(shown.text).toContain(`Loan readiness when submitted</dt><dd>${score} of 100 (`);

    // A file frozen under an earlier scorecard: its stored score is not today's reading of the same figures.
    // (The freeze trigger is lifted here only to stage that history; the app never rewrites a snapshot.)
    testApp.db.exec('DROP TRIGGER applications_frozen');
    const stored = testApp.repos.applications.findByAck(ack)!.snapshot;
    stored.results.readiness = { ...frozen, score: '41.5', band: 'not-ready' };
    testApp.db
      .prepare('UPDATE applications SET snapshot = ? WHERE ack_number = ?')
      .run(JSON.stringify(stored), ack);
    await createOfficer(testApp, 'ludhiana-officer@demo.in', ludhiana.organisationId, ludhiana.id);
    const bank = await loggedInAgent(testApp.app, 'ludhiana-officer@demo.in');
    const differs = await bank.agent.get(`/bank/applications/${ack}`).set('Cookie', 'lang=en');
    expect(differs.text).toContain(
      `At submission the file scored 41.50 (Not ready). The scorecard has changed since: worked out again from the same frozen figures it scores ${score}`,
    );
    // The queue files it under the band it was given at submission.
    const queue = await bank.agent
      .get('/bank/applications')
      .query({ band: 'not-ready' })
      .set('Cookie', 'lang=en');
    expect(queue.text).toContain(ack);
  });

  it('refuses bad input with 422, a message by each field and the values kept', async () => {
    const testApp = await buildTestApp();
    const { enterpriseId, ludhiana } = ownerSetUp(testApp);
    const { agent, token } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const cases: [Record<string, string>, string, string][] = [
      [{ capexInr: '' }, 'capexInr', 'Enter the quotation amount'],
      [{ capexInr: 'twenty' }, 'capexInr', 'Enter an amount in rupees'],
      [{ annualOmInr: '-5,000' }, 'annualOmInr', 'Enter an amount of zero or more'],
      [{ loanInr: '30 lakh' }, 'loanInr', 'The loan cannot be more than the quotation'],
      [{ tenureMonths: '6', moratoriumMonths: '6' }, 'moratoriumMonths', 'The moratorium must be shorter'],
      [{ tenureMonths: '0' }, 'tenureMonths', 'Enter the tenure in whole months'],
      [{ consent: '' }, 'consent', 'Tick the box to agree'],
      [{ branchId: '99999' }, 'branchId', 'Choose the lender branch'],
      [
        { technologyId: 'efficient-shuttle-kiln' },
        'technologyId',
        'Choose an upgrade that suits your sector',
      ],
    ];
    for (const [change, field, message] of cases) {
      const response = await agent
        .post(`/enterprises/${enterpriseId}/apply`)
        .type('form')
        .send({ _csrf: token, ...form(ludhiana.id, change) });
      expect({ field, status: response.status }).toEqual({ field, status: 422 });
      expect(response.text).toContain(message);
      expect(response.text).toContain(`href="#field-${field}"`);
      expect(response.text).toContain(`value="${form(ludhiana.id, change).loanInr}"`);
    }
    expect(testApp.db.prepare('SELECT COUNT(*) AS n FROM applications').get()).toEqual({ n: 0 });
  });

  it('keeps the snapshot and the page as submitted after the profile changes', async () => {
    const testApp = await buildTestApp();
    const { agent, ack, owner, enterpriseId } = await submitThroughPages(testApp);
    const before = testApp.db.prepare('SELECT snapshot FROM applications WHERE ack_number = ?').get(ack);
    const pageBefore = await agent.get(`/applications/${ack}`);
    const savingBefore = testApp.repos.applications.findByAck(ack)!.snapshot.results.annualSavingInr;

    const profile = testApp.services.profiles.profileFor(owner, enterpriseId)!;
    testApp.services.profiles.saveStep(
      owner,
      enterpriseId,
      profile.version,
      { step: 'energy', energy: { ...profile.energy!, cokeTonnes: new Decimal(900) } },
      context(owner),
    );
    testApp.services.profiles.saveStep(
      owner,
      enterpriseId,
      profile.version + 1,
      { step: 'enterprise', details: { ...profile.details, name: 'Singh Castings Renamed' } },
      context(owner),
    );

    expect(testApp.db.prepare('SELECT snapshot FROM applications WHERE ack_number = ?').get(ack)).toEqual(
      before,
    );
    const after = testApp.repos.applications.findByAck(ack)!;
    expect(after.snapshot.profile.energy?.cokeTonnes).toBe('360');
    expect(after.snapshot.results.annualSavingInr).toBe(savingBefore);
    expect(after.enterpriseName).toBe('Singh Castings');
    const pageAfter = await agent.get(`/applications/${ack}`);
    const body = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, '');
    expect(body(pageAfter.text)).toBe(body(pageBefore.text));
    expect(pageAfter.text).not.toContain('Renamed');

    expect(() =>
      testApp.db.prepare("UPDATE applications SET snapshot = '{}' WHERE ack_number = ?").run(ack),
    ).toThrow(/cannot be edited/);
    expect(() => testApp.db.prepare('DELETE FROM application_events').run()).toThrow(/append-only/);
  });

  it("gives 404 for another owner's enterprise and application", async () => {
    const testApp = await buildTestApp();
    const { ack, enterpriseId, ludhiana } = await submitThroughPages(testApp);
    const other = await anotherOwner(testApp);
    expect((await other.agent.get(`/enterprises/${enterpriseId}/apply`)).status).toBe(404);
    const post = await other.agent
      .post(`/enterprises/${enterpriseId}/apply`)
      .type('form')
      .send({ _csrf: other.token, ...form(ludhiana.id) });
    expect(post.status).toBe(404);
    expect((await other.agent.get(`/applications/${ack}`)).status).toBe(404);
    expect((await other.agent.get(`/applications/${ack}/withdraw`)).status).toBe(404);
    const withdraw = await other.agent
      .post(`/applications/${ack}/withdraw`)
      .type('form')
      .send({ _csrf: other.token, version: '1' });
    expect(withdraw.status).toBe(404);
    expect((await other.agent.get('/applications')).text).not.toContain(ack);
    expect(
      testApp.services.applications.submit(
        other.actor,
        request(enterpriseId, ludhiana.id),
        RULES,
        context(other.actor),
      ),
    ).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });

  it('allocates unique, consecutive acknowledgement numbers to submissions arriving together', async () => {
    const testApp = await buildTestApp();
    const { enterpriseId, ludhiana } = ownerSetUp(testApp);
    const { agent, token } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const responses = await Promise.all(
      Array.from({ length: 12 }, () =>
        agent
          .post(`/enterprises/${enterpriseId}/apply`)
          .type('form')
          .send({ _csrf: token, ...form(ludhiana.id) }),
      ),
    );
    const acks = responses.map((r) => String(r.headers.location).replace('/applications/', ''));
    expect(responses.every((r) => r.status === 303)).toBe(true);
    expect(new Set(acks).size).toBe(12);
    expect([...acks].sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `HS-2026-${String(i + 1).padStart(6, '0')}`),
    );
  });

  it('starts the sequence again in a new year in India', async () => {
    const testApp = await buildTestApp();
    const { owner, enterpriseId, ludhiana } = ownerSetUp(testApp);
    const submit = () =>
      testApp.services.applications.submit(owner, request(enterpriseId, ludhiana.id), RULES, context(owner));
    expect(submit()).toEqual({ ok: true, ackNumber: 'HS-2026-000001' });
    testApp.clock.advanceMinutes(39 * 24 * 60 + 12 * 60); // 2026-12-31T18:30Z: midnight in India
    expect(submit()).toEqual({ ok: true, ackNumber: 'HS-2027-000001' });
    expect(submit()).toEqual({ ok: true, ackNumber: 'HS-2027-000002' });
  });
});

describe('an application for a project of two measures', () => {
  it('freezes both measures with their quotations, lends on the project, and shows them to the owner and the officer', async () => {
    const testApp = await buildTestApp();
    const setUp = ownerSetUp(testApp);
    const { agent } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const page = await agent.get(`/enterprises/${setUp.enterpriseId}/apply`).set('Cookie', 'lang=en');
    expect(page.text).toContain('A second measure (optional)');
    const twoMeasures = form(setUp.ludhiana.id, {
      technologyId2: 'hot-blast-recuperator',
      capexInr2: '15 lakh',
      annualOmInr2: '30,000',
      annualSavingInr: '40 lakh',
      savingsBasis: 'investment-grade-audit',
      energyAuditCostInr: '1,50,000',
      loanInr: '32,00,000',
    });

    // A measure without its quotation, and a loan above what the measures' quotations add up to, are refused.
    const unquoted = await agent
      .post(`/enterprises/${setUp.enterpriseId}/apply`)
      .type('form')
      .set('Cookie', 'lang=en')
      .send({ _csrf: csrfTokenIn(page.text), ...twoMeasures, capexInr2: '' });
    expect(unquoted.status).toBe(422);
    expect(unquoted.text).toContain('id="error-capexInr2"');
    expect(unquoted.text).toContain('value="hot-blast-recuperator" selected');
    const tooMuch = await agent
      .post(`/enterprises/${setUp.enterpriseId}/apply`)
      .type('form')
      .set('Cookie', 'lang=en')
      .send({ _csrf: csrfTokenIn(page.text), ...twoMeasures, loanInr: '41 lakh' });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.text).toContain('id="error-loanInr"');

    const response = await agent
      .post(`/enterprises/${setUp.enterpriseId}/apply`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), ...twoMeasures });
    expect(response.status).toBe(303);
    const ack = /(HS-\d{4}-\d{6})$/.exec(response.headers.location as string)![1]!;
    const application = testApp.repos.applications.findByAck(ack)!;
    // The project's cost is both quotations; the queue's technology is the first measure.
    expect(application.capexInr.toFixed(2)).toBe('4000000.00');
    expect(application.technologyId).toBe('divided-blast-cupola');
    const { request, results } = application.snapshot;
    expect(request.capexInr).toBe('4000000.00');
    expect(request.annualOmInr).toBe('80000.00');
    expect(request.energyAuditCostInr).toBe('150000.00');
    expect(request.measures?.map((m) => [m.technologyId, m.capexInr, m.annualOmInr])).toEqual([
      ['divided-blast-cupola', '2500000.00', '50000.00'],
      ['hot-blast-recuperator', '1500000.00', '30000.00'],
    ]);
    expect(results.measures?.map((m) => m.technologyId)).toEqual([
      'divided-blast-cupola',
      'hot-blast-recuperator',
    ]);
    // The project's economics run on the audited ₹40 lakh less both running costs.
    expect(results.economics?.netAnnualSavingsInr).toBe('3920000.00');

    const shown = await agent.get(`/applications/${ack}`).set('Cookie', 'lang=en');
    expect(shown.text).toContain('The measures of the project, in the order applied');
    expect(shown.text).toContain('What your energy audit cost, in rupees</dt><dd>₹1,50,000');
    expect(shown.text).toMatch(/<th scope="row">Hot[^<]*<\/th>\s*<td>₹15,00,000<\/td>/);

    await createOfficer(
      testApp,
      'ludhiana-officer@demo.in',
      setUp.ludhiana.organisationId,
      setUp.ludhiana.id,
    );
    const bank = await loggedInAgent(testApp.app, 'ludhiana-officer@demo.in');
    const review = await bank.agent.get(`/bank/applications/${ack}`).set('Cookie', 'lang=en');
    expect(review.status).toBe(200);
    expect(review.text).toContain('Divided Blast Cupola (DBC) replacing a conventional cupola + Hot');
    expect(review.text).toContain('The measures of the project, in the order applied');

    const dossier = await asBuffer(agent.get(`/applications/${ack}/dossier.pdf`).set('Cookie', 'lang=en'));
    expect(dossier.status).toBe(200);
    const text = pdfText(dossier.body as Buffer);
    if (text !== undefined)
      expect(text.replace(/\s+/g, ' ')).toMatch(/Hot[^;]*Quotation ₹15,00,000; saving a year/);

    // A new version starts from both measures as submitted.
    const again = await agent
      .get(`/enterprises/${setUp.enterpriseId}/apply?replaces=${ack}`)
      .set('Cookie', 'lang=en');
    expect(again.text).toContain('value="25,00,000"');
    expect(again.text).toMatch(/name="technologyId2"[\s\S]*value="hot-blast-recuperator" selected/);
    expect(again.text).toMatch(/name="capexInr2" type="text"\s*value="15,00,000"/);
  });
});

describe('acknowledgement numbers across two connections to one database file', () => {
  it('never repeat when two processes submit in turn', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'haritsetu-ack-'));
    try {
      const path = join(dir, 'haritsetu.sqlite');
      const first = openDatabase(path);
      migrate(first, paths.migrations);
      const clock = new TestClock();
      const options = {
        hasher: createPasswordHasher(TEST_SCRYPT),
        now: clock.now,
        lockout: { maxFailures: 5, lockMinutes: 15 },
      };
      const servicesA = createServices(createRepositories(first), options);
      await seedDemo(servicesA, demoSeedSchema.parse(parse(readFileSync(paths.demoSeed, 'utf8'))), 'seed');
      const second = openDatabase(path);
      const servicesB = createServices(createRepositories(second), options);

      const owner = servicesA.accounts.listUsers().find((u) => u.email === 'owner@demo.in')!;
      const actor: Actor = { userId: owner.id, role: 'owner', organisationId: null, branchId: null };
      const enterpriseId = servicesA.enterprises.visibleTo(actor)[0]!.id;
      const branchId = servicesA.applications.lenderChoices()[0]!.branches[0]!.id;
      const submit = (services: Services) => {
        const outcome = services.applications.submit(
          actor,
          request(enterpriseId, branchId),
          RULES,
          context(actor),
        );
        if (!outcome.ok) throw new Error(outcome.reason);
        return outcome.ackNumber;
      };

      const acks: string[] = [];
      for (let i = 0; i < 20; i++) acks.push(submit(i % 3 === 0 ? servicesB : servicesA));
      // A reader on one connection holding a snapshot does not stop the other from allocating the next number.
      const reading = first.prepare('SELECT ack_number FROM applications').iterate();
      reading.next();
      acks.push(submit(servicesB));
      reading.return?.();
      acks.push(submit(servicesA));

      expect(new Set(acks).size).toBe(22);
      expect(acks).toEqual(Array.from({ length: 22 }, (_, i) => `HS-2026-${String(i + 1).padStart(6, '0')}`));
      const stored = second.prepare('SELECT COUNT(DISTINCT ack_number) AS n FROM applications').get();
      expect(stored).toEqual({ n: 22 });
      first.close();
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the owner's follow-up", () => {
  it('answers an information request, which puts the file back under review', async () => {
    const testApp = await buildTestApp();
    const { agent, ack } = await submitThroughPages(testApp);
    const officer = actorFor(testApp, 'officer@demo.in');
    const applications = testApp.services.applications;
    expect(applications.act(officer, ack, 1, { action: 'start-review' }, context(officer))).toMatchObject({
      ok: true,
    });
    expect(
      applications.act(
        officer,
        ack,
        2,
        { action: 'request-information', message: 'Send the supplier quotation on letterhead.' },
        context(officer),
      ),
    ).toEqual({ ok: true, status: 'information-requested', version: 3 });

    const page = await agent.get(`/applications/${ack}`);
    expect(page.text).toContain('The lender has asked for information');
    expect(page.text).toContain('Send the supplier quotation on letterhead.');
    const token = csrfTokenIn(page.text);

    const empty = await agent
      .post(`/applications/${ack}/answer`)
      .type('form')
      .send({ _csrf: token, version: '3', answer: ' ' });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('Write your answer');

    const stale = await agent
      .post(`/applications/${ack}/answer`)
      .type('form')
      .send({ _csrf: token, version: '2', answer: 'Attached.' });
    expect(stale.status).toBe(409);

    const answered = await agent
      .post(`/applications/${ack}/answer`)
      .type('form')
      .send({ _csrf: token, version: '3', answer: 'Quotation uploaded with the dossier.' });
    expect(answered.status).toBe(303);
    expect(testApp.repos.applications.findByAck(ack)!.status).toBe('under-review');
    const after = await agent.get(`/applications/${ack}`);
    expect(after.text).toContain('Information sent');
    expect(after.text).toContain('Quotation uploaded with the dossier.');
    expect(after.text).not.toContain('The lender has asked for information');
    expect(testApp.repos.audit.recent(1)[0]).toMatchObject({
      action: 'application.answer-information',
      objectId: ack,
    });
  });

  it('withdraws after a confirmation page that needs no JavaScript', async () => {
    const testApp = await buildTestApp();
    const { agent, ack } = await submitThroughPages(testApp);
    const show = await agent.get(`/applications/${ack}`);
    expect(show.text).toContain(`href="/applications/${ack}/withdraw"`);
    const confirm = await agent.get(`/applications/${ack}/withdraw`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain(`action="/applications/${ack}/withdraw"`);
    const token = csrfTokenIn(confirm.text);
    const done = await agent
      .post(`/applications/${ack}/withdraw`)
      .type('form')
      .send({ _csrf: token, version: '1', reason: 'Found a cheaper quotation.' });
    expect(done.status).toBe(303);
    expect(testApp.repos.applications.findByAck(ack)!.status).toBe('withdrawn');
    const page = await agent.get(`/applications/${ack}`);
    expect(page.text).toContain('Withdrawn');
    expect(page.text).not.toContain(`href="/applications/${ack}/withdraw"`);
    const again = await agent
      .post(`/applications/${ack}/withdraw`)
      .type('form')
      .send({ _csrf: token, version: '2' });
    expect(again.status).toBe(409);
    expect((await agent.get(`/applications/${ack}/withdraw`)).status).toBe(404);
  });

  it('submits a new version with a new number, linked to the old one, which is withdrawn', async () => {
    const testApp = await buildTestApp();
    const { agent, ack, enterpriseId, ludhiana } = await submitThroughPages(testApp);
    const page = await agent.get(`/enterprises/${enterpriseId}/apply?replaces=${ack}`);
    expect(page.text).toContain(`value="${ack}"`);
    expect(page.text).toContain('value="25,00,000"');
    const response = await agent
      .post(`/enterprises/${enterpriseId}/apply`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), ...form(ludhiana.id, { loanInr: '18 lakh', replaces: ack }) });
    expect(response.headers.location).toBe('/applications/HS-2026-000002');
    expect(testApp.repos.applications.findByAck(ack)!.status).toBe('withdrawn');
    const newer = await agent.get('/applications/HS-2026-000002');
    expect(newer.text).toContain(`href="/applications/${ack}"`);
    const older = await agent.get(`/applications/${ack}`);
    expect(older.text).toContain('href="/applications/HS-2026-000002"');
  });

  it('shows the Hindi pages in Hindi', async () => {
    const testApp = await buildTestApp();
    const { agent, ack, enterpriseId } = await submitThroughPages(testApp);
    for (const url of [
      `/enterprises/${enterpriseId}/apply`,
      '/applications',
      `/applications/${ack}`,
      `/applications/${ack}/withdraw`,
    ]) {
      const response = await agent.get(url).set('Cookie', 'lang=hi');
      expect(response.status).toBe(200);
      expect(response.text).toContain('<html lang="hi">');
      expect(response.text).not.toMatch(/applications\.[a-z]+\.[a-zA-Z-]+/);
      const leaked = ENGLISH_SENTENCES.filter((sentence) => response.text.includes(sentence));
      expect({ url, leaked }).toEqual({ url, leaked: [] });
    }
  });
});

describe('the service for the bank side', () => {
  it('lists a branch’s and a lender’s applications with filters, pages and counts, never another lender’s', async () => {
    const testApp = await buildTestApp();
    const { owner, enterpriseId, ludhiana, kolkata, pnb } = ownerSetUp(testApp);
    const applications = testApp.services.applications;
    const submit = (branchId: number, loan: string) => {
      const outcome = applications.submit(
        owner,
        request(enterpriseId, branchId, loan),
        RULES,
        context(owner),
      );
      testApp.clock.advanceMinutes(24 * 60);
      return outcome.ok ? outcome.ackNumber : '';
    };
    const acks = [
      submit(ludhiana.id, '500000'),
      submit(ludhiana.id, '1500000'),
      submit(ludhiana.id, '2000000'),
      submit(kolkata.id, '1000000'),
      submit(pnb.branches[0]!.id, '1000000'),
    ];
    const officer = actorFor(testApp, 'officer@demo.in');
    applications.act(officer, acks[1]!, 1, { action: 'start-review' }, context(officer));

    const branch = applications.queue(officer, {})!;
    expect(branch.items.map((a) => a.ackNumber)).toEqual(acks.slice(0, 3));
    expect(branch.countsByStatus).toEqual({ submitted: 2, 'under-review': 1 });
    const lender = applications.queue(officer, { scope: 'lender', pageSize: 2, page: 2 })!;
    expect(lender).toMatchObject({ total: 4, page: 2, pageSize: 2, pageCount: 2 });
    expect(lender.items.map((a) => a.ackNumber)).toEqual([acks[2], acks[3]]);
    expect(
      applications.queue(officer, { statuses: ['under-review'] })!.items.map((a) => a.ackNumber),
    ).toEqual([acks[1]]);
    expect(
      applications
        .queue(officer, {
          minLoanInr: new Decimal('1000000'),
          maxLoanInr: new Decimal('1500000'),
          scope: 'lender',
        })!
        .items.map((a) => a.ackNumber),
    ).toEqual([acks[1], acks[3]]);
    expect(applications.queue(officer, { minAgeDays: 5 })!.items.map((a) => a.ackNumber)).toEqual([acks[0]]);
    expect(
      applications.queue(officer, { maxAgeDays: 3, scope: 'lender' })!.items.map((a) => a.ackNumber),
    ).toEqual([acks[2], acks[3]]);
    expect(applications.queue(officer, { clusterId: 'howrah-foundry' })!.total).toBe(0);
    expect(applications.queue(officer, { sort: 'amount-desc' })!.items[0]!.ackNumber).toBe(acks[2]);
    expect(applications.queue(owner, {})).toBeUndefined();

    const other = await pnbOfficer(testApp, pnb);
    expect(applications.queue(other, { scope: 'lender' })!.items.map((a) => a.ackNumber)).toEqual([acks[4]]);
    expect(applications.forOfficer(other, acks[0]!)).toBeUndefined();
    expect(applications.recordView(other, acks[0]!, context(other))).toBe(false);
    expect(applications.act(other, acks[0]!, 1, { action: 'start-review' }, context(other))).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(applications.forOfficer(officer, acks[3]!)?.application.branchId).toBe(kolkata.id);
  });

  it('records views, comments and decisions on the trail, showing the owner only what is meant for them', async () => {
    const testApp = await buildTestApp();
    const { agent, ack } = await submitThroughPages(testApp);
    const applications = testApp.services.applications;
    const officer = actorFor(testApp, 'officer@demo.in');
    expect(applications.recordView(officer, ack, context(officer))).toBe(true);
    applications.comment(
      officer,
      ack,
      { message: 'Check the CMR rank.', visibility: 'internal' },
      context(officer),
    );
    applications.comment(
      officer,
      ack,
      { message: 'We are looking at your file.', visibility: 'applicant' },
      context(officer),
    );
    applications.act(officer, ack, 1, { action: 'start-review' }, context(officer));
    applications.act(officer, ack, 2, { action: 'recommend' }, context(officer));
    expect(applications.act(officer, ack, 3, { action: 'decline' }, context(officer))).toMatchObject({
      ok: false,
      reason: 'invalid',
      field: 'reasons',
    });
    expect(
      applications.act(officer, ack, 3, { action: 'sanction', sanction: undefined }, context(officer)),
    ).toMatchObject({
      ok: false,
      field: 'sanction',
    });
    expect(
      applications.act(
        officer,
        ack,
        3,
        { action: 'decline', reasons: ['insufficient-repayment-capacity'], message: 'DSCR below 1.25.' },
        context(officer),
      ),
    ).toEqual({ ok: true, status: 'declined', version: 4 });
    expect(applications.act(officer, ack, 4, { action: 'sanction' }, context(officer))).toEqual({
      ok: false,
      reason: 'not-allowed',
      status: 'declined',
    });

    const officerView = applications.forOfficer(officer, ack)!;
    expect(officerView.events.map((e) => e.kind)).toEqual([
      'submitted',
      'viewed',
      'comment',
      'comment',
      'status-changed',
      'status-changed',
      'status-changed',
    ]);
    expect(officerView.events[1]?.actorName).toBe('Rakesh Sharma');
    const ownerView = applications.forOwner(actorFor(testApp, 'owner@demo.in'), ack)!;
    expect(ownerView.events.map((e) => e.action ?? e.kind)).toEqual([
      'submitted',
      'comment',
      'start-review',
      'decline',
    ]);

    const page = await agent.get(`/applications/${ack}`);
    expect(page.text).toContain('Declined');
    expect(page.text).toContain('Repayment capacity is not enough');
    expect(page.text).toContain('DSCR below 1.25.');
    expect(page.text).toContain('We are looking at your file.');
    expect(page.text).not.toContain('Check the CMR rank.');
    expect(page.text).not.toContain('Recommended');
    expect(testApp.repos.audit.recent(10).map((e) => e.action)).toContain('application.viewed');
  });

  it('lets exactly one of two officers deciding at once succeed', async () => {
    const testApp = await buildTestApp();
    const { ack } = await submitThroughPages(testApp);
    const applications = testApp.services.applications;
    const officer = actorFor(testApp, 'officer@demo.in');
    applications.act(officer, ack, 1, { action: 'start-review' }, context(officer));
    applications.act(officer, ack, 2, { action: 'recommend' }, context(officer));
    const sanction = {
      action: 'sanction' as const,
      sanction: {
        amountInr: new Decimal('2000000'),
        ratePct: new Decimal('9.5'),
        tenureMonths: 60,
        conditions: 'Hypothecation of the cupola.',
      },
    };
    const first = applications.act(officer, ack, 3, sanction, context(officer));
    const second = applications.act(
      officer,
      ack,
      3,
      { action: 'decline', reasons: ['other'] },
      context(officer),
    );
    expect(first).toEqual({ ok: true, status: 'sanctioned', version: 4 });
    expect(second).toMatchObject({ ok: false, reason: 'not-allowed', status: 'sanctioned' });
    const last = applications.forOfficer(officer, ack)!.events.at(-1)!;
    expect(last.details).toEqual({
      sanction: {
        amountInr: '2000000.00',
        ratePct: '9.500000',
        tenureMonths: 60,
        conditions: 'Hypothecation of the cupola.',
      },
    });
  });
});
