import { buildAutomaton } from './build-automaton.ts';
import { createNormalizeBuffer, foldAndScan, type NormalizeBuffer } from './fold-and-scan.ts';
import { classifyCodeUnit, KIND_IGNORABLE } from './fold-code-unit.ts';

export { createNormalizeBuffer, type NormalizeBuffer } from './fold-and-scan.ts';

let emptyAutomaton: ReturnType<typeof buildAutomaton> | undefined;
/** The empty automaton finds nothing, so this stays empty. */
const noMatches: number[] = [];

/**
 * Fold `text` into `buffer` (see `foldAndScan`) without looking for patterns; returns the
 * folded length. Aliases are folded with this at compile time, page text with
 * `foldAndScan` itself, so both sides are folded by the same code.
 */
export function normalizeIntoBuffer(text: string, buffer: NormalizeBuffer): number {
  emptyAutomaton ??= buildAutomaton([]);
  return foldAndScan(text, buffer, emptyAutomaton, noMatches);
}

/**
 * True for invisible code units the normalizer drops (soft hyphen, zero-width chars): a
 * mention's end is pulled back over them. Combining marks are not included: they belong to
 * the letter before them and stay inside the mention.
 */
export function isIgnorableCodeUnit(unit: number): boolean {
  return classifyCodeUnit(unit) === KIND_IGNORABLE;
}

/**
 * `units[0..length)` as a string. `apply` with the typed array itself (allowed: it is
 * array-like) rather than spreading it, which walks the iterator protocol and is slow
 * before the JIT warms up (this runs for every alias when a matcher is compiled).
 */
export function decodeUnits(units: Uint16Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 4096) {
    const chunk = units.subarray(i, Math.min(length, i + 4096)) as unknown as number[];
    out += String.fromCharCode.apply(null, chunk);
  }
  return out;
}

/**
 * The folded form of `text` and, for every unit of it, the index of the original character
 * it came from, plus one entry past the end holding `text.length`. Folding: compatibility
 * forms (NFKC) and case folded, diacritics and ignorables removed, apostrophes and dashes
 * unified, whitespace runs collapsed to one space. The matcher folds page text and aliases
 * with exactly this, so `toOriginal` maps every match back to the page.
 */
export function normalizeText(text: string): { normalized: string; toOriginal: Int32Array } {
  const buffer = createNormalizeBuffer(text.length + 1);
  const length = normalizeIntoBuffer(text, buffer);
  return {
    normalized: decodeUnits(buffer.units, length),
    toOriginal: buffer.toOriginal.slice(0, length + 1),
  };
}
