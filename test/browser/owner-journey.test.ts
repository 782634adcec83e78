import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/browser-app.js';
import { expectNoSeriousAxeViolations, switchLanguage } from '../helpers/browser-page.js';

const app = useAppInBrowser();

async function noSidewaysScroll(page: import('playwright-core').Page): Promise<void> {
  const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
  expect(width).toBeLessThanOrEqual(360);
}

describe("the owner's journey on a phone, in Hindi", () => {
  it('goes from the quick check through sign-up to a submitted application and its PDF', async () => {
    const page = await app.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto('/check');
    await switchLanguage(page, 'hi');

    // The quick check, answered in Hindi number words; the results update as the answers come in.
    await page.selectOption('#field-clusterId', 'batala-foundry');
    await page.fill('#field-investmentInr', '80 लाख');
    await page.fill('#field-turnoverInr', '3 करोड़');
    await page.selectOption('#field-furnace', 'cupola');
    await page.fill('#field-monthlyEnergyBillInr', '5,00,000');
    await page.fill('#field-monthlyProductionTonnes', '100');
    await page.selectOption('#field-ownership', 'women');
    // The save form lives in the results region: wait until it carries the last answer.
    await page
      .locator('form[action="/check/save"] input[name="ownership"][value="women"]')
      .waitFor({ state: 'attached', timeout: 15_000 });
    await page.locator('#check-results').getByText('सूक्ष्म उद्यम').waitFor();
    await page.locator('#check-results').getByText('डिवाइडेड ब्लास्ट कुपोला', { exact: false }).first().waitFor();
    await noSidewaysScroll(page);
    await expectNoSeriousAxeViolations(page);

    // Carry the answers into sign-up.
    await page.fill('#field-enterpriseName', 'कौर कास्टिंग्स');
    await page.locator('form[action="/check/save"] button[type="submit"]').click();
    await page.waitForURL(/\/signup/);
    await page.fill('#field-displayName', 'हरप्रीत कौर');
    await page.fill('#field-identifier', '98150 12345');
    await page.fill('#field-password', 'a-long-password');
    await page.fill('#field-passwordConfirmation', 'a-long-password');
    await page.locator('form[action="/signup"] button[type="submit"]').click();
    await page.waitForURL(/\/enterprises\/\d+$/);
    expect(await page.locator('h1').innerText()).toBe('कौर कास्टिंग्स');
    await noSidewaysScroll(page);
    await expectNoSeriousAxeViolations(page);
    const enterpriseUrl = page.url();

    // Apply to a lender: the application is frozen with an acknowledgement number.
    await page.goto(`${enterpriseUrl}/apply`);
    await page.selectOption('#field-technologyId', 'divided-blast-cupola');
    await page.fill('#field-capexInr', '20 लाख');
    // A second measure on the coke the cupola leaves, with its own quotation; the audit's saving is the project's.
    await page.selectOption('#field-technologyId2', 'hot-blast-recuperator');
    await page.fill('#field-capexInr2', '10 लाख');
    await page.fill('#field-annualSavingInr', '12 लाख');
    await page.selectOption('#field-savingsBasis', 'walk-through-audit');
    await page.fill('#field-loanInr', '15 लाख');
    await page.fill('#field-tenureMonths', '60');
    await page.fill('#field-moratoriumMonths', '6');
    const branch = await page.locator('#field-branchId option').nth(1).getAttribute('value');
    await page.selectOption('#field-branchId', branch ?? '');
    await page.check('#consent-yes');
    await expectNoSeriousAxeViolations(page);
    await page.locator('form button[type="submit"]').last().click();
    await page.waitForURL(/\/applications\/HS-\d{4}-\d{6}$/);
    const ack = /HS-\d{4}-\d{6}/.exec(page.url())?.[0] ?? '';
    expect(await page.locator('main').innerText()).toContain(ack);
    expect(await page.locator('main').innerText()).toContain('परियोजना के उपाय, उसी क्रम में जिसमें वे लागू होते हैं');
    await noSidewaysScroll(page);
    await expectNoSeriousAxeViolations(page);

    // The dossier: a print page and a PDF whose text carries the enterprise name and the ack.
    await page.goto(`/applications/${ack}/dossier`);
    expect(await page.locator('main').innerText()).toContain('कौर कास्टिंग्स');
    await expectNoSeriousAxeViolations(page);
    const pdf = await page.request.get(`/applications/${ack}/dossier.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const body = await pdf.body();
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    if (existsSync('/usr/bin/pdftotext')) {
      const dir = mkdtempSync(join(tmpdir(), 'journey-'));
      try {
        writeFileSync(join(dir, 'dossier.pdf'), body);
        const text = execFileSync('/usr/bin/pdftotext', [join(dir, 'dossier.pdf'), '-'], {
          encoding: 'utf8',
        });
        expect(text).toContain(ack);
        // Shaped Devanagari does not read back in logical order, so the name is checked on the print page;
        // the page numbers are plain digits.
        expect(text).toMatch(/1 \/ \d/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
