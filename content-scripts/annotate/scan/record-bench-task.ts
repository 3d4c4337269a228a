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

/**
 * The floor in our own world: the bare walk (every text node, reading its data) run by the
 * content script itself, first thing, on a page it has not touched. Node wrappers of an
 * extension's isolated world live in a per-world map rather than in the node, so the same
 * walk costs more here than in the page's world; the bench reports both floors.
 */
export function measureFloorInOwnWorld(document: Document): void {
  const started = performance.now();
  const detail = walkEveryTextNode(document);
  performance.measure('cc:floor', { start: started, end: performance.now(), detail });
}

/** The floor walk itself: every text node, reading its data. The bench runs the same source in the page's world. */
export function walkEveryTextNode(document: Document): { nodes: number; chars: number } {
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
  let nodes = 0;
  let chars = 0;
  while (walker.nextNode()) {
    nodes++;
    chars += (walker.currentNode as Text).data.length;
  }
  return { nodes, chars };
}
