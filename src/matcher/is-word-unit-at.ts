/**
 * Word characters are Unicode letters, digits and marks (\p{L}\p{N}\p{M}), so Cyrillic and
 * Arabic-script letters are word characters and "Kabul" is not a word inside "Kabulov" or
 * "Путин" inside "Путина". Connector punctuation (\p{Pc}, "_") counts too: the corpus has
 * user names like "ANIME_IS_LIFE", where "IS" is no word of its own. Apostrophes, hyphens
 * and dots are not: "Putin's", "UN-backed". Classified once per code unit and cached.
 */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}\p{Pc}]$/u;
const UNKNOWN = 0;
const NOT_WORD = 1;
const WORD = 2;
const wordTable = new Uint8Array(0x10000);

/** True for a BMP code unit that is a letter, digit or mark. */
export function isWordCodeUnit(unit: number): boolean {
  let flag = wordTable[unit] ?? UNKNOWN;
  if (flag === UNKNOWN) {
    flag = WORD_CHAR.test(String.fromCharCode(unit)) ? WORD : NOT_WORD;
    wordTable[unit] = flag;
  }
  return flag === WORD;
}

/** True when the character occupying index `index` of `units[0..length)` is a word character. */
export function isWordUnitAt(units: Uint16Array, index: number, length: number): boolean {
  if (index < 0 || index >= length) return false;
  const unit = units[index] as number;
  if (unit < 0xd800 || unit > 0xdfff) return isWordCodeUnit(unit);
  // Surrogates: look at the whole code point (e.g. a supplementary CJK letter).
  const high = unit <= 0xdbff ? unit : index > 0 ? (units[index - 1] as number) : 0;
  const low = unit <= 0xdbff ? (index + 1 < length ? (units[index + 1] as number) : 0) : unit;
  if (high < 0xd800 || high > 0xdbff || low < 0xdc00 || low > 0xdfff) return false;
  return WORD_CHAR.test(String.fromCharCode(high, low));
}
