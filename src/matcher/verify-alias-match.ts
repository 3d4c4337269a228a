import type { AliasRecord } from './compile-patterns.ts';
import { isInCapsRun } from './is-in-caps-run.ts';
import { makeStrictForm } from './make-strict-form.ts';

/**
 * Cheap answer for the common case, a case-sensitive alias against the same number of
 * units ("IS" against "is"): equal → true; differing only by the case of an ASCII letter →
 * false; anything else → undefined (needs the full strict comparison).
 */
function compareRawUnits(aliasText: string, text: string, start: number, end: number): boolean | undefined {
  if (end - start !== aliasText.length) return undefined;
  for (let i = 0; i < aliasText.length; i++) {
    const a = aliasText.charCodeAt(i);
    const b = text.charCodeAt(start + i);
    if (a === b) continue;
    const isAsciiLetterPair = (a | 0x20) === (b | 0x20) && (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7a;
    return isAsciiLetterPair ? false : undefined;
  }
  return true;
}

/**
 * Whether the text has the alias's exact form where the store asks for one: case for
 * `caseSensitive` aliases ("IS" but not "is"), diacritics for `foldDiacritics: false`. Reads only
 * the matched characters, so it holds whatever stands around them. `start`/`end` index the original text.
 */
export function hasAliasForm(record: AliasRecord, text: string, start: number, end: number): boolean {
  if (record.strictForm === undefined) return true;
  const quick = record.foldDiacritics ? compareRawUnits(record.aliasText, text, start, end) : undefined;
  return (
    quick ??
    makeStrictForm(text.slice(start, end), !record.caseSensitive, record.foldDiacritics) === record.strictForm
  );
}

/**
 * Check what the folded automaton match cannot: the alias's form (hasAliasForm), and ALL-CAPS
 * runs for ALL-CAPS case-sensitive aliases ("THIS IS A HEADLINE"). `start`/`end` index the original text.
 */
export function verifyAliasMatch(record: AliasRecord, text: string, start: number, end: number): boolean {
  if (!hasAliasForm(record, text, start, end)) return false;
  return !(record.capsSensitive && isInCapsRun(text, start, end));
}
