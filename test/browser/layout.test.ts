import { mkdir, stat } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/browser-app.js';
import { DEMO_USERS, login, switchLanguage } from '../helpers/browser-page.js';

const app = useAppInBrowser();
const SCREENSHOTS = 'test-results/screenshots';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  const { size } = await stat(path);
  expect(size, `${path} is empty`).toBeGreaterThan(0);
}

function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
}

describe('layout on a phone, a desktop and paper', () => {
  it('the home page fits a 360 px phone and a 1280 px desktop, in English and Hindi', async () => {
    const page = await app.newPage({ viewport: PHONE });
    for (const lang of ['en', 'hi'] as const) {
      await page.setViewportSize(PHONE);
      await page.goto('/');
      await switchLanguage(page, lang);
      await screenshot(page, `home-phone-${lang}`);
      await expect(scrollWidth(page), `horizontal scroll at 360 px (${lang})`).resolves.toBeLessThanOrEqual(
        360,
      );

      await page.setViewportSize(DESKTOP);
      await screenshot(page, `home-desktop-${lang}`);
    }
  });

  it('no public page or landing page scrolls sideways at 360 px', async () => {
    const wide: string[] = [];
    const check = async (page: Page, path: string) => {
      await page.goto(path);
      const width = await scrollWidth(page);
      if (width > PHONE.width) wide.push(`${path}: ${width} px`);
    };
    const visitor = await app.newPage({ viewport: PHONE });
    for (const path of ['/', '/login', '/signup', '/check', '/calculator', '/schemes', '/schemes/cgtmse'])
      await check(visitor, path);
    for (const user of DEMO_USERS) {
      const page = await app.newPage({ viewport: PHONE });
      await login(page, user.email);
      await check(page, user.landing);
    }
    expect(wide).toEqual([]);
  });

  it('prints without the navigation, black on white', async () => {
    const page = await app.newPage({ viewport: DESKTOP });
    await page.goto('/');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'home-print');
    const printed = await page.evaluate(() => {
      const nav = document.querySelector('header nav');
      return {
        navDisplay: nav ? getComputedStyle(nav).display : 'none',
        color: getComputedStyle(document.body).color,
        background: getComputedStyle(document.body).backgroundColor,
      };
    });
    expect(printed).toEqual({ navDisplay: 'none', color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)' });
  });
});
