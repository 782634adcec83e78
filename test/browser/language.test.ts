import { describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/browser-app.js';
import { switchLanguage } from '../helpers/browser-page.js';

const app = useAppInBrowser();
const DEVANAGARI = /[\u0900-\u097F]/;

describe('language switcher', () => {
  it('switches to Hindi, remembers it on the next page, and switches back', async () => {
    const page = await app.newPage();
    await page.goto('/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');

    await switchLanguage(page, 'hi');
    await expect(page.locator('h1').first().innerText()).resolves.toMatch(DEVANAGARI);
    await expect(page.locator('header nav a').allInnerTexts()).resolves.toContainEqual(
      expect.stringMatching(DEVANAGARI),
    );

    await page.goto('/login');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('hi');
    await expect(page.locator('h1').first().innerText()).resolves.toMatch(DEVANAGARI);

    await switchLanguage(page, 'en');
    expect(new URL(page.url()).pathname, 'the switcher returns to the page it was used on').toBe('/login');
    await expect(page.locator('h1').first().innerText()).resolves.not.toMatch(DEVANAGARI);
  });
});
