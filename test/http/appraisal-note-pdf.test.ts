import { describe, expect, it } from 'vitest';
import { snapshotReadiness } from '../../src/services/snapshot-readiness.js';
import { appraisalNotePdf } from '../../src/web/bank/appraisal-note-pdf.js';
import { appraisalNote } from '../../src/web/bank/appraisal-note-view.js';
import { loadTranslations } from '../../src/web/i18n.js';
import { devanagariFontAvailable } from '../../src/web/report-pdf.js';
import {
  actorFor,
  changeContext,
  createOfficer,
  demoLenders,
  fillMicroBatalaUnit,
  submitCupolaApplication,
} from '../builders/people-and-energy.js';
import { buildTestApp, catalogue, loggedInAgent, paths } from '../helpers/test-app.js';
import { asBuffer, pdfText } from '../helpers/pdf-text.js';

const RULES_DATE = '2026-11-22';
const translations = loadTranslations(paths.locales);

/**
 * Singh Castings (micro, three years of statements, clean credit, consent) applying to SIDBI Ludhiana for a cupola,
 * taken under review with one document verified by the demo officer: the note has a band, ratios, DSCRs, a
 * mark and an officer's dated action.
 */
async function reviewedFile() {
  const testApp = await buildTestApp();
  const { services } = testApp;
  const owner = actorFor(testApp, 'owner@demo.in');
  const { enterpriseId } = fillMicroBatalaUnit(testApp, owner);
  const { ludhiana, pnb } = demoLenders(testApp);
  const ack = submitCupolaApplication(testApp, owner, {
    enterpriseId,
    branchId: ludhiana.id,
    loan: '2000000',
    assessedOn: RULES_DATE,
  });
  const officer = actorFor(testApp, 'officer@demo.in');
  const context = changeContext(officer);
  expect(
    services.reviews.markDocument(
      officer,
      ack,
      { documentId: 'audited-financials-3y', state: 'verified', reason: '' },
      context,
    ).ok,
  ).toBe(true);
  expect(services.reviews.decide(officer, ack, 1, { action: 'start-review' }, context).ok).toBe(true);
  return { testApp, ack, officer, pnb };
}

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replaceAll('&#39;', "'")
    .replaceAll('&#34;', '"')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&')
    .trim();

describe('the appraisal note as PDF', () => {
  it('has the same sections as the printable page, from the same view', async () => {
    const { testApp, ack, officer } = await reviewedFile();
    const { agent } = await loggedInAgent(testApp.app, 'officer@demo.in');
    const html = (await agent.get(`/bank/applications/${ack}/note`)).text;
    const headings = [...html.matchAll(/<h[23][^>]*>(.*?)<\/h[23]>/g)].map((match) => decode(match[1]!));
    expect(headings.length).toBeGreaterThan(8);

    const file = testApp.services.reviews.file(officer, ack)!;
    const note = appraisalNote(file, { catalogue, lang: 'en', today: RULES_DATE });
    const report = appraisalNotePdf(note, translations.forLang('en'));
    const titles = report.sections.map((section) => section.title);
    expect(titles).toEqual(expect.arrayContaining(headings));
    // In the page's order.
    const order = headings.map((heading) => titles.indexOf(heading));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(report.footer).toContain(ack);
    expect(report.footer).toContain(file.application.snapshot.rulesVersion);
    expect(report.footer).toContain('22-11-2026');
  });

  it('downloads with the enterprise, the ack, the band, a DSCR and the checklist, and is recorded', async () => {
    const { testApp, ack, officer } = await reviewedFile();
    const { agent } = await loggedInAgent(testApp.app, 'officer@demo.in');

    const review = await agent.get(`/bank/applications/${ack}`);
    expect(review.text).toContain(`href="/bank/applications/${ack}/note.pdf"`);
    expect(review.text).toContain('Download the note as PDF');
    const page = await agent.get(`/bank/applications/${ack}/note`);
    expect(page.text).toMatch(/<p class="no-print"><a href="[^"]+\/note\.pdf"[^>]*>Download the note as PDF/);

    const app = testApp.repos.applications.findByAck(ack)!;
    const views = () =>
      testApp.repos.applications.events(app.id, { includeInternal: true }).filter((e) => e.kind === 'viewed');
    const before = views().length;
    const response = await asBuffer(agent.get(`/bank/applications/${ack}/note.pdf`));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(`appraisal-note-${ack}.pdf`);
    expect(views()).toHaveLength(before + 1);
    expect(testApp.repos.audit.recent(1)[0]).toMatchObject({
      action: 'application.viewed',
      objectId: ack,
      actorUserId: officer.userId,
    });

    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    if (text !== undefined) {
      const snapshot = app.snapshot;
      const band = snapshotReadiness(snapshot, catalogue)!.band;
      expect(band).not.toBeNull();
      const bandLabel = translations.forLang('en')(`readiness.band.${band!}`);
      const note = appraisalNote(testApp.services.reviews.file(officer, ack)!, {
        catalogue,
        lang: 'en',
        today: RULES_DATE,
      });
      const dscrYears = note.page.economics!.dscrYears;
      expect(dscrYears.length).toBeGreaterThan(0);
      for (const expected of [
        'Singh Castings',
        ack,
        `Credit appraisal note: ${ack}`,
        'Loan readiness as submitted',
        bandLabel,
        'Debt-service cover by loan year',
        note.page.ratios[0]!.dscr!,
        dscrYears[0]!.dscr!,
        'Sensitivity',
        'Document checklist',
        'Verified (Rakesh Sharma,',
        'Officers and dates',
        'Under review',
        snapshot.rulesVersion,
      ]) {
        expect({ expected, found: text.includes(expected) }).toEqual({ expected, found: true });
      }
      expect(text).toMatch(new RegExp(`DSCR, 2025-26\\s+${note.page.ratios[0]!.dscr!.replace('.', '\\.')}`));
      expect(text).toMatch(/1 \/ \d/);
      // The ack and the rules version at the foot of every page.
      const pages = text.split('\f').filter((one) => one.trim() !== '');
      expect(pages.length).toBeGreaterThan(1);
      for (const one of pages) {
        expect(one).toContain(`Credit appraisal note ${ack}`);
        expect(one).toContain(`rules version ${snapshot.rulesVersion}`);
      }
    }
  });

  it('is in Hindi for a Hindi reader when the font is there', async () => {
    const { testApp, ack } = await reviewedFile();
    const { agent } = await loggedInAgent(testApp.app, 'officer@demo.in');
    const page = await agent.get(`/bank/applications/${ack}/note`).set('Cookie', 'lang=hi');
    expect(page.text).toContain('टिप्पणी PDF के रूप में डाउनलोड करें');
    const response = await asBuffer(agent.get(`/bank/applications/${ack}/note.pdf`).set('Cookie', 'lang=hi'));
    expect(response.status).toBe(200);
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    if (text === undefined) return;
    if (!devanagariFontAvailable()) {
      // Without the font the PDF falls back to English.
      expect(text).toContain('Document checklist');
      return;
    }
    // Headings whose vowel signs pdftotext gives back in logical order (it reorders ि, for one).
    for (const heading of ['दस्तावेज़ जाँच सूची', 'मुख्य अनुपात', 'दावा की गई योजनाएँ', 'सबसे कमज़ोर कारक']) {
      expect({ heading, found: text.includes(heading) }).toEqual({ heading, found: true });
    }
    expect(text).toContain(ack);
    expect(text).not.toMatch(/Document checklist|Key ratios|Weakest factors|Schemes claimed/);
  });

  it("is another lender's 404, and only a bank officer's", async () => {
    const { testApp, ack, pnb } = await reviewedFile();
    await createOfficer(testApp, 'pnb@demo.in', pnb.lender.id, pnb.branches[0]!.id);
    const app = testApp.repos.applications.findByAck(ack)!;
    const views = () =>
      testApp.repos.applications.events(app.id, { includeInternal: true }).filter((e) => e.kind === 'viewed');
    const before = views().length;
    const { agent: other } = await loggedInAgent(testApp.app, 'pnb@demo.in');
    expect((await other.get(`/bank/applications/${ack}/note.pdf`)).status).toBe(404);
    expect((await other.get('/bank/applications/not-an-ack/note.pdf')).status).toBe(404);
    const { agent: owner } = await loggedInAgent(testApp.app, 'owner@demo.in');
    expect((await owner.get(`/bank/applications/${ack}/note.pdf`)).status).toBe(403);
    expect(views()).toHaveLength(before);
  });
});
