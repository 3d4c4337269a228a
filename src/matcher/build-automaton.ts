/**
 * Aho–Corasick automaton over UTF-16 code units of folded text, in flat typed arrays.
 *
 * Why our own and not `modern-ahocorasick` (measured with `npm run bench:matcher`, ~10 MB of
 * mixed page text, the automaton stage alone on already-folded text): see the numbers the
 * bench prints on every run; on this machine ours scans at a few hundred MB/s while
 * modern-ahocorasick 3.3 (default and `fast` double-array backends) scans at 1–10 MB/s,
 * because it segments the text into grapheme clusters with Intl.Segmenter and builds a
 * match object per hit. It would also need our folding, offset map and word-boundary pass
 * around it anyway (it neither folds nor maps offsets through removed characters), and
 * `src/matcher` may import nothing but store types.
 *
 * Layout:
 * - `classOf[unit]`: every code unit that occurs in some pattern gets a class 1..K; 0 means
 *   "in no pattern", which sends the scan straight back to the root.
 * - states are numbered breadth first, so the shallow states, where a scan spends nearly
 *   all its time, come first. The first `denseCount` of them get a complete transition row
 *   (a DFA row: failures already resolved), one table read per character. Rows cost
 *   `stride` ints each, so only a budgeted number of states get one; this keeps memory
 *   bounded for big stores (the content script builds one matcher per frame).
 * - deeper states keep their few transitions sorted by class in CSR form
 *   (`edgeStart[state]..edgeStart[state + 1]` into `edgeClass` / `edgeTarget`) and follow
 *   failure links (`fail`) until they reach a transition or a dense state.
 * - `outLink[state]`: the nearest state on the failure chain (itself included) where a
 *   pattern ends, or -1; `patternAt[state]` that pattern.
 */
export interface Automaton {
  classOf: Uint16Array;
  /** Number of classes + 1 (class 0 is "in no pattern"). */
  stride: number;
  /** States below this number have a dense row. */
  denseCount: number;
  /** Complete transitions of dense states: `dense[state * stride + class]`. */
  dense: Int32Array;
  edgeStart: Int32Array;
  edgeClass: Uint16Array;
  edgeTarget: Int32Array;
  fail: Int32Array;
  outLink: Int32Array;
  patternAt: Int32Array;
  patternLength: Int32Array;
}

/** Dense-row budget in table entries (4 bytes each): 512 KB at most. */
const DENSE_BUDGET = 1 << 17;

function assignClasses(patterns: readonly string[]): { classOf: Uint16Array; stride: number } {
  const classOf = new Uint16Array(0x10000);
  let classCount = 0;
  for (const pattern of patterns) {
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      if (classOf[unit] === 0) classOf[unit] = ++classCount;
    }
  }
  return { classOf, stride: classCount + 1 };
}

/** The trie as a Map from `state * stride + class` to child, states numbered as created. */
function buildTrie(patterns: readonly string[], classOf: Uint16Array, stride: number) {
  const edges = new Map<number, number>();
  const patternAt: number[] = [-1];
  patterns.forEach((pattern, patternIndex) => {
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const key = state * stride + (classOf[pattern.charCodeAt(i)] as number);
      let next = edges.get(key);
      if (next === undefined) {
        next = patternAt.length;
        edges.set(key, next);
        patternAt.push(-1);
      }
      state = next;
    }
    patternAt[state] = patternIndex;
  });
  return { edges, patternAt, stateCount: patternAt.length };
}

/** Build the automaton for distinct, non-empty patterns (already folded). */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  const { classOf, stride } = assignClasses(patterns);
  const trie = buildTrie(patterns, classOf, stride);
  const stateCount = trie.stateCount;

  // Children of each trie state, in class order (sorted keys group them by state).
  const keys = [...trie.edges.keys()].sort((a, b) => a - b);
  const firstKey = new Int32Array(stateCount + 1).fill(-1);
  for (let k = keys.length - 1; k >= 0; k--) firstKey[Math.floor((keys[k] as number) / stride)] = k;

  // Renumber breadth first and lay out the CSR edges in the new numbering.
  const newId = new Int32Array(stateCount);
  const order = new Int32Array(stateCount);
  const edgeStart = new Int32Array(stateCount + 1);
  const edgeClass = new Uint16Array(keys.length);
  const edgeTarget = new Int32Array(keys.length);
  let assigned = 1;
  let edgeCount = 0;
  for (let position = 0; position < stateCount; position++) {
    const old = order[position] as number;
    edgeStart[position] = edgeCount;
    for (let k = firstKey[old] as number; k >= 0 && k < keys.length; k++) {
      const key = keys[k] as number;
      if (Math.floor(key / stride) !== old) break;
      const child = trie.edges.get(key) as number;
      order[assigned] = child;
      newId[child] = assigned;
      edgeClass[edgeCount] = key - old * stride;
      edgeTarget[edgeCount++] = assigned++;
    }
  }
  edgeStart[stateCount] = edgeCount;
  const patternAt = new Int32Array(stateCount);
  for (let old = 0; old < stateCount; old++) patternAt[newId[old] as number] = trie.patternAt[old] as number;

  const findChild = (state: number, cls: number): number => {
    for (let e = edgeStart[state] as number; e < (edgeStart[state + 1] as number); e++) {
      if (edgeClass[e] === cls) return edgeTarget[e] as number;
    }
    return -1;
  };

  // Failure and output links; breadth-first order means parents come before children.
  const fail = new Int32Array(stateCount);
  const outLink = new Int32Array(stateCount).fill(-1);
  for (let state = 0; state < stateCount; state++) {
    if ((patternAt[state] as number) >= 0) outLink[state] = state;
    else if (state > 0) outLink[state] = outLink[fail[state] as number] as number;
    for (let e = edgeStart[state] as number; e < (edgeStart[state + 1] as number); e++) {
      const child = edgeTarget[e] as number;
      if (state === 0) continue;
      let f = fail[state] as number;
      let target = findChild(f, edgeClass[e] as number);
      while (target < 0 && f !== 0) {
        f = fail[f] as number;
        target = findChild(f, edgeClass[e] as number);
      }
      fail[child] = Math.max(target, 0);
    }
  }

  // Dense rows: a state's row is its failure state's row with its own edges on top.
  const denseCount = Math.min(stateCount, Math.max(1, Math.floor(DENSE_BUDGET / stride)));
  const dense = new Int32Array(denseCount * stride);
  for (let state = 0; state < denseCount; state++) {
    const row = state * stride;
    if (state > 0)
      dense.copyWithin(row, (fail[state] as number) * stride, (fail[state] as number) * stride + stride);
    for (let e = edgeStart[state] as number; e < (edgeStart[state + 1] as number); e++) {
      dense[row + (edgeClass[e] as number)] = edgeTarget[e] as number;
    }
  }

  const patternLength = Int32Array.from(patterns, (p) => p.length);
  return {
    classOf,
    stride,
    denseCount,
    dense,
    edgeStart,
    edgeClass,
    edgeTarget,
    fail,
    outLink,
    patternAt,
    patternLength,
  };
}
