import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const DEMO_PASSWORD = 'haritsetu-demo';

export const DEMO_USERS = [
  { role: 'owner', email: 'owner@demo.in', landing: '/enterprises' },
  { role: 'advisor', email: 'advisor@demo.in', landing: '/advisor' },
  { role: 'bank officer', email: 'officer@demo.in', landing: '/bank/applications' },
  { role: 'admin', email: 'admin@demo.in', landing: '/admin' },
] as const;

export const LANGUAGE_BUTTONS = { en: 'English', hi: 'हिन्दी' } as const;

/** Debian's Chromium: playwright-core ships no browser, and CI must not download one. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** Logs in through the real form (English labels) and waits until the app has moved off /login. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email or mobile number').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  try {
    await page.waitForURL((url) => url.pathname !== '/login', { timeout: 15_000 });
  } catch {
    const alert = await page.locator('[role="alert"], .error-summary').allInnerTexts();
    throw new Error(`login as ${email} stayed on /login: ${alert.join(' | ') || '(no error shown)'}`);
  }
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** Uses the header switcher as a person would, so the remembered choice is the app's own cookie. */
export async function switchLanguage(page: Page, lang: keyof typeof LANGUAGE_BUTTONS): Promise<void> {
  await page
    .locator('form[action="/language"]')
    .getByRole('button', { name: LANGUAGE_BUTTONS[lang] })
    .click();
  // A locator keeps polling across the navigation, unlike waitForFunction.
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
  await page.waitForLoadState('load');
}

function describe(violation: Result): string {
  const targets = violation.nodes.map((node) => node.target.map(String).join(' ')).join(', ');
  return `${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.helpUrl}\n    at ${targets}`;
}

/**
 * axe-core evaluated in the page, not added as a <script>: the app's CSP rightly forbids inline
 * scripts, and turning the CSP off for tests would hide CSP breakage.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run(),
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(describe);
}

export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const violations = await seriousAxeViolations(page);
  if (violations.length > 0) {
    throw new Error(
      `axe found serious or critical violations on ${page.url()}:\n  ${violations.join('\n  ')}`,
    );
  }
}
