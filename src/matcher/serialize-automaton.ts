import { type Automaton, buildDenseRows } from './build-automaton.ts';
import { buildSeamTable, seamTableBytes } from './build-seam-table.ts';

/**
 * An automaton as JSON: its arrays as 16-bit little-endian integers, packed one after another
 * and written in base64. The page turns the text back into bytes with one native call
 * (Uint8Array.fromBase64) and widens each array with another (new Int32Array(view), which also
 * extends the sign, so "none" travels as -1), so a cold engine runs no loop over the states:
 * a string of code units decoded with charCodeAt cost 2-7 ms of every page's start on this
 * machine, and rebuilding `edgeStart` and `outLink` in one loop over the 6,040 states of the
 * bundled store 1.4 ms (median of 10 cold pages, headless Chromium 156). What costs little is
 * left out and rebuilt on load, to keep the stored list small: `classOf` (65,536 entries,
 * nearly all 0) ships as its non-zero entries; the dense rows are a few hundred row copies.
 * No edge targets are kept at all: states are numbered breadth first, so edge e leads to state
 * e + 1 (build-trie.ts), where filling that list cost a cold page about 1 ms.
 */
export interface SerializedAutomaton {
  stride: number;
  denseCount: number;
  stateCount: number;
  /** Number of (code unit, class) pairs at the start of `data`. */
  classPairs: number;
  patternCount: number;
  /**
   * Bytes per entry: 2, or 4 for an automaton with an entry above 32,767 (more states than that:
   * large packs, compiled by the background). Absent means 2.
   */
  wordBytes?: 2 | 4;
  /**
   * Base64 of, in order: classPairs (unit, class) pairs, then `edgeStart` (stateCount + 1
   * entries), each edge's class (stateCount - 1 in all), per state its failure state, pattern
   * and output link (-1 for none), then each pattern's length. Signed 16-bit (or 32-bit, see
   * wordBytes) little-endian integers.
   */
  data: string;
  /**
   * The seam table (build-seam-table.ts) in base64, or null when any two pieces of text can
   * join. Left out above MAX_SHIPPED_SEAM_STRIDE classes (the table grows with their square;
   * 2.3 KB for the bundled store's 97), and then built on the page when first needed.
   */
  seams?: string | null;
}

/** Classes up to which the seam table ships: 16 KB of table at most. */
const MAX_SHIPPED_SEAM_STRIDE = 256;

const MAX_NARROW_ENTRY = 0x7fff;
const MAX_ENTRY = 0x7fffffff;

/** Throws a RangeError for an entry no format can hold (the build or the background then fails loudly). */
export function serializeAutomaton(automaton: Automaton): SerializedAutomaton {
  const values: number[] = [];
  const put = (what: string, list: ArrayLike<number>, min = 0): void => {
    for (let index = 0; index < list.length; index++) {
      const value = list[index] as number;
      if (!Number.isInteger(value) || value < min || value > MAX_ENTRY)
        throw new RangeError(`${what}[${index}] = ${value} does not fit the serialized automaton`);
      values.push(value);
    }
  };
  const pairs: number[] = [];
  automaton.classOf.forEach((cls, unit) => {
    if (cls !== 0) pairs.push(unit, cls);
  });
  put('classes', pairs);
  const { edgeStart } = automaton;
  const stateCount = edgeStart.length - 1;
  put('edgeStart', edgeStart);
  put('edgeClass', automaton.edgeClass);
  put('fail', automaton.fail);
  put('patternAt', automaton.patternAt, -1);
  put('outLink', automaton.outLink, -1);
  put('patternLength', automaton.patternLength);
  let seams: string | null | undefined;
  if (automaton.stride <= MAX_SHIPPED_SEAM_STRIDE) {
    const table = automaton.seams === undefined ? buildSeamTable(automaton) : automaton.seams;
    seams = table && toBase64(table);
  }
  const wide = values.some((value) => value > MAX_NARROW_ENTRY);
  const wordBytes = wide ? 4 : 2;
  const bytes = new Uint8Array(values.length * wordBytes);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < values.length; index++) {
    if (wide) view.setInt32(index * 4, values[index] as number, true);
    else view.setInt16(index * 2, values[index] as number, true);
  }
  return {
    stride: automaton.stride,
    denseCount: automaton.denseCount,
    stateCount,
    classPairs: pairs.length / 2,
    patternCount: automaton.patternLength.length,
    ...(wide ? { wordBytes } : {}),
    data: toBase64(bytes),
    ...(seams === undefined ? {} : { seams }),
  };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index++) binary += String.fromCharCode(bytes[index] as number);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  // Chrome 140 and Firefox 133 have the native decoder; older browsers take the loop.
  const native = (Uint8Array as { fromBase64?: (text: string) => Uint8Array }).fromBase64;
  if (typeof native === 'function') return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** The signed little-endian words of `bytes`, whatever the platform's byte order (every browser's is little-endian). */
function readWords(bytes: Uint8Array, wordBytes: 2 | 4): Int16Array | Int32Array {
  const count = bytes.byteLength / wordBytes;
  if (!Number.isInteger(count))
    throw new Error('The serialized automaton does not have the expected length.');
  const isLittleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
  if (isLittleEndian && bytes.byteOffset % wordBytes === 0)
    return wordBytes === 4
      ? new Int32Array(bytes.buffer, bytes.byteOffset, count)
      : new Int16Array(bytes.buffer, bytes.byteOffset, count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const words = wordBytes === 4 ? new Int32Array(count) : new Int16Array(count);
  for (let index = 0; index < count; index++)
    words[index] = wordBytes === 4 ? view.getInt32(index * 4, true) : view.getInt16(index * 2, true);
  return words;
}

/**
 * True when `data` has the length its counts call for, checked without decoding it: a cheap look
 * for a truncated or replaced value before the automaton is decoded on first use.
 */
export function hasExpectedDataLength(serialized: SerializedAutomaton): boolean {
  const { stateCount, classPairs, patternCount, data } = serialized;
  if (![stateCount, classPairs, patternCount].every((count) => Number.isInteger(count) && count >= 0))
    return false;
  const words = classPairs * 2 + stateCount + 1 + Math.max(0, stateCount - 1) + 3 * stateCount + patternCount;
  const bytes = words * (serialized.wordBytes === 4 ? 4 : 2);
  return typeof data === 'string' && data.length === 4 * Math.ceil(bytes / 3);
}

export function deserializeAutomaton(serialized: SerializedAutomaton): Automaton {
  const { stateCount, classPairs, patternCount } = serialized;
  const words = readWords(fromBase64(serialized.data), serialized.wordBytes === 4 ? 4 : 2);
  const edgeCount = Math.max(0, stateCount - 1);
  let at = 0;
  const take = (count: number): Int16Array | Int32Array => {
    const part = words.subarray(at, at + count);
    at += count;
    return part;
  };
  const pairs = take(classPairs * 2);
  const edgeStart = new Int32Array(take(stateCount + 1));
  const edgeClass = new Uint16Array(take(edgeCount));
  const fail = new Int32Array(take(stateCount));
  const patternAt = new Int32Array(take(stateCount));
  const outLink = new Int32Array(take(stateCount));
  const patternLength = new Int32Array(take(patternCount));
  if (at !== words.length) throw new Error('The serialized automaton does not have the expected length.');

  const classOf = new Uint16Array(0x10000);
  for (let index = 0; index < pairs.length; index += 2)
    classOf[pairs[index] as number] = pairs[index + 1] as number;
  const links = {
    classOf,
    stride: serialized.stride,
    denseCount: serialized.denseCount,
    edgeStart,
    edgeClass,
    fail,
    outLink,
    patternAt,
    patternLength,
  };
  return { ...links, dense: buildDenseRows(links), ...readSeams(serialized) };
}

function readSeams(serialized: SerializedAutomaton): Pick<Automaton, 'seams'> {
  const { seams, stride } = serialized;
  if (seams === undefined) return {};
  if (seams === null) return { seams: null };
  const table = typeof seams === 'string' ? fromBase64(seams) : undefined;
  if (!table || table.length !== seamTableBytes(stride))
    throw new Error('The serialized seam table does not have the expected length.');
  return { seams: table };
}
