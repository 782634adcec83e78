import { describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/browser-app.js';
import { DEMO_USERS, login, logout } from '../helpers/browser-page.js';

const app = useAppInBrowser();

describe('logging in and out', () => {
  for (const user of DEMO_USERS) {
    it(`the ${user.role} lands on ${user.landing} with a heading, and logging out ends the session`, async () => {
      const page = await app.newPage();
      await login(page, user.email);

      expect(new URL(page.url()).pathname).toBe(user.landing);
      await expect(page.locator('h1').first().innerText()).resolves.not.toBe('');

      await logout(page);
      await page.goto(user.landing);
      expect(new URL(page.url()).pathname).toBe('/login');
    });
  }

  it('a wrong password re-renders the form with the error announced and the identifier kept', async () => {
    const page = await app.newPage();
    await page.goto('/login');
    await page.getByLabel('Email or mobile number').fill('nobody@demo.in');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'),
      page.getByRole('button', { name: 'Log in' }).click(),
    ]);
    await page.waitForLoadState('load');

    expect(response.status()).toBe(422);
    const summary = page.locator('.error-summary, [role="alert"]').first();
    await expect(summary.innerText()).resolves.not.toBe('');
    // Screen readers hear the error either because focus moved to it or because it is a live alert.
    const announced = await summary.evaluate(
      (element) => element.getAttribute('role') === 'alert' || element.contains(document.activeElement),
    );
    expect(announced, 'error summary neither focused nor role="alert"').toBe(true);
    await expect(page.getByLabel('Email or mobile number').inputValue()).resolves.toBe('nobody@demo.in');
  });
});
