/**
 * Instrumentation for `npm run bench` only. `__CC_BENCH__` is set by vite's
 * `define` (true when CC_BENCH=1, false otherwise); callers write
 * `if (IS_BENCH) recordBenchTask(...)`, so the production build folds the
 * branch away and carries no trace of this file. Unit tests run without the
 * define, hence the typeof guard.
 *
 * The marks land in the page's Performance timeline (content scripts share it),
 * where the bench reads them: `cc:task` measures are our main-thread tasks,
 * `cc:start` and `cc:complete` bracket the first full annotation.
 */
declare global {
  const __CC_BENCH__: boolean | undefined;
}

export const IS_BENCH = typeof __CC_BENCH__ !== 'undefined' && __CC_BENCH__ === true;

/** Records one task of ours, from `startTime` (performance.now()) to now. */
export function recordBenchTask(kind: string, startTime: number): void {
  performance.measure('cc:task', { start: startTime, end: performance.now(), detail: kind });
}

/** Marks a moment once per document (the first call wins). */
export function markBenchOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
