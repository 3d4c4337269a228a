/** The shape of a BCP 47 tag as the store accepts it: a 2-3 letter language, then subtags of 1-8 letters or digits. */
export const LANGUAGE_TAG_PATTERN = '^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$';
export const MAX_LANGUAGE_TAG_LENGTH = 35;

const LANGUAGE_TAG = new RegExp(LANGUAGE_TAG_PATTERN);

/**
 * Whether `tag` is a language tag the browser knows how to read ("en", "ru", "pt-BR", "zh-Hant-TW").
 * Small and without the store's other rules, so the content script can carry it.
 */
export function isLanguageTag(tag: string): boolean {
  if (tag.length > MAX_LANGUAGE_TAG_LENGTH || !LANGUAGE_TAG.test(tag)) return false;
  try {
    Intl.getCanonicalLocales(tag);
    return true;
  } catch {
    return false;
  }
}
