import type { ConsoleMessage, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/browser-app.js';
import { DEMO_USERS, login, seriousAxeViolations, switchLanguage } from '../helpers/browser-page.js';

const app = useAppInBrowser();

/** Enough to reach every kind of page a role has (lists, a detail, a form) without crawling all data. */
const MAX_PAGES_PER_ROLE = 12;
const PUBLIC_PAGES = ['/', '/login', '/signup', '/no-such-page'];
const NOT_PAGES = /^\/(assets|vendor|api)\/|\.(csv|pdf|json|xlsx)$/;

interface PageReport {
  path: string;
  problems: string[];
}

/**
 * Checks one page: the expected status, htmx loaded, exactly one h1, no browser errors (a CSP refusal
 * or a script error breaks the page for everyone) and axe (serious and critical only).
 */
async function audit(page: Page, path: string, expectedStatus = 200): Promise<PageReport> {
  const browserErrors: string[] = [];
  const onConsole = (message: ConsoleMessage) => {
    // The browser logs an error status of the page itself as a failed load; the status is checked below.
    const ownStatus = expectedStatus !== 200 && message.text().startsWith('Failed to load resource');
    if (message.type() === 'error' && !ownStatus) browserErrors.push(`browser error: ${message.text()}`);
  };
  const onPageError = (error: Error) => browserErrors.push(`script error: ${error.message}`);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  const response = await page.goto(path);
  await page.waitForLoadState('load');
  page.off('console', onConsole);
  page.off('pageerror', onPageError);

  const problems: string[] = [...browserErrors];
  const status = response?.status() ?? 0;
  if (status !== expectedStatus) problems.push(`status ${status}, expected ${expectedStatus}`);
  // Every page's enhancements hang on htmx: a wrong vendor URL or CSP would silently drop them.
  if (!(await page.evaluate(() => 'htmx' in window))) problems.push('htmx did not load');
  const headings = await page.locator('h1').count();
  if (headings !== 1) problems.push(`${headings} h1 elements, expected 1`);
  problems.push(...(await seriousAxeViolations(page)));
  return { path, problems };
}

async function internalLinks(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('a[href]:not([download])')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  const origin = new URL(page.url()).origin;
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin && !NOT_PAGES.test(url.pathname))
    .map((url) => url.pathname + url.search);
}

/**
 * Breadth-first from the landing page, so the pages nearest the role's work are audited first; the
 * public pages have their own test and would only use up the budget.
 */
async function crawl(page: Page, start: string): Promise<string[]> {
  const seen = new Set([start, ...PUBLIC_PAGES]);
  const queue = [start];
  const visited: string[] = [];
  while (queue.length > 0 && visited.length < MAX_PAGES_PER_ROLE) {
    const path = queue.shift() as string;
    await page.goto(path);
    visited.push(path);
    for (const link of await internalLinks(page)) {
      if (!seen.has(link)) {
        seen.add(link);
        queue.push(link);
      }
    }
  }
  return visited;
}

function failures(reports: PageReport[], lang: string): string[] {
  return reports
    .filter((report) => report.problems.length > 0)
    .map((report) => `[${lang}] ${report.path}\n  ${report.problems.join('\n  ')}`);
}

describe('every page, in English and Hindi: axe-core, one h1, htmx, no browser errors', () => {
  it('public pages and the error page', async () => {
    const page = await app.newPage();
    const problems: string[] = [];
    for (const lang of ['en', 'hi'] as const) {
      await page.goto('/');
      await switchLanguage(page, lang);
      const reports: PageReport[] = [];
      for (const path of PUBLIC_PAGES) {
        reports.push(await audit(page, path, path === '/no-such-page' ? 404 : 200));
      }
      problems.push(...failures(reports, lang));
    }
    expect(problems.join('\n')).toBe('');
  });

  it('forms re-rendered with errors', async () => {
    const page = await app.newPage();
    const problems: string[] = [];
    for (const lang of ['en', 'hi'] as const) {
      await page.goto('/');
      await switchLanguage(page, lang);
      for (const path of ['/login', '/signup']) {
        await page.goto(path);
        // Submitting the empty form is the quickest way to put every required field in its error state.
        await page.locator('main form button[type="submit"]').click();
        await page.locator('.error-summary').waitFor();
        const violations = await seriousAxeViolations(page);
        if (violations.length > 0)
          problems.push(`[${lang}] ${path} with errors\n  ${violations.join('\n  ')}`);
      }
    }
    expect(problems.join('\n')).toBe('');
  });

  for (const user of DEMO_USERS) {
    it(`every page the ${user.role} reaches from ${user.landing}`, async () => {
      const page = await app.newPage();
      await login(page, user.email);
      const paths = await crawl(page, user.landing);
      const problems: string[] = [];
      for (const lang of ['en', 'hi'] as const) {
        await switchLanguage(page, lang);
        const reports: PageReport[] = [];
        for (const path of paths) reports.push(await audit(page, path));
        problems.push(...failures(reports, lang));
      }
      expect(problems.join('\n')).toBe('');
    });
  }
});
