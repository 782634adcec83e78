import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/test-app.js';

describe('the scheme directory', () => {
  it('lists all 21 schemes with their status today', async () => {
    const { app } = await buildTestApp();
    const page = await request(app).get('/schemes');
    expect(page.status).toBe(200);
    expect(page.text.match(/<a href="\/schemes\/[a-z0-9-]+">/g)).toHaveLength(21);
    expect(page.text).toContain('validity ended on 31-03-2026');
  });

  it("shows a scheme's terms with source, date and confidence, and 'to be confirmed' for what is not known", async () => {
    const { app } = await buildTestApp();
    const cgtmse = await request(app).get('/schemes/cgtmse');
    expect(cgtmse.text).toContain('₹10.00 crore');
    expect(cgtmse.text).toContain('01-04-2025');
    const adeetie = await request(app).get('/schemes/adeetie');
    expect(adeetie.text).toContain('to be confirmed with Bureau of Energy Efficiency (BEE)');
    expect((await request(app).get('/schemes/no-such-scheme')).status).toBe(404);
  });

  it('is in Hindi for a Hindi reader', async () => {
    const { app } = await buildTestApp();
    const page = await request(app).get('/schemes/cgtmse').set('Cookie', 'lang=hi');
    expect(page.text).toContain('<html lang="hi">');
    expect(page.text).toContain('कौन आवेदन कर सकता है');
  });
});
