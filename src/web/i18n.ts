import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import type { NextFunction, Request, Response } from 'express';

export const LANGUAGES = ['en', 'hi'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const LANGUAGE_COOKIE = 'lang';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export type Translate = TFunction;

export interface Translations {
  forLang(lang: Lang): Translate;
  unitsFor(lang: Lang): ShowUnit;
}

/** A catalogue unit as shown on a page: its text and the language that text is in. */
export interface ShownUnit {
  text: string;
  lang: Lang;
}
export type ShowUnit = (unit: string) => ShownUnit;

/** The locale file that holds the catalogue's units (see `unitLookup`). */
export const UNITS_AREA = 'units';

/**
 * Catalogue units (`unit:` in data/parameters and data/technologies) are free text such as
 * "percent per year, WDV, block III(1)" or "t CO2/MWh, combined margin 50:50": '.' and ':' are i18next's key and
 * namespace separators, so they cannot be i18next keys. data/locales/<lang>/units.json maps each unit's English
 * text to its rendering instead, and this plain lookup (not i18next) reads it; a unit missing from the map is shown
 * as written, in English. test/i18n/units.test.ts keeps the map complete for every unit in the catalogue;
 * readLocale still returns the file, so the parity and Devanagari rules of test/i18n/locales.test.ts cover it too.
 */
export function unitLookup(localesDir: string, lang: Lang): ShowUnit {
  const file = join(localesDir, lang, `${UNITS_AREA}.json`);
  const map = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>));
  return (unit) => {
    const text = map.get(unit);
    return typeof text === 'string' ? { text, lang } : { text: unit, lang: 'en' };
  };
}

/**
 * Reads data/locales/<lang>/<area>.json: each file holds one area's strings, under keys that start with the
 * file's name (`account.json` → `account.login.title`), so features add strings without touching each other.
 */
export function readLocale(localesDir: string, lang: Lang): Record<string, unknown> {
  const dir = join(localesDir, lang);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => [basename(name, '.json'), JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown]),
  );
}

/** Loads every locale into one i18next instance (a well-kept library: plurals, interpolation). */
export function loadTranslations(localesDir: string): Translations {
  const instance = i18next.createInstance();
  const resources = Object.fromEntries(
    LANGUAGES.map((lang) => {
      const areas = readLocale(localesDir, lang);
      delete areas[UNITS_AREA];
      return [lang, { translation: areas }];
    }),
  );
  const units = Object.fromEntries(LANGUAGES.map((lang) => [lang, unitLookup(localesDir, lang)])) as Record<
    Lang,
    ShowUnit
  >;
  void instance.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    initAsync: false,
    // EJS escapes on output; escaping here too would double-escape.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return { forLang: (lang) => instance.getFixedT(lang), unitsFor: (lang) => units[lang] };
}

/** Language from the remembered switcher choice, then Accept-Language, then English. */
export function chooseLanguage(translations: Translations) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const remembered: unknown = (req.cookies as Record<string, unknown>)[LANGUAGE_COOKIE];
    const lang: Lang = isLang(remembered)
      ? remembered
      : ((req.acceptsLanguages(...LANGUAGES) || 'en') as Lang);
    req.lang = lang;
    req.t = translations.forLang(lang);
    res.locals.lang = lang;
    res.locals.t = req.t;
    res.locals.showUnit = translations.unitsFor(lang);
    res.vary('Accept-Language');
    next();
  };
}
