import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { readLocale } from '../../src/web/i18n.js';
import { buildTestApp, loggedInAgent, paths } from '../helpers/test-app.js';

type Tree = { [key: string]: string | Tree };
const load = (lang: 'en' | 'hi') => readLocale(paths.locales, lang) as Tree;
const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[prefix + key, value]]
        : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );

const en = flatten(load('en'));
const hi = flatten(load('hi'));
const DEVANAGARI = /[\u0900-\u097F]/;

function filesUnder(dir: string, ending: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, ending) : path.endsWith(ending) ? [path] : [];
  });
}

/** Placeholders like {{count}} must survive translation, or Hindi would drop the number. */
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  it('have the same keys in English and Hindi', () => {
    expect(Object.keys(hi).sort()).toEqual(Object.keys(en).sort());
  });

  it('translate every Hindi string into Devanagari and keep its placeholders', () => {
    for (const [key, text] of Object.entries(hi)) {
      const onlyPlaceholder = /^\{\{\s*\w+\s*\}\}$/.test(text);
      if (!onlyPlaceholder)
        expect({ key, devanagari: DEVANAGARI.test(text) }).toEqual({ key, devanagari: true });
      expect({ key, placeholders: placeholders(text) }).toEqual({
        key,
        placeholders: placeholders(en[key] ?? ''),
      });
    }
  });

  it('contain every key that views and code ask for', () => {
    const sources = [...filesUnder(fromRoot('views'), '.ejs'), ...filesUnder(fromRoot('src/web'), '.ts')];
    const used = new Set<string>();
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\('([a-zA-Z]+(?:\.[a-zA-Z_]+)+)'/g)) used.add(match[1]!);
      for (const match of text.matchAll(/'([a-zA-Z]+\.errors\.[a-zA-Z]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((key) => !(key in en) && !(`${key}_one` in en));
    expect(missing).toEqual([]);
  });
});

describe('Hindi pages', () => {
  const englishSentences = Object.values(en).filter(
    (text) => text.split(' ').length >= 3 && !text.includes('{{'),
  );

  it.each([
    [
      'anonymous',
      [
        '/',
        '/login',
        '/signup',
        '/no-such-page',
        '/calculator',
        '/check?clusterId=batala-foundry&investmentInr=80+lakh&turnoverInr=3+crore&furnace=cupola&monthlyEnergyBillInr=500000&monthlyProductionTonnes=100',
      ],
    ],
    ['owner@demo.in', ['/enterprises', '/enterprises/new', '/applications']],
    [
      'advisor@demo.in',
      [
        '/advisor',
        '/workshops',
        '/imports',
        '/clusters/batala-foundry',
        '/clusters/batala-foundry/report',
        '/clusters/batala-foundry/cfc',
      ],
    ],
    ['officer@demo.in', ['/bank/applications']],
    [
      'admin@demo.in',
      ['/admin', '/admin/users', '/admin/users/new', '/admin/organisations', '/admin/organisations/new'],
    ],
  ])('show no untranslated English to %s', async (who, pages) => {
    const { app } = await buildTestApp();
    const agent =
      who === 'anonymous'
        ? (await import('supertest')).default.agent(app)
        : (await loggedInAgent(app, who)).agent;
    for (const page of pages) {
      const response = await agent.get(page).set('Cookie', 'lang=hi');
      expect(response.text).toContain('<html lang="hi">');
      const leaked = englishSentences.filter((sentence) => response.text.includes(sentence));
      expect({ page, leaked }).toEqual({ page, leaked: [] });
    }
  });

  it('remembers the language chosen with the switcher, over the browser preference', async () => {
    const { app } = await buildTestApp();
    const supertest = (await import('supertest')).default;
    const agent = supertest.agent(app);
    const home = await agent.get('/').set('Accept-Language', 'en');
    const token = /name="_csrf" value="([^"]+)"/.exec(home.text)![1];
    const switched = await agent
      .post('/language')
      .type('form')
      .send({ _csrf: token, lang: 'hi', returnTo: '/login' });
    expect(switched.status).toBe(303);
    expect(switched.headers.location).toBe('/login');
    const after = await agent.get('/login').set('Accept-Language', 'en');
    expect(after.text).toContain('<html lang="hi">');
    expect(after.text).toContain('लॉग इन करें');
  });

  it('follows Accept-Language when nothing was chosen', async () => {
    const { app } = await buildTestApp();
    const supertest = (await import('supertest')).default;
    const response = await supertest(app).get('/').set('Accept-Language', 'hi-IN,hi;q=0.9,en;q=0.8');
    expect(response.text).toContain('<html lang="hi">');
  });

  it('never sends the language switcher to another site', async () => {
    const { app } = await buildTestApp();
    const supertest = (await import('supertest')).default;
    const agent = supertest.agent(app);
    const token = /name="_csrf" value="([^"]+)"/.exec((await agent.get('/')).text)![1];
    const response = await agent
      .post('/language')
      .type('form')
      .send({ _csrf: token, lang: 'en', returnTo: '//evil.example' });
    expect(response.headers.location).toBe('/');
  });
});
