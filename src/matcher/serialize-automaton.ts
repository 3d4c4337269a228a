import { type Automaton, buildDenseRows } from './build-automaton.ts';

/**
 * An automaton as JSON. Each array is a string of code units, one per entry, shifted by
 * SHIFT so that -1 ("none") and the small numbers that fill most arrays are printable ASCII
 * (control characters would need a six-byte escape each in the bundle). A string literal costs the content script nothing to
 * parse and decodes in one loop; the same numbers as a JSON array were three times the size.
 * What can be derived cheaply is left out and rebuilt on load, to keep the content script
 * small (this is most of its size): `classOf` (65,536 entries, nearly all 0) ships as its
 * non-zero entries; `edgeStart` as each state's number of children; `edgeTarget` not at all,
 * because states are numbered breadth first, so edge e leads to state e + 1 (build-trie.ts);
 * `outLink` is one pass over `fail` and `patternAt`; the dense rows a few hundred row copies.
 */
export interface SerializedAutomaton {
  stride: number;
  denseCount: number;
  /** (code unit high byte, low byte, class) for every code unit that has a class. */
  classes: string;
  childCount: string;
  edgeClass: string;
  fail: string;
  patternAt: string;
  patternLength: string;
}

const SHIFT = 0x30;
/** Entries must fit one code unit below the surrogate range once shifted. */
const MAX_ENTRY = 0xd7ff - SHIFT;

function encode(values: ArrayLike<number>, what: string): string {
  let out = '';
  for (let index = 0; index < values.length; index++) {
    const value = values[index] as number;
    if (value < -1 || value > MAX_ENTRY) {
      throw new RangeError(`${what}[${index}] = ${value} does not fit the serialized automaton`);
    }
    out += String.fromCharCode(value + SHIFT);
  }
  return out;
}

function decode<T extends Int32Array | Uint16Array>(text: string, into: T): T {
  for (let index = 0; index < text.length; index++) into[index] = text.charCodeAt(index) - SHIFT;
  return into;
}

/** Throws a RangeError when the automaton is too big for this format (the build then fails loudly). */
export function serializeAutomaton(automaton: Automaton): SerializedAutomaton {
  const pairs: number[] = [];
  automaton.classOf.forEach((cls, unit) => {
    if (cls !== 0) pairs.push(unit, cls);
  });
  // Code units themselves may be anything, including surrogates: store each as two bytes' worth.
  let classes = '';
  for (let index = 0; index < pairs.length; index += 2) {
    const unit = pairs[index] as number;
    classes += encode([unit >> 8, unit & 0xff, pairs[index + 1] as number], 'classes');
  }
  const { edgeStart, edgeTarget } = automaton;
  edgeTarget.forEach((target, edge) => {
    if (target !== edge + 1)
      throw new Error(`edge ${edge} leads to ${target}: states are not numbered breadth first`);
  });
  const childCount = new Int32Array(edgeStart.length - 1).map(
    (_, state) => (edgeStart[state + 1] as number) - (edgeStart[state] as number),
  );
  return {
    stride: automaton.stride,
    denseCount: automaton.denseCount,
    classes,
    childCount: encode(childCount, 'childCount'),
    edgeClass: encode(automaton.edgeClass, 'edgeClass'),
    fail: encode(automaton.fail, 'fail'),
    patternAt: encode(automaton.patternAt, 'patternAt'),
    patternLength: encode(automaton.patternLength, 'patternLength'),
  };
}

export function deserializeAutomaton(serialized: SerializedAutomaton): Automaton {
  const classOf = new Uint16Array(0x10000);
  const { classes } = serialized;
  for (let index = 0; index + 2 < classes.length; index += 3) {
    const unit = ((classes.charCodeAt(index) - SHIFT) << 8) | (classes.charCodeAt(index + 1) - SHIFT);
    classOf[unit] = classes.charCodeAt(index + 2) - SHIFT;
  }
  const int32 = (text: string) => decode(text, new Int32Array(text.length));
  const fail = int32(serialized.fail);
  const patternAt = int32(serialized.patternAt);
  const stateCount = fail.length;
  const edgeStart = new Int32Array(stateCount + 1);
  const outLink = new Int32Array(stateCount).fill(-1);
  for (let state = 0; state < stateCount; state++) {
    edgeStart[state + 1] = (edgeStart[state] as number) + serialized.childCount.charCodeAt(state) - SHIFT;
    // A failure state is shallower, so it comes earlier and its link is already known.
    if (state > 0)
      outLink[state] = (patternAt[state] as number) >= 0 ? state : (outLink[fail[state] as number] as number);
  }
  const edgeTarget = new Int32Array(Math.max(0, stateCount - 1));
  for (let edge = 0; edge < edgeTarget.length; edge++) edgeTarget[edge] = edge + 1;
  const links = {
    classOf,
    stride: serialized.stride,
    denseCount: serialized.denseCount,
    edgeStart,
    edgeClass: decode(serialized.edgeClass, new Uint16Array(serialized.edgeClass.length)),
    edgeTarget,
    fail,
    outLink,
    patternAt,
    patternLength: int32(serialized.patternLength),
  };
  return { ...links, dense: buildDenseRows(links) };
}
