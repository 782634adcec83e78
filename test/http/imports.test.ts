import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { buildTestApp, csrfTokenIn, loggedInAgent, type TestApp } from '../helpers/test-app.js';

const HEADER =
  'Enterprise name,Udyam number,Cluster,Investment in plant and machinery (₹),Turnover (₹),Production (tonnes per year),Electricity (kWh per year),Coke (tonnes per year),Annual energy bill (₹),CMR rank';

type Agent = Awaited<ReturnType<typeof loggedInAgent>>['agent'];

async function advisor(testApp: TestApp, email = 'advisor@demo.in', password?: string) {
  const session = await loggedInAgent(testApp.app, email, password);
  const page = await session.agent.get('/imports');
  return { agent: session.agent, token: csrfTokenIn(page.text) };
}

function uploadFile(agent: Agent, token: string, content: string | Buffer, fileName = 'units.csv') {
  return agent
    .post(`/imports?_csrf=${encodeURIComponent(token)}`)
    .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), fileName);
}

/** Uploads and follows to the page the batch is at (mapping or preview); returns the batch id. */
async function upload(agent: Agent, token: string, content: string | Buffer, fileName = 'units.csv') {
  const response = await uploadFile(agent, token, content, fileName);
  expect(response.status).toBe(303);
  const location = response.headers.location as string;
  return { id: Number(location.split('/').pop()), page: await agent.get(location) };
}

async function confirm(agent: Agent, id: number, duplicates: string) {
  const preview = await agent.get(`/imports/${id}`);
  const response = await agent
    .post(`/imports/${id}/confirm`)
    .type('form')
    .send({ _csrf: csrfTokenIn(preview.text), duplicates });
  expect(response.status).toBe(303);
  return agent.get(`/imports/${id}`);
}

const enterpriseByUdyam = (testApp: TestApp, udyam: string) => testApp.repos.enterprises.findByUdyam(udyam);
const enterpriseCount = (testApp: TestApp) =>
  testApp.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM enterprises').get()!.n;

describe('bulk import: template and upload', () => {
  it('offers the template with English or Hindi headers, both recognised', async () => {
    const testApp = await buildTestApp();
    const { agent } = await advisor(testApp);
    const en = await agent.get('/imports/template.csv?lang=en');
    expect(en.status).toBe(200);
    expect(en.headers['content-type']).toContain('text/csv');
    expect(en.headers['content-disposition']).toContain('attachment');
    expect(en.text).toBe(`\uFEFF${HEADER}\r\n`);
    const hi = await agent.get('/imports/template.csv?lang=hi');
    expect(hi.text).toContain('उद्यम का नाम,उद्यम पंजीकरण संख्या,क्लस्टर');

    const token = csrfTokenIn((await agent.get('/imports')).text);
    const hindi = `${hi.text.trim()}\r\nसिंह कास्टिंग्स नई,UDYAM-PB-03-1111111,बटाला फाउंड्री क्लस्टर,45 लाख,1.2 करोड़,800,"2,40,000",120,"₹ 18,00,000",4\r\n`;
    const { id, page } = await upload(agent, token, hindi);
    expect(page.text).toContain('Preview of the import');
    const report = await confirm(agent, id, 'flag');
    expect(report.status).toBe(200);
    const unit = enterpriseByUdyam(testApp, 'UDYAM-PB-03-1111111')!;
    expect(unit.name).toBe('सिंह कास्टिंग्स नई');
    const profile = testApp.repos.profiles.load(unit.id)!;
    expect(profile.details.investmentInr?.toFixed()).toBe('4500000');
    expect(profile.financials[0]).toMatchObject({ fiscalYear: '2025-26' });
    expect(profile.financials[0]?.revenueInr?.toFixed()).toBe('12000000');
    expect(profile.energy?.electricityKwh?.toFixed()).toBe('240000');
    expect(profile.energy?.annualEnergyBillInr?.toFixed()).toBe('1800000');
    expect(profile.credit).toMatchObject({ cmrRank: 4, newToCredit: false });
    expect(profile.ownerUserId).toBeNull();
    expect(profile.completedSteps).toEqual([]);
  });

  it('reads Indian number formats, a BOM, CRLF and blank rows; rejects bad cells with a reason per cell', async () => {
    const testApp = await buildTestApp();
    const { agent, token } = await advisor(testApp);
    const csv = readFileSync(fromRoot('test/fixtures/imports/messy.csv'));
    const { id, page } = await upload(agent, token, csv, 'messy.csv');
    expect(page.status).toBe(200);
    expect(page.text).toContain('not a number');
    const report = await confirm(agent, id, 'flag');
    const batch = testApp.repos.imports.findBatch(id)!;
    expect(batch.counts).toEqual({ imported: 3, updated: 0, skipped: 0, flagged: 1, rejected: 4, blank: 1 });
    expect(report.text).toContain('Import report');

    const rows = testApp.repos.imports.reportRows(id, { offset: 0, limit: 100 });
    const byRow = Object.fromEntries(
      rows.map((row) => [row.rowNumber, { outcome: row.outcome, problems: row.problems }]),
    );
    expect(byRow).toEqual({
      2: { outcome: 'create', problems: {} },
      3: { outcome: 'create', problems: {} },
      4: { outcome: 'blank', problems: {} },
      5: { outcome: 'reject', problems: { turnoverInr: 'not-a-number', udyamNumber: 'udyam-format' } },
      6: { outcome: 'flag', problems: {} },
      7: { outcome: 'reject', problems: { cluster: 'cluster-not-yours' } },
      8: { outcome: 'reject', problems: { name: 'required', investmentInr: 'misplaced-comma' } },
      9: { outcome: 'create', problems: {} },
      10: { outcome: 'reject', problems: { cmrRank: 'cmr-range' } },
    });
    const lakh = testApp.repos.profiles.load(enterpriseByUdyam(testApp, 'UDYAM-PB-03-2000001')!.id)!;
    expect(lakh.details.investmentInr?.toFixed()).toBe('1250000');
    expect(lakh.financials[0]?.revenueInr?.toFixed()).toBe('12500000');
    expect(lakh.energy?.productionTonnes?.toFixed()).toBe('2400');
    expect(lakh.energy?.cokeTonnes?.toFixed()).toBe('360.5');
    const crore = testApp.repos.profiles.load(enterpriseByUdyam(testApp, 'UDYAM-PB-03-2000002')!.id)!;
    expect(crore.details.investmentInr?.toFixed()).toBe('12000000');
    expect(crore.energy?.annualEnergyBillInr?.toFixed()).toBe('400000');
    expect(crore.credit).toMatchObject({ newToCredit: true, cmrRank: null });
    // Money is stored as integer paise.
    const stored = testApp.db
      .prepare<[number], { investment_paise: number }>(
        'SELECT investment_paise FROM enterprises WHERE id = ?',
      )
      .get(crore.id)!;
    expect(stored.investment_paise).toBe(1_200_000_000);
  });

  it('imports an .xlsx workbook built with exceljs', async () => {
    const testApp = await buildTestApp();
    const { agent, token } = await advisor(testApp);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Units');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      'Excel Foundry',
      'UDYAM-PB-03-3000001',
      'batala-foundry',
      4500000,
      '3 crore',
      1200,
      250000,
      180,
      '₹ 20,00,000',
      3,
    ]);
    sheet.addRow([
      'Rich Text Works',
      'UDYAM-PB-03-3000002',
      'Batala foundry cluster',
      { formula: '2*1000000', result: 2000000 },
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const { id } = await upload(agent, token, buffer, 'units.xlsx');
    await confirm(agent, id, 'flag');
    expect(testApp.repos.imports.findBatch(id)!.counts).toMatchObject({ imported: 2, rejected: 0 });
    const excel = testApp.repos.profiles.load(enterpriseByUdyam(testApp, 'UDYAM-PB-03-3000001')!.id)!;
    expect(excel.details.investmentInr?.toFixed()).toBe('4500000');
    expect(excel.energy?.electricityKwh?.toFixed()).toBe('250000');
    const formula = testApp.repos.profiles.load(enterpriseByUdyam(testApp, 'UDYAM-PB-03-3000002')!.id)!;
    expect(formula.details.investmentInr?.toFixed()).toBe('2000000');
  });

  it('asks to match columns when headers differ, and uses the mapping chosen', async () => {
    const testApp = await buildTestApp();
    const { agent, token } = await advisor(testApp);
    const csv =
      'Firm Name,Reg No,Location,P&M Investment,Sales\nMapped Castings,UDYAM-PB-03-4000001,batala-foundry,25 lakh,2 crore\n';
    const { id, page } = await upload(agent, token, csv);
    expect(page.text).toContain('Match the columns');
    // "Firm Name" and "P&M Investment" and "Sales" match themselves; the other two do not.
    expect(page.text).toMatch(/<option value="0" selected>Firm Name<\/option>/);
    expect(testApp.repos.imports.findBatch(id)!.mapping).toMatchObject({
      name: 0,
      udyamNumber: null,
      cluster: null,
      investmentInr: 3,
      turnoverInr: 4,
    });

    const mapping = { name: '0', udyamNumber: '1', cluster: '2', investmentInr: '3', turnoverInr: '4' };
    const twice = await agent
      .post(`/imports/${id}/mapping`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), ...mapping, cluster: '1' });
    expect(twice.status).toBe(422);
    expect(twice.text).toContain('already chosen for another field');

    const ok = await agent
      .post(`/imports/${id}/mapping`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), ...mapping });
    expect(ok.status).toBe(303);
    await confirm(agent, id, 'flag');
    const unit = enterpriseByUdyam(testApp, 'UDYAM-PB-03-4000001')!;
    expect(testApp.repos.profiles.load(unit.id)!.details.investmentInr?.toFixed()).toBe('2500000');
  });

  it('refuses a multipart upload without a CSRF token, and a file over the size limit with 413', async () => {
    const testApp = await buildTestApp();
    const { agent } = await advisor(testApp);
    const noToken = await agent.post('/imports').attach('file', Buffer.from(`${HEADER}\n`), 'units.csv');
    expect(noToken.status).toBe(403);
    // A token in the query string is accepted only for multipart requests.
    const page = await agent.get('/imports');
    const formInQuery = await agent
      .post(`/imports/1/confirm?_csrf=${encodeURIComponent(csrfTokenIn(page.text))}`)
      .type('form')
      .send({ duplicates: 'flag' });
    expect(formInQuery.status).toBe(403);

    const big = Buffer.alloc(26 * 1024 * 1024, 'a');
    const tooLarge = await uploadFile(agent, csrfTokenIn(page.text), big, 'big.csv');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.text).toContain('larger than 25 MB');
    const wrongType = await uploadFile(agent, csrfTokenIn(page.text), 'hello', 'notes.txt');
    expect(wrongType.status).toBe(422);
  });
});

describe('bulk import: duplicates', () => {
  const rows = [
    HEADER,
    'Singh Castings Renamed,UDYAM-PB-03-0012345,batala-foundry,90 lakh,,,,,,',
    'Twice Foundry,UDYAM-PB-03-5000001,batala-foundry,10 lakh,,,,,,',
    'Twice Foundry Again,UDYAM-PB-03-5000001,batala-foundry,11 lakh,,,,,,',
  ].join('\r\n');

  it('shows duplicates within the file and against the database in the preview', async () => {
    const testApp = await buildTestApp();
    const { agent, token } = await advisor(testApp);
    const { id } = await upload(agent, token, rows);
    expect(testApp.services.imports.previewCounts(testApp.repos.imports.findBatch(id)!)).toEqual({
      rows: 3,
      valid: 3,
      invalid: 0,
      blank: 0,
      duplicatesInFile: 1,
      duplicatesInDatabase: 1,
    });
  });

  it.each([
    ['update', { imported: 1, updated: 2, skipped: 0, flagged: 0 }, 'Singh Castings Renamed', '1100000'],
    ['skip', { imported: 1, updated: 0, skipped: 2, flagged: 0 }, 'Singh Castings', '1000000'],
    ['flag', { imported: 1, updated: 0, skipped: 0, flagged: 2 }, 'Singh Castings', '1000000'],
  ])('applies the choice "%s" to both kinds', async (choice, counts, singhName, twiceInvestment) => {
    const testApp = await buildTestApp();
    const { agent, token } = await advisor(testApp);
    const singhBefore = enterpriseByUdyam(testApp, 'UDYAM-PB-03-0012345')!;
    const { id } = await upload(agent, token, rows);
    await confirm(agent, id, choice);
    expect(testApp.repos.imports.findBatch(id)!.counts).toMatchObject(counts);
    const singh = enterpriseByUdyam(testApp, 'UDYAM-PB-03-0012345')!;
    expect(singh.name).toBe(singhName);
    // The owner keeps the unit; an update bumps its version so an owner's open form does not overwrite it.
    expect(singh.ownerUserId).toBe(singhBefore.ownerUserId);
    expect(singh.version).toBe(choice === 'update' ? singhBefore.version + 1 : singhBefore.version);
    const twice = testApp.repos.profiles.load(enterpriseByUdyam(testApp, 'UDYAM-PB-03-5000001')!.id)!;
    expect(twice.details.investmentInr?.toFixed()).toBe(twiceInvestment);
  });

  it('rejects a Udyam number registered outside the association without revealing the unit', async () => {
    const testApp = await buildTestApp();
    const { agent, token } = await advisor(testApp, 'advisor@demo.in');
    const howrah = testApp.services.organisations
      .list()
      .find((organisation) => organisation.name === 'Howrah Foundry Association')!;
    testApp.db
      .prepare(
        `INSERT INTO enterprises (created_by_user_id, cluster_id, name, udyam_number, created_at, updated_at)
         VALUES (1, 'howrah-foundry', 'Howrah Unit', 'UDYAM-WB-12-0000001', 'x', 'x')`,
      )
      .run();
    expect(howrah).toBeDefined();
    const { id } = await upload(agent, token, `${HEADER}\nTaken,UDYAM-WB-12-0000001,batala-foundry,,,,,,,\n`);
    const report = await confirm(agent, id, 'update');
    expect(testApp.repos.imports.findBatch(id)!.counts).toMatchObject({ rejected: 1, updated: 0 });
    expect(report.text).toContain('already registered by a unit outside your association');
    expect(report.text).not.toContain('Howrah Unit');
  });
});

describe('bulk import: report, correction and atomicity', () => {
  it('round-trips the rows to correct: download, fix, import again', async () => {
    const testApp = await buildTestApp();
    const { agent, token } = await advisor(testApp);
    const csv = `${HEADER}\r\nGood One,UDYAM-PB-03-6000001,batala-foundry,10 lakh,,,,,,\r\nBad One,UDYAM-PB-03-6000002,batala-foundry,12.5.0 lakh,,,,,,\r\n`;
    const { id } = await upload(agent, token, csv);
    await confirm(agent, id, 'flag');
    const file = await agent.get(`/imports/${id}/rows-to-correct.csv`);
    expect(file.status).toBe(200);
    const lines = file.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toEqual([
      `${HEADER},Reason`,
      'Bad One,UDYAM-PB-03-6000002,batala-foundry,12.5.0 lakh,,,,,,,Investment in plant and machinery (₹): more than one decimal point',
    ]);
    const corrected = file.text.replace('12.5.0 lakh', '12.5 lakh');
    const again = csrfTokenIn((await agent.get('/imports')).text);
    const second = await upload(agent, again, corrected, 'rows-to-correct.csv');
    await confirm(agent, second.id, 'flag');
    expect(testApp.repos.imports.findBatch(second.id)!.counts).toMatchObject({ imported: 1, rejected: 0 });
    const fixed = testApp.repos.profiles.load(enterpriseByUdyam(testApp, 'UDYAM-PB-03-6000002')!.id)!;
    expect(fixed.details.investmentInr?.toFixed()).toBe('1250000');
  });

  it('records who, when, file name and counts, and lists the batch', async () => {
    const testApp = await buildTestApp();
    const { agent, token } = await advisor(testApp);
    const { id } = await upload(
      agent,
      token,
      `${HEADER}\nOne,UDYAM-PB-03-7000001,batala-foundry,,,,,,,\n`,
      'batala-july.csv',
    );
    await confirm(agent, id, 'skip');
    const batch = testApp.repos.imports.findBatch(id)!;
    expect(batch).toMatchObject({
      fileName: 'batala-july.csv',
      createdByName: 'Harjit Kaur',
      status: 'confirmed',
      duplicateChoice: 'skip',
      confirmedAt: '2026-11-22T06:30:00.000Z',
    });
    const list = await agent.get('/imports');
    expect(list.text).toContain('batala-july.csv');
    const audit = testApp.db
      .prepare<[], { details: string }>("SELECT details FROM audit_events WHERE action = 'import.confirmed'")
      .get()!;
    expect(JSON.parse(audit.details)).toMatchObject({ fileName: 'batala-july.csv', imported: 1 });
    // A second confirmation (another tab) changes nothing.
    const again = await agent
      .post(`/imports/${id}/confirm`)
      .type('form')
      .send({ _csrf: token, duplicates: 'update' });
    expect(again.status).toBe(303);
    expect(testApp.repos.imports.findBatch(id)!.duplicateChoice).toBe('skip');
  });

  it('leaves nothing behind when a row fails at the database mid-batch', async () => {
    const testApp = await buildTestApp();
    const { agent, token } = await advisor(testApp);
    const before = enterpriseCount(testApp);
    const csv = [
      HEADER,
      'First Fine,UDYAM-PB-03-8000001,batala-foundry,10 lakh,1 crore,100,,,,',
      'Crash Here,UDYAM-PB-03-8000002,batala-foundry,10 lakh,,,,,,',
      'Third Fine,UDYAM-PB-03-8000003,batala-foundry,10 lakh,,,,,,',
    ].join('\n');
    const { id } = await upload(agent, token, csv);
    testApp.db.exec(
      `CREATE TRIGGER crash BEFORE INSERT ON enterprises WHEN NEW.name = 'Crash Here'
       BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`,
    );
    const preview = await agent.get(`/imports/${id}`);
    const response = await agent
      .post(`/imports/${id}/confirm`)
      .type('form')
      .send({ _csrf: csrfTokenIn(preview.text), duplicates: 'flag' });
    expect(response.status).toBe(500);
    expect(enterpriseCount(testApp)).toBe(before);
    expect(enterpriseByUdyam(testApp, 'UDYAM-PB-03-8000001')).toBeUndefined();
    expect(testApp.db.prepare('SELECT COUNT(*) AS n FROM enterprise_financials').get()).toEqual({ n: 0 });
    expect(testApp.repos.imports.findBatch(id)!.status).toBe('previewed');

    testApp.db.exec('DROP TRIGGER crash');
    await confirm(agent, id, 'flag');
    expect(enterpriseCount(testApp)).toBe(before + 3);
  });
});

describe('bulk import: scoping', () => {
  it('an advisor of another association can neither see a Batala batch nor import into Batala', async () => {
    const testApp = await buildTestApp();
    const batala = await advisor(testApp);
    const { id } = await upload(
      batala.agent,
      batala.token,
      `${HEADER}\nOne,UDYAM-PB-03-9000001,batala-foundry,,,,,,,\n`,
    );

    await testApp.services.accounts.createAccount(
      {
        identifier: { email: 'howrah@demo.in', mobile: null },
        displayName: 'Howrah Advisor',
        password: 'a-long-password',
        role: 'advisor',
        organisationId: testApp.services.organisations
          .list()
          .find((organisation) => organisation.name === 'Howrah Foundry Association')!.id,
        branchId: null,
      },
      { actor: null, requestId: 'test' },
    );
    const howrah = await advisor(testApp, 'howrah@demo.in', 'a-long-password');
    expect((await howrah.agent.get(`/imports/${id}`)).status).toBe(404);
    expect((await howrah.agent.get(`/imports/${id}/rows-to-correct.csv`)).status).toBe(404);
    expect(
      (
        await howrah.agent
          .post(`/imports/${id}/confirm`)
          .type('form')
          .send({ _csrf: howrah.token, duplicates: 'flag' })
      ).status,
    ).toBe(404);
    expect((await howrah.agent.get('/imports')).text).not.toContain('units.csv');

    const into = await upload(
      howrah.agent,
      howrah.token,
      `${HEADER}\nSneaky,UDYAM-PB-03-9000002,batala-foundry,,,,,,,\n`,
    );
    await confirm(howrah.agent, into.id, 'flag');
    expect(testApp.repos.imports.findBatch(into.id)!.counts).toMatchObject({ imported: 0, rejected: 1 });
    expect(enterpriseByUdyam(testApp, 'UDYAM-PB-03-9000002')).toBeUndefined();
  });

  it('is for advisors only', async () => {
    const testApp = await buildTestApp();
    const { agent } = await loggedInAgent(testApp.app, 'owner@demo.in');
    expect((await agent.get('/imports')).status).toBe(403);
  });
});
