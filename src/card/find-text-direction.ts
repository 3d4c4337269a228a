/**
 * Scripts written right to left (ISO 15924 codes), for the languages a pack may declare: Arabic
 * (Persian, Pashto, Urdu, Sindhi, Uyghur, Sorani…), Hebrew and Yiddish, Thaana, Syriac, N'Ko,
 * Adlam, Hanifi Rohingya, Mandaic, Samaritan.
 */
const RIGHT_TO_LEFT_SCRIPTS = new Set([
  'Arab',
  'Hebr',
  'Thaa',
  'Syrc',
  'Nkoo',
  'Adlm',
  'Rohg',
  'Mand',
  'Samr',
]);

/**
 * The direction text in a language is written in, from its script: the tag's own script subtag
 * ("az-Arab") or the likely one (`Intl.Locale#maximize`: "fa" → "fa-Arab-IR"). Undefined for no
 * tag or one the browser cannot read; the caller keeps its default then.
 */
export function findTextDirection(languageTag: string | undefined): 'ltr' | 'rtl' | undefined {
  if (!languageTag) return undefined;
  let script: string | undefined;
  try {
    script = new Intl.Locale(languageTag).maximize().script;
  } catch {
    return undefined;
  }
  if (!script) return undefined;
  return RIGHT_TO_LEFT_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}
