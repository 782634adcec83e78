import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser } from './browser-page.js';
import { startServer, type RunningServer } from './browser-server.js';

export interface AppInBrowser {
  /** A page in a fresh context (own cookies), relative URLs resolved against the test server. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * One server and one Chromium per test file (vitest runs browser files one at a time); each test gets
 * fresh contexts, so sessions and the language cookie never leak from one test into the next.
 */
export function useAppInBrowser(): AppInBrowser {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    async newPage(options = {}) {
      if (!server || !browser) throw new Error('the server or the browser did not start');
      // en-IN: the app also honours Accept-Language, and these tests choose Hindi explicitly.
      const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-IN', ...options });
      contexts.push(context);
      return context.newPage();
    },
  };
}
