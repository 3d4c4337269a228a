/** Sorted, disjoint [start, end) intervals in two flat arrays. */
export interface Intervals {
  starts: number[];
  ends: number[];
}

/** Index of the first interval whose end is after `at`. */
export function findFirstEndingAfter(intervals: Intervals, at: number): number {
  let low = 0;
  let high = intervals.ends.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((intervals.ends[middle] as number) <= at) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function isIntersecting(intervals: Intervals, start: number, end: number): boolean {
  const index = findFirstEndingAfter(intervals, start);
  return index < intervals.starts.length && (intervals.starts[index] as number) < end;
}

/** How much of [start, end) the intervals cover. */
export function measureCovered(intervals: Intervals, start: number, end: number): number {
  let covered = 0;
  for (let index = findFirstEndingAfter(intervals, start); index < intervals.starts.length; index++) {
    const from = Math.max(start, intervals.starts[index] as number);
    if (from >= end) break;
    covered += Math.min(end, intervals.ends[index] as number) - from;
  }
  return covered;
}

/** Sorts and merges [start, end) pairs given in two arrays. */
export function mergeIntervals(starts: number[], ends: number[]): Intervals {
  const order = starts.map((_, index) => index).sort((a, b) => (starts[a] as number) - (starts[b] as number));
  const merged: Intervals = { starts: [], ends: [] };
  for (const index of order) {
    const start = starts[index] as number;
    const end = ends[index] as number;
    const last = merged.ends.length - 1;
    if (last >= 0 && start <= (merged.ends[last] as number))
      merged.ends[last] = Math.max(merged.ends[last] as number, end);
    else {
      merged.starts.push(start);
      merged.ends.push(end);
    }
  }
  return merged;
}
