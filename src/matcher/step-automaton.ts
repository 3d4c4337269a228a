import type { Automaton } from './build-automaton.ts';

/**
 * The state after reading one folded code unit of class `cls` (> 0) in `state`. Dense
 * states take one table read; deeper states follow failure links until a transition or a
 * dense state. Small on purpose, so the JIT inlines it into the scanning loop.
 */
export function stepAutomaton(automaton: Automaton, state: number, cls: number): number {
  const { denseCount, edgeStart, edgeClass } = automaton;
  let current = state;
  while (current >= denseCount) {
    const stop = edgeStart[current + 1] as number;
    for (let e = edgeStart[current] as number; e < stop; e++) {
      const edge = edgeClass[e] as number;
      // Edge e leads to state e + 1 (build-trie.ts).
      if (edge === cls) return e + 1;
      if (edge > cls) break;
    }
    current = automaton.fail[current] as number;
  }
  const next = automaton.dense[current * automaton.stride + cls] as number;
  // ~next when negative (a pattern ends there), else next, without a branch: the JIT compiled
  // `next < 0 ? ~next : next` before a scan took the first arm, and threw the code away when
  // one did (traced in headless Chromium 156).
  return next ^ (next >> 31);
}
