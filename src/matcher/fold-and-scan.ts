import type { Automaton } from './build-automaton.ts';
import {
  classifyCodeUnit,
  FOLDED_UNIT_TABLE,
  findExpansion,
  foldCodePoint,
  KIND_EXPAND,
  KIND_HIGH_SURROGATE,
  KIND_IGNORABLE,
  KIND_MARK,
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

/** Where the scan is, handed between the fast loop and the rare-character path. */
interface ScanCursor {
  /** Next original index to read. */
  i: number;
  /** Folded units written so far. */
  n: number;
  state: number;
  afterSpace: boolean;
}

/**
 * Where a scan writes its pattern occurrences: pairs (pattern index, folded end), one after
 * another. An array the caller reads once the scan is over, rather than a callback per hit: the
 * scan has three callers (a block's scan, the page-wide candidate scan, folding alone), and a
 * callback that differed between them threw the optimized loop away when the next caller came
 * (V8's "wrong call target" deopt, traced in headless Chromium 156), so a page paid the loop's
 * cold start twice. Cold, in a fresh Node 20 process, the candidate scan of 116 KB and then the
 * scans of its 1,054 blocks: blocks 9.7-11.1 ms with the callback, 2.8-4.9 ms (once 9.5) with
 * this, five runs each; warm speed the same (npm run bench:matcher).
 */
export type MatchSink = number[];

const PADDING = ' '.repeat(16);

/**
 * The same text as a sliced string (followed by padding that is never read). Page text
 * arrives in every string representation V8 has (flat one- and two-byte, cons, sliced,
 * external from the DOM, internalized): reading it with `charCodeAt` in one loop made that
 * call site megamorphic, which halved the speed of the whole scan (measured in one process,
 * same text, 65 vs 127 M chars/s). A substring of 13 units or more of a flattened string
 * is always a sliced one- or two-byte string: two shapes, and the call stays fast. The cost
 * is one flattening copy per block.
 */
function copyAsSlicedString(text: string): string {
  return `${text}${PADDING}`.substring(0, text.length + 14);
}

/**
 * The fast loop: single-unit folds, whitespace and dropped characters. Stops at the end of
 * the text (returns false) or at a character that needs `feedRareCharacter` (returns true,
 * `cursor.i` on it). The arrays are constants here and the loop body stays small: an
 * earlier version that also handled multi-unit folds inline measured 51 against 65 M chars/s
 * in the same process.
 */
function scanUntilRare(
  text: string,
  length: number,
  units: Uint16Array,
  toOriginal: Int32Array,
  automaton: Automaton,
  sink: MatchSink,
  cursor: ScanCursor,
): boolean {
  // Locals, not imported bindings: bundlers turn those into module variables the JIT reloads.
  const kindTable = KIND_TABLE;
  const foldedTable = FOLDED_UNIT_TABLE;
  const single = KIND_SINGLE;
  const space = KIND_SPACE;
  const ignorable = KIND_IGNORABLE;
  const mark = KIND_MARK;
  const { classOf, dense, denseCount, stride, outLink, fail, patternAt } = automaton;
  let { n, state, afterSpace } = cursor;
  for (let i = cursor.i; i < length; i++) {
    const unit = text.charCodeAt(i);
    const kind = kindTable[unit] as number;
    let folded: number;
    if (kind === single) {
      folded = foldedTable[unit] as number;
      afterSpace = false;
    } else if (kind === space) {
      if (afterSpace) continue;
      folded = 0x20;
      afterSpace = true;
    } else if (kind === ignorable || kind === mark) {
      continue;
    } else {
      cursor.i = i;
      cursor.n = n;
      cursor.state = state;
      cursor.afterSpace = afterSpace;
      return true;
    }
    units[n] = folded;
    toOriginal[n++] = i;
    const cls = classOf[folded] as number;
    if (cls === 0) {
      state = 0;
      continue;
    }
    if (state < denseCount) {
      const next = dense[state * stride + cls] as number;
      if (next >= 0) {
        state = next;
        continue;
      }
      state = ~next;
    } else {
      state = stepAutomaton(automaton, state, cls);
      if ((outLink[state] as number) < 0) continue;
    }
    for (let out = outLink[state] as number; out >= 0; out = outLink[fail[out] as number] as number) {
      sink.push(patternAt[out] as number, n);
    }
  }
  cursor.i = length;
  cursor.n = n;
  cursor.state = state;
  cursor.afterSpace = afterSpace;
  return false;
}

/**
 * The slow path, for a character not classified yet, one that folds to several units, or
 * a surrogate pair: write its fold, feed each unit to the automaton, move the cursor past it.
 */
function feedRareCharacter(
  text: string,
  buffer: NormalizeBuffer,
  automaton: Automaton,
  sink: MatchSink,
  cursor: ScanCursor,
): void {
  const i = cursor.i;
  const unit = text.charCodeAt(i);
  const kind = classifyCodeUnit(unit);
  if (kind === KIND_SINGLE || kind === KIND_SPACE || kind === KIND_IGNORABLE || kind === KIND_MARK) {
    return; // it was only unclassified: the fast loop takes it now
  }
  const folded = foldRareUnit(text, i, unit, kind);
  const last = kind === KIND_HIGH_SURROGATE && folded !== String.fromCharCode(unit) ? i + 1 : i;
  cursor.i = last + 1;
  if (folded === '' || (folded === ' ' && cursor.afterSpace)) return;
  cursor.afterSpace = folded === ' ';
  const needed = cursor.n + folded.length + (text.length - last) + 1;
  if (buffer.units.length < needed) growBuffer(buffer, needed, cursor.n);
  const { classOf, outLink, fail, patternAt } = automaton;
  for (let j = 0; j < folded.length; j++) {
    const folding = folded.charCodeAt(j);
    buffer.units[cursor.n] = folding;
    buffer.toOriginal[cursor.n++] = i;
    const cls = classOf[folding] as number;
    cursor.state = cls === 0 ? 0 : stepAutomaton(automaton, cursor.state, cls);
    for (let out = outLink[cursor.state] as number; out >= 0; out = outLink[fail[out] as number] as number) {
      sink.push(patternAt[out] as number, cursor.n);
    }
  }
}

/**
 * Fold `text` into `buffer` and run `automaton` over the folded units, in one pass over the
 * original string: compatibility forms (NFKC) and case folded, diacritics and ignorables
 * (soft hyphen, zero-width chars, ZWNJ, bidi marks, tatweel) removed, apostrophes and
 * dashes unified, each whitespace run collapsed to one space. Every pattern occurrence is
 * appended to `sink` as the pair (patternIndex, end), `end` exclusive, in folded units, in the
 * order the scan meets them.
 *
 * One fused pass rather than "fold, then scan": it measured about twice as fast.
 *
 * Invariant that keeps the fast loop free of capacity checks: free capacity is always at
 * least the number of original units left, because only multi-unit folds write more than
 * one unit per original unit, and they check capacity themselves.
 */
export function foldAndScan(
  text: string,
  buffer: NormalizeBuffer,
  automaton: Automaton,
  sink: MatchSink,
): number {
  if (buffer.units.length < text.length + 1) growBuffer(buffer, text.length + 1, 0);
  const cursor: ScanCursor = { i: 0, n: 0, state: 0, afterSpace: false };
  const source = copyAsSlicedString(text);
  while (scanUntilRare(source, text.length, buffer.units, buffer.toOriginal, automaton, sink, cursor)) {
    feedRareCharacter(text, buffer, automaton, sink, cursor);
  }
  buffer.toOriginal[cursor.n] = text.length;
  buffer.length = cursor.n;
  return cursor.n;
}
