import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppInBrowser } from '../helpers/browser-app.js';
import { expectNoSeriousAxeViolations, login } from '../helpers/browser-page.js';

const app = useAppInBrowser();

const SECOND_OFFICER = { email: 'checker@demo.in', password: 'a-long-checker-password' };

/** Submits the form on the review page that posts `action`, and waits for the page that answers it. */
async function act(page: Page, ack: string, action: string): Promise<void> {
  const form = page.locator(`form[action="/bank/applications/${ack}/actions/${action}"]`);
  await Promise.all([page.waitForLoadState('load'), form.locator('button[type="submit"]').click()]);
  await page.waitForLoadState('load');
}

const statusOf = (page: Page) => page.locator('main .tag').first().innerText();

describe("the bank officer's journey", () => {
  it('works a file from the queue to a recommendation above the limit, and a second officer sanctions it', async () => {
    // The owner applies to SIDBI Ludhiana for ₹30 lakh: above the ₹25 lakh maker-checker limit.
    const owner = await app.newPage();
    await login(owner, 'owner@demo.in');
    await owner.goto('/enterprises');
    await owner.getByRole('link', { name: 'Singh Castings' }).first().click();
    await owner.waitForURL(/\/enterprises\/\d+$/);
    await owner.goto(`${owner.url()}/apply`);
    await owner.selectOption('#field-technologyId', 'divided-blast-cupola');
    await owner.fill('#field-capexInr', '40 lakh');
    await owner.fill('#field-loanInr', '30 lakh');
    await owner.fill('#field-tenureMonths', '60');
    await owner.fill('#field-moratoriumMonths', '6');
    const ludhiana = await owner
      .locator('#field-branchId option', { hasText: 'Ludhiana' })
      .first()
      .getAttribute('value');
    await owner.selectOption('#field-branchId', ludhiana ?? '');
    await owner.check('#consent-yes');
    await owner.locator('form button[type="submit"]').last().click();
    await owner.waitForURL(/\/applications\/HS-\d{4}-\d{6}$/);
    const ack = /HS-\d{4}-\d{6}/.exec(owner.url())?.[0] ?? '';
    expect(ack).not.toBe('');

    // The admin adds a second SIDBI Ludhiana officer through the user form.
    const admin = await app.newPage();
    await login(admin, 'admin@demo.in');
    await admin.goto('/admin/users/new');
    await expectNoSeriousAxeViolations(admin);
    await admin.selectOption('#field-role', 'bank_officer');
    await admin.fill('#field-displayName', 'Meera Checker');
    await admin.fill('#field-identifier', SECOND_OFFICER.email);
    await admin.fill('#field-password', SECOND_OFFICER.password);
    const branch = await admin
      .locator('#field-branchId option', { hasText: 'SIDBI Ludhiana' })
      .first()
      .getAttribute('value');
    await admin.selectOption('#field-branchId', branch ?? '');
    await admin.locator('form[action="/admin/users"] button[type="submit"]').click();
    await admin.waitForURL(/\/admin\/users$/);
    expect(await admin.locator('main').innerText()).toContain('Meera Checker');

    // And a token for SIDBI's loan system, shown once, then revoked.
    await admin.goto('/admin/api-tokens');
    await expectNoSeriousAxeViolations(admin);
    await admin.fill('#field-label', 'SIDBI loan system');
    const acting = await admin
      .locator('#field-actingUserId option', { hasText: 'Meera Checker' })
      .first()
      .getAttribute('value');
    await admin.selectOption('#field-actingUserId', acting ?? '');
    await admin.locator('form[action="/admin/api-tokens"] button[type="submit"]').click();
    await admin.locator('#new-api-token').waitFor();
    expect(await admin.locator('#new-api-token').innerText()).toMatch(/^hst_/);
    await expectNoSeriousAxeViolations(admin);
    await admin.getByRole('button', { name: 'Revoke token SIDBI loan system' }).click();
    await admin.waitForURL(/\/admin\/api-tokens$/);
    expect(await admin.locator('main').innerText()).toContain('Revoked');

    // The maker: from the queue to the file, starts the review and recommends ₹30 lakh.
    const maker = await app.newPage();
    await login(maker, 'officer@demo.in');
    await maker.goto('/bank/applications');
    await expectNoSeriousAxeViolations(maker);
    await maker.getByRole('link', { name: ack }).click();
    await maker.waitForURL(new RegExp(`/bank/applications/${ack}$`));
    await expectNoSeriousAxeViolations(maker);
    await act(maker, ack, 'start-review');
    expect(await statusOf(maker)).toBe('Under review');
    await expectNoSeriousAxeViolations(maker);

    await maker.fill('#field-recommend-amount', '30 lakh');
    await maker.fill('#field-recommend-rate', '9.5');
    await maker.fill('#field-recommend-tenure', '60');
    await maker.fill('#field-recommend-conditions', 'Hypothecation of the new furnace');
    await act(maker, ack, 'recommend');
    expect(await statusOf(maker)).toBe('Recommended');
    expect(await maker.locator('#decision').innerText()).toContain('waiting for a second officer');
    await expectNoSeriousAxeViolations(maker);

    // The maker may not approve their own recommendation above the limit.
    await act(maker, ack, 'sanction');
    expect(await maker.locator('main').innerText()).toContain(
      'You recommended this file: a second officer must approve a sanction of this size',
    );
    expect(await statusOf(maker)).toBe('Recommended');
    await expectNoSeriousAxeViolations(maker);

    // The checker: the file is in their queue; they sanction it on the proposed terms.
    const checker = await app.newPage();
    await login(checker, SECOND_OFFICER.email, SECOND_OFFICER.password);
    await checker.goto('/bank/applications?status=recommended');
    await expectNoSeriousAxeViolations(checker);
    await checker.getByRole('link', { name: ack }).click();
    await checker.waitForURL(new RegExp(`/bank/applications/${ack}$`));
    expect(await checker.locator('#decision').innerText()).toContain('waiting for a second officer');
    await expectNoSeriousAxeViolations(checker);
    await act(checker, ack, 'sanction');
    expect(await statusOf(checker)).toBe('Sanctioned');
    await expectNoSeriousAxeViolations(checker);

    // The owner sees the sanction.
    await owner.goto(`/applications/${ack}`);
    expect(await owner.locator('main').innerText()).toContain('Sanctioned');
    await expectNoSeriousAxeViolations(owner);
  });
});
