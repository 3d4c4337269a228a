/**
 * A trie over code-unit classes, states numbered breadth first (root 0), edges in CSR form. As
 * states are numbered in the order their edges are laid out, edge e leads to state e + 1: no
 * list of edge targets is kept.
 */
export interface Trie {
  classOf: Uint16Array;
  /** Number of classes + 1 (class 0 is "in no pattern"). */
  stride: number;
  stateCount: number;
  /** Children of `state` are `edgeStart[state]..edgeStart[state + 1]`, sorted by class. */
  edgeStart: Int32Array;
  edgeClass: Uint16Array;
  /** The pattern ending at each state, or -1. */
  patternAt: Int32Array;
}

/**
 * Classes numbered in code-unit order, so that sorting patterns as strings also sorts them
 * by class, and every state's children come out of `insertSorted` already in class order.
 */
function assignClasses(patterns: readonly string[]): { classOf: Uint16Array; stride: number } {
  const classOf = new Uint16Array(0x10000);
  const units: number[] = [];
  for (const pattern of patterns) {
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      if (classOf[unit] === 0) {
        classOf[unit] = 1;
        units.push(unit);
      }
    }
  }
  units.sort((a, b) => a - b);
  units.forEach((unit, index) => {
    classOf[unit] = index + 1;
  });
  return { classOf, stride: units.length + 1 };
}

/**
 * Insert the patterns in sorted order: each reuses the path of the prefix it shares with
 * the previous one and appends the rest. No hash map, and every state's children are
 * created in class order. States are numbered as created here.
 */
function insertSorted(patterns: readonly string[], classOf: Uint16Array) {
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

/** Build the trie of distinct, non-empty patterns, renumbered breadth first. */
export function buildTrie(patterns: readonly string[]): Trie {
  const { classOf, stride } = assignClasses(patterns);
  const trie = insertSorted(patterns, classOf);
  const stateCount = trie.stateCount;

  // Children of each state in creation numbering (creation order is class order).
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

  // Renumber breadth first (shallow states first) and lay out the CSR edges.
  const order = new Int32Array(stateCount);
  const edgeStart = new Int32Array(stateCount + 1);
  const edgeClass = new Uint16Array(Math.max(0, stateCount - 1));
  const patternAt = new Int32Array(stateCount);
  let assigned = 1;
  for (let position = 0; position < stateCount; position++) {
    const old = order[position] as number;
    edgeStart[position] = assigned - 1;
    patternAt[position] = trie.patternAt[old] as number;
    for (let c = childStart[old] as number; c < (childStart[old + 1] as number); c++) {
      const child = children[c] as number;
      order[assigned] = child;
      // Edge `assigned - 1` leads to state `assigned`.
      edgeClass[assigned - 1] = trie.label[child] as number;
      assigned++;
    }
  }
  edgeStart[stateCount] = stateCount - 1;
  return { classOf, stride, stateCount, edgeStart, edgeClass, patternAt };
}
