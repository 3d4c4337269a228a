import { browser } from './browser.ts';

/**
 * A UI string from _locales in the browser's language. Falls back to the key
 * itself, so a missing string shows up in tests instead of an empty label.
 */
export function translate(key: string, substitutions?: string | string[]): string {
  try {
    const message = browser.i18n.getMessage(key, substitutions);
    return message || key;
  } catch {
    return key;
  }
}
