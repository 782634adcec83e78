import { describe, expect, it } from 'vitest';
import { STREAMS } from '../../src/domain/energy/energy-streams.js';
import { LANGUAGES, unitLookup } from '../../src/web/i18n.js';
import { catalogue, paths } from '../helpers/test-app.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every `unit:` string in data/parameters and data/technologies, wherever it sits in the tree. */
function unitsIn(tree: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(tree)) for (const item of tree) unitsIn(item, found);
  else if (tree !== null && typeof tree === 'object')
    for (const [key, value] of Object.entries(tree)) {
      if (key === 'unit' && typeof value === 'string') found.add(value);
      else unitsIn(value, found);
    }
  return found;
}

const catalogueUnits = [...unitsIn([catalogue.parameters, catalogue.technologies])].sort();
/** Units the savings model writes itself (src/domain/energy): shown beside catalogue figures, so translated too. */
const MODEL_UNITS = [
  'INR',
  'INR a year',
  'percent a year',
  'INR/t',
  'INR/kg',
  'INR/L',
  'INR/SCM',
  'INR/kVAh',
  'kWh a year',
  't a year',
  'SCM a year',
  'kg a year',
  'L a year',
  'kL a year',
  // The streams' own units, beside each stream's amount in the calculator's tables.
  ...Object.values(STREAMS).map((stream) => stream.unit),
];
const allUnits = [...new Set([...catalogueUnits, ...MODEL_UNITS])].sort();
const unitsFile = (lang: string) =>
  JSON.parse(readFileSync(join(paths.locales, lang, 'units.json'), 'utf8')) as Record<string, unknown>;
const DEVANAGARI = /[\u0900-\u097F]/;
/** A word of at least two letters ("per", "coke"), as opposed to symbols alone such as kWh/t. */
const hasWords = (text: string) =>
  /\b(?!(?:kWh|kWp|kVAh?|MWh|SCM|GJ|TJ|CO2|kL|kg|kW)\b)[a-z]{2,}\b/.test(text);

describe('units of catalogue figures', () => {
  it('are found in the catalogue', () => {
    expect(catalogueUnits.length).toBeGreaterThan(50);
    expect(catalogueUnits).toContain('percent per year, nominal, for NPV');
  });

  it.each(LANGUAGES)(
    'and the model’s own each have a rendering in data/locales/%s/units.json, and nothing else does',
    (lang) => {
      const map = unitsFile(lang);
      expect(allUnits.filter((unit) => typeof map[unit] !== 'string' || map[unit] === '')).toEqual([]);
      expect(Object.keys(map).filter((unit) => !allUnits.includes(unit))).toEqual([]);
    },
  );

  it('are shown in English as written', () => {
    const map = unitsFile('en');
    expect(allUnits.filter((unit) => map[unit] !== unit)).toEqual([]);
  });

  it('are written in Devanagari in Hindi wherever they have words', () => {
    const map = unitsFile('hi');
    const untranslated = allUnits.filter((unit) => hasWords(unit) && !DEVANAGARI.test(String(map[unit])));
    expect(untranslated).toEqual([]);
    expect(allUnits.filter((unit) => hasWords(unit) && map[unit] === unit)).toEqual([]);
  });

  it('fall back to the English text, marked as English, for a unit with no translation', () => {
    const show = unitLookup(paths.locales, 'hi');
    expect(show('percent per year')).toEqual({ text: 'प्रतिशत प्रति वर्ष', lang: 'hi' });
    expect(show('furlongs per fortnight')).toEqual({ text: 'furlongs per fortnight', lang: 'en' });
  });
});
