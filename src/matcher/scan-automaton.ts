import type { Automaton } from './build-automaton.ts';
import { stepAutomaton } from './step-automaton.ts';

/**
 * Run the automaton over already-folded `units[0..length)` and report every pattern
 * occurrence (overlapping ones included) as `onMatch(patternIndex, end)`, `end` exclusive.
 * The matcher itself folds and scans in one pass (fold-and-scan.ts); this is the automaton
 * alone, for tests and for the benchmark's comparison with other automata.
 */
export function scanAutomaton(
  automaton: Automaton,
  units: Uint16Array,
  length: number,
  onMatch: (patternIndex: number, end: number) => void,
): void {
  const { classOf, outLink, fail, patternAt } = automaton;
  let state = 0;
  for (let i = 0; i < length; i++) {
    const cls = classOf[units[i] as number] as number;
    state = cls === 0 ? 0 : stepAutomaton(automaton, state, cls);
    for (let out = outLink[state] as number; out >= 0; out = outLink[fail[out] as number] as number) {
      onMatch(patternAt[out] as number, i + 1);
    }
  }
}
