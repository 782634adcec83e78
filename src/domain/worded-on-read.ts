import type { LocalisedText } from './catalogue-types.js';

/**
 * Text in English and Hindi, each worded the first time it is read. A response shows one language, and wording
 * amounts in lakh and crore is much of the cost of a match; this reads like any LocalisedText (`en` and `hi` are
 * own enumerable properties, so JSON, spreads and comparisons see the words).
 */
export function wordedOnRead(word: (lang: keyof LocalisedText) => string): LocalisedText {
  let en: string | undefined;
  let hi: string | undefined;
  return {
    get en() {
      return (en ??= word('en'));
    },
    get hi() {
      return (hi ??= word('hi'));
    },
  };
}
