import {
  classifyCodeUnit,
  foldPunctuation,
  KIND_IGNORABLE,
  KIND_MARK,
  KIND_SPACE,
} from './fold-code-unit.ts';

/**
 * A comparison form that keeps what the automaton folds away when an alias asks for it:
 * case (`caseSensitive` aliases) and diacritics (`foldDiacritics: false`). Everything else
 * is folded as in the normalizer (compatibility forms, ignorables, whitespace runs,
 * apostrophes, dashes), so "Islamic\u00a0State" still equals "Islamic State". Used for
 * aliases at compile time and for the few candidate matches that need the check.
 */
export function makeStrictForm(text: string, foldCase: boolean, foldDiacritics: boolean): string {
  const source = text.normalize(foldDiacritics ? 'NFKD' : 'NFKC');
  let out = '';
  let afterSpace = true;
  for (const char of source) {
    const kind = char.length === 1 ? classifyCodeUnit(char.charCodeAt(0)) : 0;
    if (kind === KIND_IGNORABLE) continue;
    if (kind === KIND_MARK) {
      if (!foldDiacritics) out += char;
      continue;
    }
    if (kind === KIND_SPACE) {
      if (!afterSpace) out += ' ';
      afterSpace = true;
      continue;
    }
    afterSpace = false;
    out += char.length === 1 ? String.fromCharCode(foldPunctuation(char.charCodeAt(0))) : char;
  }
  const trimmed = out.trimEnd().normalize('NFC');
  return foldCase ? trimmed.toUpperCase().toLowerCase() : trimmed;
}
