import { buildSeamTable } from './build-seam-table.ts';
import { buildTrie } from './build-trie.ts';

/**
 * Aho–Corasick automaton over UTF-16 code units of folded text, in flat typed arrays.
 *
 * Why our own and not `modern-ahocorasick` 3.3 (installed): measured with
 * `npm run bench:matcher` on ~10 MB of generated page text and the bundled store, the
 * automaton stage alone on already-folded text, same patterns, CPU time on this shared
 * 2-core machine: ours ~150-250 MB/s; modern-ahocorasick ~6-9 MB/s with its default
 * backend and ~1 MB/s with its double-array `fast` backend. It segments text into grapheme
 * clusters with Intl.Segmenter and builds a match object per hit. It would also need our
 * folding, offset map and word-boundary checks around it anyway (it neither folds nor maps
 * offsets through removed characters), and `src/matcher` may import nothing but store
 * types. The bench prints both numbers on every run.
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
 *   (`edgeStart[state]..edgeStart[state + 1]` into `edgeClass`; edge e leads to state e + 1) and follow
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
  /**
   * Complete transitions of dense states: `dense[state * stride + class]` is the next state,
   * or its bitwise complement (negative) when some pattern ends there, so the scan needs no
   * second lookup for the common "nothing ends here" case.
   */
  dense: Int32Array;
  edgeStart: Int32Array;
  edgeClass: Uint16Array;
  fail: Int32Array;
  outLink: Int32Array;
  patternAt: Int32Array;
  patternLength: Int32Array;
  /**
   * The seam table (build-seam-table.ts), null when any two pieces of text can join; absent
   * when it was not shipped (an automaton of more than MAX_SHIPPED_SEAM_STRIDE classes): the
   * matcher then builds it on the first seam it is asked about.
   */
  seams?: Uint8Array | null;
}

/**
 * Dense-row budget in table entries (4 bytes each): 128 KB. Measured on the bench text with
 * the bundled store: 337 dense rows (depth <= 2 and some of 3) scan as fast as 1,351 rows
 * (512 KB), cost a quarter of the compile time and memory; 84 rows were 25% slower.
 */
const DENSE_BUDGET = 1 << 15;

/**
 * Build the automaton for distinct, non-empty patterns (already folded). One breadth-first
 * pass computes failure and output links and the dense rows together: the failure target of
 * a child is one lookup in its parent's failure state's dense row (built earlier, because
 * failure states are shallower), so even a cold, unoptimized first compile stays cheap.
 */
export function buildAutomaton(patterns: readonly string[], denseBudget = DENSE_BUDGET): Automaton {
  const { classOf, stride, stateCount, edgeStart, edgeClass, patternAt } = buildTrie(patterns);
  const denseCount = Math.min(stateCount, Math.max(1, Math.floor(denseBudget / stride)));
  const dense = new Int32Array(denseCount * stride);
  const fail = new Int32Array(stateCount);
  const outLink = new Int32Array(stateCount).fill(-1);

  for (let state = 0; state < stateCount; state++) {
    for (let e = edgeStart[state] as number; e < (edgeStart[state + 1] as number); e++) {
      const child = e + 1;
      const cls = edgeClass[e] as number;
      // The child's failure state: the complete transition from this state's failure state.
      let childFail = 0;
      if (state > 0) {
        let from = fail[state] as number;
        childFail = -1;
        while (childFail < 0 && from >= denseCount) {
          for (let f = edgeStart[from] as number; f < (edgeStart[from + 1] as number); f++) {
            if (edgeClass[f] === cls) childFail = f + 1;
          }
          from = fail[from] as number;
        }
        if (childFail < 0) {
          const next = dense[from * stride + cls] as number;
          childFail = next < 0 ? ~next : next;
        }
      }
      fail[child] = childFail;
      outLink[child] = (patternAt[child] as number) >= 0 ? child : (outLink[childFail] as number);
    }
    if (state < denseCount)
      fillDenseRows(dense, state, state + 1, stride, fail, edgeStart, edgeClass, outLink);
  }

  const patternLength = Int32Array.from(patterns, (p) => p.length);
  return {
    classOf,
    stride,
    denseCount,
    dense,
    edgeStart,
    edgeClass,
    fail,
    outLink,
    patternAt,
    patternLength,
    seams: buildSeamTable({ stride, edgeStart, edgeClass, patternAt, classOf }),
  };
}

/**
 * Fills the dense rows of states `from` to `to` (exclusive): each is its failure state's row
 * (already filled: failure states are shallower) with the state's own edges on top; edge e leads
 * to state e + 1. One loop for many rows, as every page runs it once for all of them in a cold
 * engine (buildDenseRows), where a call per row cost three times the work (0.9 against 0.3 ms
 * for the 337 rows of the bundled store, median of 20 cold pages, headless Chromium 156).
 */
function fillDenseRows(
  dense: Int32Array,
  from: number,
  to: number,
  stride: number,
  fail: Int32Array,
  edgeStart: Int32Array,
  edgeClass: Uint16Array,
  outLink: Int32Array,
): void {
  for (let state = from; state < to; state++) {
    const row = state * stride;
    if (state > 0) {
      const failRow = (fail[state] as number) * stride;
      dense.copyWithin(row, failRow, failRow + stride);
    }
    const end = edgeStart[state + 1] as number;
    for (let edge = edgeStart[state] as number; edge < end; edge++) {
      dense[row + (edgeClass[edge] as number)] = (outLink[edge + 1] as number) >= 0 ? ~(edge + 1) : edge + 1;
    }
  }
}

/** The dense rows of an automaton whose links were computed elsewhere (at build time, see serialize-automaton.ts). */
export function buildDenseRows(automaton: Omit<Automaton, 'dense'>): Int32Array {
  const { stride, denseCount, fail, edgeStart, edgeClass, outLink } = automaton;
  const dense = new Int32Array(denseCount * stride);
  fillDenseRows(dense, 0, denseCount, stride, fail, edgeStart, edgeClass, outLink);
  return dense;
}
