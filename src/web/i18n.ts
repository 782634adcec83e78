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
    LANGUAGES.map((lang) => [lang, { translation: readLocale(localesDir, lang) }]),
  );
  void instance.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    initAsync: false,
    // EJS escapes on output; escaping here too would double-escape.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return { forLang: (lang) => instance.getFixedT(lang) };
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
    res.vary('Accept-Language');
    next();
  };
}
