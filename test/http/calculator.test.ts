import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLocale } from '../../src/web/i18n.js';
import { buildTestApp, paths, type TestApp } from '../helpers/test-app.js';

// A Batala cupola foundry choosing a divided blast cupola: 1,000 t castings, 180 t coke, 1,20,000 kWh.
const batala = {
  technology: 'divided-blast-cupola',
  cluster: 'batala-foundry',
  productionTonnes: '1,000',
  electricityKwh: '1,20,000',
  cokeTonnes: '180',
  capexInr: '20 lakh',
  annualOmInr: '60,000',
  loanPrincipalInr: '15,00,000',
  loanRatePct: '10',
  loanTenureMonths: '36',
};

let app: TestApp['app'];
beforeAll(async () => {
  ({ app } = await buildTestApp());
});

describe('GET /calculator', () => {
  it('renders without login, with the defaults in force and their sources and confidence', async () => {
    const response = await request(app).get('/calculator');
    expect(response.status).toBe(200);
    expect(response.headers.vary).toContain('HX-Request');
    expect(response.text).toContain('<form class="calculator__form stack" method="get" action="/calculator"');
    expect(response.text).toContain('hx-get="/calculator"');
    expect(response.text).toContain('aria-live="polite"');
    expect(response.text).toContain('Defaults in force on 22-11-2026');
    expect(response.text).toContain('Electricity cost, all in');
    expect(response.text).toContain('estimate, to be confirmed');
    expect(response.text).toMatch(/<a href="https:\/\/[^"]+" rel="noopener noreferrer">source<\/a>/);
    expect(response.text).not.toContain('style=');
  });

  it('computes savings, payback, NPV, EMI and DSCR by year from Indian-format figures (hand-checked)', async () => {
    const response = await request(app).get('/calculator').query(batala);
    expect(response.status).toBe(200);
    // 35 % of 180 t coke at the ₹35,000/t default = ₹22,05,000 a year
    expect(response.text).toContain('₹22.05 lakh');
    // payback = ₹20,00,000 ÷ (₹22,05,000 − ₹60,000) = 0.93 years
    expect(response.text).toContain('0.9 years');
    // NPV over 15 years at 12 % = ₹1,26,09,304 (see the domain test)
    expect(response.text).toContain('₹1.26 crore');
    // EMI on ₹15 lakh at 10 % for 36 months
    expect(response.text).toContain('₹48,400.78');
    // Year-1 DSCR = 21,45,000 ÷ (12 × 48,400.78)
    expect(response.text).toContain('3.69');
    // CO2 avoided: 63 t coke × 3.0174 = 190.1 t
    expect(response.text).toContain('190.1');
    expect(response.text).toContain('your figure');
    expect(response.text).toContain('role="img"');
    expect(response.text).toContain('<title id="cash-flow-title">');
    expect(response.text).toContain('Cash flow by year (the same data as the chart)');
  });

  it('asks for figures the sources give only as a range, showing the range', async () => {
    const withoutQuotation = { ...batala, capexInr: '', annualOmInr: '' };
    const response = await request(app).get('/calculator').query(withoutQuotation);
    expect(response.status).toBe(200);
    expect(response.text).toContain('To finish the calculation');
    expect(response.text).toContain('href="#field-capexInr"');
    expect(response.text).toContain('sources say 10,00,000 – 25,00,000');
  });

  it('rejects bad figures with 422, a message by each field, and keeps what was typed', async () => {
    const response = await request(app)
      .get('/calculator')
      .query({
        ...batala,
        capexInr: '-5 lakh',
        lifetimeYears: '0',
        loanTenureMonths: '6',
        loanMoratoriumMonths: '6',
        loanRatePct: '120',
        subsidyInr: 'twelve',
        annualOmInr: '20000 crore',
      });
    expect(response.status).toBe(422);
    for (const [field, message] of [
      ['capexInr', 'Enter zero or more'],
      ['lifetimeYears', 'Enter whole years from 1 to 50'],
      ['loanTenureMonths', 'The tenure must be longer than the moratorium'],
      ['loanRatePct', 'Enter a percentage from 0 to 100'],
      ['subsidyInr', 'Enter a number, e.g. 12,50,000 or 12.5 lakh'],
      ['annualOmInr', 'Enter at most ₹10,000 crore'],
    ]) {
      expect(response.text).toContain(`id="error-${field}"`);
      expect(response.text).toMatch(
        new RegExp(`id="field-${field}"[^>]*aria-describedby="[^"]*error-${field}"`),
      );
      expect(response.text).toContain(message);
    }
    expect(response.text).toContain('value="-5 lakh"');
    expect(response.text).toContain('value="twelve"');
  });

  it('answers an htmx partial request with only the results fragment', async () => {
    const response = await request(app)
      .get('/calculator')
      .query(batala)
      .set('HX-Request', 'true')
      .set('HX-Request-Type', 'partial');
    expect(response.status).toBe(200);
    expect(response.text).not.toContain('<html');
    expect(response.text).not.toContain('<form');
    expect(response.text).toContain('₹48,400.78');
  });

  it('answers a bad htmx partial request with 422 and the error summary in the fragment', async () => {
    const response = await request(app)
      .get('/calculator')
      .query({ ...batala, capexInr: 'abc' })
      .set('HX-Request', 'true')
      .set('HX-Request-Type', 'partial');
    expect(response.status).toBe(422);
    expect(response.text).not.toContain('<html');
    expect(response.text).toContain('href="#field-capexInr"');
  });

  it('renders in Hindi with no English sentence from the locale', async () => {
    const en = readLocale(paths.locales, 'en') as { calculator: Record<string, unknown> };
    const sentences = JSON.stringify(en.calculator)
      .split('"')
      .filter((text) => text.split(' ').length >= 3 && !text.includes('{{'));
    for (const query of [{}, batala]) {
      const response = await request(app).get('/calculator').query(query).set('Cookie', 'lang=hi');
      expect(response.text).toContain('<html lang="hi">');
      expect(response.text).toContain('बचत और वित्त कैलकुलेटर');
      expect(sentences.filter((sentence) => response.text.includes(sentence))).toEqual([]);
    }
  });

  it('shows the units of figures in Hindi on the Hindi page, and unchanged on the English one', async () => {
    const hindi = await request(app).get('/calculator').query(batala).set('Cookie', 'lang=hi');
    expect(hindi.text).toContain('प्रतिशत प्रति वर्ष, नाममात्र, NPV के लिए');
    expect(hindi.text).not.toContain('percent per year, nominal, for NPV');
    expect(hindi.text).not.toContain('t CO2/MWh (= kg CO2/kWh)');
    expect(hindi.text).toContain('<td>15 वर्ष</td>');
    expect(hindi.text).not.toContain('<span lang="en">percent a year</span>');
    // The streams' amounts in the baseline and savings tables: tonnes of coke, units of electricity.
    expect(hindi.text).toMatch(/<td>[\d,.]+ टन<\/td>/);
    expect(hindi.text).toMatch(/<td>[\d,.]+ kWh \(यूनिट\)<\/td>/);
    expect(hindi.text).not.toContain('<span lang="en">t</span>');
    const english = await request(app).get('/calculator').query(batala).set('Cookie', 'lang=en');
    expect(english.text).toContain('percent per year, nominal, for NPV');
    expect(english.text).not.toContain('प्रतिशत प्रति वर्ष');
  });

  it('assesses every technology in the catalogue without a server error', async () => {
    for (const technology of [
      'cupola-to-induction-furnace',
      'rooftop-solar-pv',
      'power-factor-correction',
      'sand-reclamation',
      'ie3-motors',
      'cupola-bag-filter',
      'boiler-economiser',
      'compressed-air-leak-programme',
    ]) {
      const response = await request(app)
        .get('/calculator')
        .query({ ...batala, technology, capacity: '2' });
      expect({ technology, status: response.status }).toEqual({ technology, status: 200 });
    }
  });
});
