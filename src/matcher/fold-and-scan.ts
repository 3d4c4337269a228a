import type { Automaton } from './build-automaton.ts';
import {
  classifyCodeUnit,
  FOLDED_UNIT_TABLE,
  findExpansion,
  foldCodePoint,
  KIND_EXPAND,
  KIND_HIGH_SURROGATE,
  KIND_SINGLE,
  KIND_SPACE,
  KIND_TABLE,
} from './fold-code-unit.ts';
import { stepAutomaton } from './step-automaton.ts';

/**
 * Reusable output of folding: `units[0..length)` is the folded text and `toOriginal[i]` the
 * index in the original text of the character that produced `units[i]`;
 * `toOriginal[length]` is the original length. Reused across blocks so scanning allocates
 * nothing per character (it grows, rarely, when a block is longer than any before it).
 */
export interface NormalizeBuffer {
  units: Uint16Array;
  toOriginal: Int32Array;
  length: number;
}

export function createNormalizeBuffer(capacity = 1024): NormalizeBuffer {
  return { units: new Uint16Array(capacity), toOriginal: new Int32Array(capacity + 1), length: 0 };
}

function growBuffer(buffer: NormalizeBuffer, needed: number, used: number): void {
  let capacity = buffer.units.length * 2;
  while (capacity < needed) capacity *= 2;
  const units = new Uint16Array(capacity);
  units.set(buffer.units.subarray(0, used));
  const toOriginal = new Int32Array(capacity + 1);
  toOriginal.set(buffer.toOriginal.subarray(0, used));
  buffer.units = units;
  buffer.toOriginal = toOriginal;
}

/**
 * The fold of a character that is not a single unit or whitespace, or '' to drop it. A
 * surrogate pair folds as one code point; a lone high surrogate is returned as it is
 * (so the caller knows the pair was consumed exactly when the result differs from it).
 */
function foldRareUnit(text: string, i: number, unit: number, kind: number): string {
  if (kind === KIND_EXPAND) return findExpansion(unit);
  if (kind !== KIND_HIGH_SURROGATE) return '';
  const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  if (next < 0xdc00 || next > 0xdfff) return String.fromCharCode(unit);
  const folded = foldCodePoint(((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000);
  // A pair that folds to the lone high surrogate itself cannot happen: folds are whole characters.
  return folded;
}

/**
 * Fold `text` into `buffer` and run `automaton` over the folded units, in one pass over the
 * original string: compatibility forms (NFKC) and case folded, diacritics and ignorables
 * (soft hyphen, zero-width chars, ZWNJ, bidi marks, tatweel) removed, apostrophes and
 * dashes unified, each whitespace run collapsed to one space. Every pattern occurrence is
 * reported as `onMatch(patternIndex, end)`, `end` exclusive, in folded units.
 *
 * One fused loop rather than "fold, then scan" because it measured about twice as fast
 * (the folded unit goes straight from register to automaton). The common characters take
 * the first two branches; everything else goes through `foldRareUnit`.
 *
 * Invariant that keeps the hot path free of capacity checks: free capacity is always at
 * least the number of original units left, because only multi-unit folds write more than
 * one unit per original unit, and they check capacity themselves.
 */
export function foldAndScan(
  text: string,
  buffer: NormalizeBuffer,
  automaton: Automaton,
  onMatch: (patternIndex: number, end: number) => void,
): number {
  const length = text.length;
  if (buffer.units.length < length + 1) growBuffer(buffer, length + 1, 0);
  let units = buffer.units;
  let toOriginal = buffer.toOriginal;
  // Locals, not imported bindings, in the hot loop: bundlers may turn those into getters.
  const kindTable = KIND_TABLE;
  const foldedTable = FOLDED_UNIT_TABLE;
  const { classOf, dense, denseCount, stride, outLink, fail, patternAt } = automaton;
  let n = 0;
  let afterSpace = false;
  let state = 0;
  for (let i = 0; i < length; i++) {
    const start = i;
    const unit = text.charCodeAt(i);
    let kind = kindTable[unit] as number;
    if (kind === 0) kind = classifyCodeUnit(unit);
    let folded: string;
    if (kind === KIND_SINGLE) {
      folded = '';
      units[n] = foldedTable[unit] as number;
      afterSpace = false;
    } else if (kind === KIND_SPACE) {
      if (afterSpace) continue;
      folded = '';
      units[n] = 0x20;
      afterSpace = true;
    } else {
      folded = foldRareUnit(text, i, unit, kind);
      if (kind === KIND_HIGH_SURROGATE && folded !== String.fromCharCode(unit)) i++;
      if (folded === '') continue;
      if (folded === ' ' && afterSpace) continue;
      afterSpace = folded === ' ';
      if (units.length < n + folded.length + (length - i) + 1) {
        growBuffer(buffer, n + folded.length + (length - i) + 1, n);
        units = buffer.units;
        toOriginal = buffer.toOriginal;
      }
      units[n] = folded.charCodeAt(0);
    }
    // Feed units[n] (and, for a multi-unit fold, the rest of `folded`) to the automaton.
    for (let j = 0; ; ) {
      toOriginal[n] = start;
      const cls = classOf[units[n++] as number] as number;
      if (cls === 0) state = 0;
      else if (state < denseCount) state = dense[state * stride + cls] as number;
      else state = stepAutomaton(automaton, state, cls);
      for (let out = outLink[state] as number; out >= 0; out = outLink[fail[out] as number] as number) {
        onMatch(patternAt[out] as number, n);
      }
      if (++j >= folded.length) break;
      units[n] = folded.charCodeAt(j);
    }
  }
  toOriginal[n] = length;
  buffer.length = n;
  return n;
}
