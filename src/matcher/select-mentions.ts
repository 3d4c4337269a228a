import type { AliasRecord } from './compile-patterns.ts';

/** A verified alias match; `start`/`end` index the folded text, `length` is in folded units. */
export interface Candidate {
  start: number;
  end: number;
  record: AliasRecord;
}

function rankCandidates(a: Candidate, b: Candidate): number {
  return (
    b.end - b.start - (a.end - a.start) ||
    (a.record.strength === b.record.strength ? 0 : a.record.strength === 'strong' ? -1 : 1) ||
    a.start - b.start ||
    a.record.order - b.record.order
  );
}

/** Index of the first accepted candidate whose start is >= `position` (accepted is sorted by start). */
function findInsertionIndex(accepted: readonly Candidate[], position: number): number {
  let low = 0;
  let high = accepted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((accepted[middle] as Candidate).start < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Choose non-overlapping mentions: the longest match wins ("Islamic Emirate of Afghanistan"
 * over "Afghanistan", "Sergey Lavrov" over "Lavrov"), then a strong alias over a weak one,
 * then the leftmost, then store order (two entities sharing one alias: the first listed).
 * Returns the winners sorted by start.
 */
export function selectMentions(candidates: readonly Candidate[]): Candidate[] {
  if (candidates.length < 2) return [...candidates];
  const accepted: Candidate[] = [];
  for (const candidate of [...candidates].sort(rankCandidates)) {
    const at = findInsertionIndex(accepted, candidate.start);
    const previous = accepted[at - 1];
    const next = accepted[at];
    if (previous !== undefined && previous.end > candidate.start) continue;
    if (next !== undefined && next.start < candidate.end) continue;
    accepted.splice(at, 0, candidate);
  }
  return accepted;
}
