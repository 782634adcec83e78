import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { buildTestApp, catalogue, loggedInAgent, type TestApp } from '../helpers/test-app.js';
import { pdfText } from '../helpers/pdf-text.js';

function submitted(testApp: TestApp): string {
  const owner = testApp.repos.users.findByIdentifier('owner@demo.in')!;
  const actor = { userId: owner.id, role: owner.role, organisationId: null, branchId: null };
  const enterprise = testApp.repos.enterprises.findByUdyam('UDYAM-PB-03-0012345')!;
  const sidbi = testApp.services.organisations.list().find((o) => o.name === 'SIDBI')!;
  const none = null;
  testApp.repos.profiles.saveEnergy(enterprise.id, {
    productionTonnes: new Decimal(1200),
    electricityKwh: new Decimal(300000),
    contractDemandKva: none,
    connectedLoadKw: none,
    cokeTonnes: new Decimal(180),
    naturalGasScm: none,
    lpgKg: none,
    dieselLitres: none,
    furnaceOilKl: none,
    annualEnergyBillInr: new Decimal(8500000),
  });
  testApp.repos.profiles.saveFinancials(enterprise.id, [
    {
      fiscalYear: '2025-26',
      revenueInr: new Decimal(30000000),
      profitAfterTaxInr: new Decimal(1500000),
      depreciationInr: none,
      interestInr: none,
      termLoanRepaymentInr: none,
      currentAssetsInr: none,
      currentLiabilitiesInr: none,
      totalOutsideLiabilitiesInr: none,
      netWorthInr: new Decimal(5000000),
      intangibleAssetsInr: none,
    },
  ]);
  const outcome = testApp.services.applications.submit(
    actor,
    {
      enterpriseId: enterprise.id,
      technologyId: 'divided-blast-cupola',
      capexInr: new Decimal('2000000'),
      annualOmInr: new Decimal('50000'),
      annualSavingInr: null,
      savingsBasis: null,
      projectType: null,
      loanInr: new Decimal('1500000'),
      tenureMonths: 60,
      moratoriumMonths: 6,
      branchId: sidbi.branches.find((b) => b.name === 'SIDBI Ludhiana')!.id,
      consentGiven: true,
    },
    { catalogue, assessedOn: '2026-11-22' },
    { actor, requestId: 'test' },
  );
  if (!outcome.ok) throw new Error(`submission refused: ${JSON.stringify(outcome)}`);
  return outcome.ackNumber;
}

describe('the dossier', () => {
  it('shows the frozen application as a print page to its owner, with every section', async () => {
    const testApp = await buildTestApp();
    const ack = submitted(testApp);
    const { agent } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const page = await agent.get(`/applications/${ack}/dossier`);
    expect(page.status).toBe(200);
    for (const text of [
      'Singh Castings',
      ack,
      'Financial statements',
      'Debt service cover by loan year',
      'Declaration',
      '₹20,00,000',
      // No package chosen (and snapshots from before packages have none): the section says so.
      'Schemes and financing package',
      'No financing package was chosen for this application.',
    ]) {
      expect(page.text).toContain(text);
    }
  });

  it('downloads as a PDF whose text has the enterprise name and the acknowledgement number', async () => {
    const testApp = await buildTestApp();
    const ack = submitted(testApp);
    const { agent } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const response = await agent
      .get(`/applications/${ack}/dossier.pdf`)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    if (text !== undefined) {
      expect(text).toContain('Singh Castings');
      expect(text).toContain(ack);
      expect(text).toMatch(/1 \/ \d/);
    }
  });

  it('is in Hindi for a Hindi reader, with the English term beside each figure', async () => {
    const testApp = await buildTestApp();
    const ack = submitted(testApp);
    const { agent } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const page = await agent.get(`/applications/${ack}/dossier`).set('Cookie', 'lang=hi');
    expect(page.text).toContain('ऋण आवेदन फ़ाइल');
    expect(page.text).toContain('राजस्व (बिक्री) (Revenue (sales))');
  });

  it("is the lender officer's to read too, and nobody else's", async () => {
    const testApp = await buildTestApp();
    const ack = submitted(testApp);
    const { agent: officer } = await loggedInAgent(testApp.app, 'officer@demo.in');
    expect((await officer.get(`/applications/${ack}/dossier`)).status).toBe(200);
    const { agent: advisor } = await loggedInAgent(testApp.app, 'advisor@demo.in');
    expect((await advisor.get(`/applications/${ack}/dossier`)).status).toBe(403);
    const { agent: owner } = await loggedInAgent(testApp.app, 'owner@demo.in');
    expect((await owner.get('/applications/HS-2026-999999/dossier.pdf')).status).toBe(404);
  });
});
