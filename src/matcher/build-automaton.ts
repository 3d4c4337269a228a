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

/**
 * Classes numbered in code-unit order, so that sorting patterns as strings also sorts them
 * by class, and every state's children come out of `buildTrie` already in class order.
 */
function assignClasses(patterns: readonly string[]): { classOf: Uint16Array; stride: number } {
  const classOf = new Uint16Array(0x10000);
  for (const pattern of patterns) {
    for (let i = 0; i < pattern.length; i++) classOf[pattern.charCodeAt(i)] = 1;
  }
  let classCount = 0;
  for (let unit = 0; unit < 0x10000; unit++) if (classOf[unit] === 1) classOf[unit] = ++classCount;
  return { classOf, stride: classCount + 1 };
}

/**
 * The trie, built from the patterns in sorted order: each pattern reuses the path of the
 * common prefix with the previous one and appends the rest. No hash map, and every state's
 * children are created in class order. States are numbered as created (root 0).
 */
function buildTrie(patterns: readonly string[], classOf: Uint16Array) {
  const sorted = patterns
    .map((_, index) => index)
    .sort((a, b) => {
      const x = patterns[a] as string;
      const y = patterns[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  let capacity = 1;
  let longest = 0;
  for (const pattern of patterns) {
    capacity += pattern.length;
    longest = Math.max(longest, pattern.length);
  }
  const parent = new Int32Array(capacity);
  const label = new Uint16Array(capacity);
  const patternAt = new Int32Array(capacity).fill(-1);
  const path = new Int32Array(longest + 1);
  let previous = '';
  let stateCount = 1;
  for (const index of sorted) {
    const pattern = patterns[index] as string;
    let shared = 0;
    while (shared < pattern.length && shared < previous.length && pattern[shared] === previous[shared])
      shared++;
    for (let i = shared; i < pattern.length; i++) {
      parent[stateCount] = path[i] as number;
      label[stateCount] = classOf[pattern.charCodeAt(i)] as number;
      path[i + 1] = stateCount++;
    }
    patternAt[path[pattern.length] as number] = index;
    previous = pattern;
  }
  return { parent, label, patternAt, stateCount };
}

/** Build the automaton for distinct, non-empty patterns (already folded). */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  const { classOf, stride } = assignClasses(patterns);
  const trie = buildTrie(patterns, classOf);
  const stateCount = trie.stateCount;

  // Children of each trie state (creation order is class order), as CSR over trie numbers.
  const childStart = new Int32Array(stateCount + 1);
  for (let s = 1; s < stateCount; s++) (childStart[(trie.parent[s] as number) + 1] as number)++;
  for (let s = 0; s < stateCount; s++)
    childStart[s + 1] = (childStart[s + 1] as number) + (childStart[s] as number);
  const children = new Int32Array(Math.max(0, stateCount - 1));
  const fill = childStart.slice(0, stateCount);
  for (let s = 1; s < stateCount; s++) {
    const p = trie.parent[s] as number;
    children[fill[p] as number] = s;
    fill[p] = (fill[p] as number) + 1;
  }

  // Renumber breadth first (shallow states first) and lay out the final CSR edges.
  const order = new Int32Array(stateCount);
  const edgeStart = new Int32Array(stateCount + 1);
  const edgeClass = new Uint16Array(Math.max(0, stateCount - 1));
  const edgeTarget = new Int32Array(Math.max(0, stateCount - 1));
  const patternAt = new Int32Array(stateCount);
  let assigned = 1;
  for (let position = 0; position < stateCount; position++) {
    const old = order[position] as number;
    edgeStart[position] = assigned - 1;
    patternAt[position] = trie.patternAt[old] as number;
    for (let c = childStart[old] as number; c < (childStart[old + 1] as number); c++) {
      const child = children[c] as number;
      order[assigned] = child;
      edgeClass[assigned - 1] = trie.label[child] as number;
      edgeTarget[assigned - 1] = assigned++;
    }
  }
  edgeStart[stateCount] = stateCount - 1;

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
    if (state === 0) continue;
    for (let e = edgeStart[state] as number; e < (edgeStart[state + 1] as number); e++) {
      const cls = edgeClass[e] as number;
      let f = fail[state] as number;
      let target = findChild(f, cls);
      while (target < 0 && f !== 0) {
        f = fail[f] as number;
        target = findChild(f, cls);
      }
      fail[edgeTarget[e] as number] = Math.max(target, 0);
    }
  }

  // Dense rows: a state's row is its failure state's row with its own edges on top.
  const denseCount = Math.min(stateCount, Math.max(1, Math.floor(DENSE_BUDGET / stride)));
  const dense = new Int32Array(denseCount * stride);
  for (let state = 0; state < denseCount; state++) {
    const row = state * stride;
    const failRow = (fail[state] as number) * stride;
    if (state > 0) dense.copyWithin(row, failRow, failRow + stride);
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
