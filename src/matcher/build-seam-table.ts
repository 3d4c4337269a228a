import type { Automaton } from './build-automaton.ts';

/**
 * Which two folded units can stand on either side of a seam in some pattern: side by side, or
 * with one space between them. One bit per (class, class, spaced) at
 * `(before * stride + after) * 2 + spaced`; null when a pattern starts or ends with a space, as
 * then any two pieces of text can join into it. Classes stand one to one for the units the
 * patterns hold (build-trie.ts), class 0 for every other unit.
 *
 * Read off the trie, whose states are numbered breadth first so that edge e leads to state
 * e + 1: a pattern's adjacent pair is an edge and the class of the edge into its parent. The
 * build makes this table and ships it (serialize-automaton.ts): on a cold page the loop over the
 * bundled store's 6,040 states cost 2.8 ms (median of 20 loads, headless Chromium 156).
 */
export function buildSeamTable(
  automaton: Pick<Automaton, 'stride' | 'edgeStart' | 'edgeClass' | 'patternAt' | 'classOf'>,
): Uint8Array | null {
  const { stride, edgeStart, edgeClass, patternAt, classOf } = automaton;
  const space = classOf[0x20] || -1;
  const stateCount = edgeStart.length - 1;
  const table = new Uint8Array(seamTableBytes(stride));
  const inClass = new Int32Array(stateCount);
  const parent = new Int32Array(stateCount);
  for (let state = 0; state < stateCount; state++) {
    const before = inClass[state] as number;
    if (state > 0 && before === space && (patternAt[state] as number) >= 0) return null;
    const end = edgeStart[state + 1] as number;
    for (let edge = edgeStart[state] as number; edge < end; edge++) {
      const after = edgeClass[edge] as number;
      inClass[edge + 1] = after;
      parent[edge + 1] = state;
      let bit = -1;
      if (state === 0) {
        if (after === space) return null;
      } else if (before !== space) {
        if (after !== space) bit = (before * stride + after) * 2;
      } else {
        const first = inClass[parent[state] as number] as number;
        if (first !== space) bit = (first * stride + after) * 2 + 1;
      }
      if (bit >= 0) table[bit >> 3] = (table[bit >> 3] as number) | (1 << (bit & 7));
    }
  }
  return table;
}

/** Bytes of the seam table of an automaton with `stride` (see buildSeamTable). */
export function seamTableBytes(stride: number): number {
  return Math.ceil((2 * stride * stride) / 8);
}

/** Whether the seam table holds the pair of classes (both > 0). */
export function hasSeam(
  table: Uint8Array,
  stride: number,
  before: number,
  after: number,
  spaced: boolean,
): boolean {
  const bit = (before * stride + after) * 2 + (spaced ? 1 : 0);
  return (((table[bit >> 3] as number) >> (bit & 7)) & 1) === 1;
}
