import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/browser-app.js';
import { DEMO_PASSWORD } from '../helpers/browser-page.js';

const app = useAppInBrowser();

interface Focused {
  tag: string;
  name: string;
  text: string;
  inMain: boolean;
  outlined: boolean;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const style = element ? getComputedStyle(element) : null;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      name: element?.getAttribute('name') ?? '',
      text: element?.innerText.trim() ?? '',
      inMain: Boolean(element?.closest('main')),
      // An outline or a box-shadow ring both count as a visible focus indicator.
      outlined: Boolean(
        style &&
        ((style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none'),
      ),
    };
  });
}

/** Presses Tab until the focused element matches, failing after `limit` presses. */
async function tabTo(page: Page, wanted: (element: Focused) => boolean, limit: number): Promise<Focused> {
  for (let press = 0; press < limit; press += 1) {
    await page.keyboard.press('Tab');
    const element = await focused(page);
    if (wanted(element)) return element;
  }
  throw new Error(
    `not reached within ${limit} Tab presses; focus is on ${JSON.stringify(await focused(page))}`,
  );
}

describe('keyboard only', () => {
  it('Tab reaches "Skip to main content" first, and the login form can be completed', async () => {
    const page = await app.newPage();
    await page.goto('/login');

    await page.keyboard.press('Tab');
    const first = await focused(page);
    expect(first).toMatchObject({ tag: 'a', text: 'Skip to main content', outlined: true });
    const box = await page.locator(':focus').boundingBox();
    expect(box && box.y >= 0 && box.width > 0, 'the skip link is visible when focused').toBe(true);

    await page.keyboard.press('Enter');
    const stops: Focused[] = [];
    await tabTo(page, (element) => stops.push(element) > 0 && element.name === 'identifier', 10);
    expect(
      stops.filter((element) => !element.inMain),
      'after the skip link, Tab goes straight into main',
    ).toEqual([]);
    await page.keyboard.type('owner@demo.in');
    await tabTo(page, (element) => element.name === 'password', 3);
    await page.keyboard.type(DEMO_PASSWORD);
    const button = await tabTo(page, (element) => element.text === 'Log in', 5);
    expect(button.outlined, 'the Log in button shows where focus is').toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/enterprises');
  });

  it('every focus stop on the home page shows a focus indicator', async () => {
    const page = await app.newPage();
    await page.goto('/');
    const unmarked: Focused[] = [];
    // Past the last stop focus leaves the document (activeElement becomes body): one full round is done.
    for (let press = 0; press < 50; press += 1) {
      await page.keyboard.press('Tab');
      const element = await focused(page);
      if (element.tag === 'body') break;
      if (!element.outlined) unmarked.push(element);
    }
    expect(unmarked).toEqual([]);
  });
});
