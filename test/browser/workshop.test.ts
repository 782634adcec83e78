import { describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/browser-app.js';
import { expectNoSeriousAxeViolations, login } from '../helpers/browser-page.js';

const app = useAppInBrowser();

describe('workshop mode', () => {
  it('runs a workshop from creation through the projector view to the summary', async () => {
    const page = await app.newPage();
    await login(page, 'advisor@demo.in');
    await page.goto('/workshops');
    await expectNoSeriousAxeViolations(page);
    await page.selectOption('#field-clusterId', 'batala-foundry');
    await page.fill('#field-heldOn', '2026-12-05');
    await page.fill('#field-venue', 'Batala Club');
    await page.locator('fieldset#field-lenderIds input[type="checkbox"]').first().check();
    await page.locator('form[action="/workshops"] button[type="submit"]').click();
    await page.waitForURL(/\/workshops\/\d+$/);
    const workshopUrl = page.url();
    await expectNoSeriousAxeViolations(page);

    // One unit from the list, one at the door; an outcome for the first.
    const unit = await page.locator('#field-enterpriseId option').nth(1).getAttribute('value');
    await page.selectOption('#field-enterpriseId', unit ?? '');
    await page.locator('form[action$="/units"] button[type="submit"]').click();
    await page.waitForLoadState('load');
    await page.fill('#field-name', 'Walk-in Castings');
    await page.locator('form[action$="/quick-add"] button[type="submit"]').click();
    await page.waitForLoadState('load');
    const firstUnit = page.locator('section[id^="unit-"]').first();
    await firstUnit.locator('select[name="outcome"]').selectOption('validated');
    await firstUnit.locator('input[name="interests"]').first().check();
    await firstUnit.locator('button[type="submit"]').click();
    await page.waitForLoadState('load');
    expect(await page.locator('section[id^="unit-"]').count()).toBe(2);

    // The projector: large type, counts only, no unit names.
    await page.goto(`${workshopUrl}/projector`);
    await page.locator('#projector-figures').getByText('Validated, ready to apply').waitFor();
    const projector = await page.locator('main').innerText();
    expect(projector).not.toContain('Walk-in Castings');
    expect(projector).not.toContain('Singh Castings');
    expect(await page.locator('body.projector').count()).toBe(1);
    await expectNoSeriousAxeViolations(page);

    await page.goto(`${workshopUrl}/summary`);
    expect(await page.locator('main').innerText()).toContain('Walk-in Castings');
    await expectNoSeriousAxeViolations(page);
  });
});
