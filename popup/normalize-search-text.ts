/**
 * Folds text for search: Unicode compatibility forms (NFKD), no combining
 * marks (so "Sergueï" finds "Serguei" and "Kabul" finds "Kābul"), lowercase,
 * Russian ё as е, any run of spaces, dashes or punctuation as one space.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ё/gu, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
