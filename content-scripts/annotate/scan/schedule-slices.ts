import { IS_BENCH, recordBenchTask } from './record-bench-task.ts';

/** Work in slices well under the 50 ms long-task threshold, so the page never stutters because of us. */
export const SLICE_BUDGET_MS = 8;

export interface SliceScheduler {
  /** Runs `work` in slices until it returns false; `hasTime()` says whether the slice has budget left. */
  request(): void;
  destroy(): void;
}

export interface SchedulerOptions {
  /** Does some work; returns true while more remains. */
  work: (hasTime: () => boolean) => boolean;
  now?: () => number;
  /** Where to queue the next slice; idle time by default. */
  queue?: (run: () => void) => () => void;
  budgetMs?: number;
}

function queueIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    // The timeout keeps annotation going on pages that are never idle.
    const handle = requestIdleCallback(run, { timeout: 200 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, 0);
  return () => clearTimeout(handle);
}

export function createSliceScheduler(options: SchedulerOptions): SliceScheduler {
  const now = options.now ?? (() => performance.now());
  const queue = options.queue ?? queueIdle;
  const budget = options.budgetMs ?? SLICE_BUDGET_MS;
  let cancel: (() => void) | undefined;
  let destroyed = false;

  function runSlice(): void {
    cancel = undefined;
    if (destroyed) return;
    const started = now();
    const deadline = started + budget;
    const more = options.work(() => now() < deadline);
    if (more) request();
    if (IS_BENCH) recordBenchTask('slice', started);
  }

  function request(): void {
    if (cancel || destroyed) return;
    cancel = queue(runSlice);
  }

  return {
    request,
    destroy() {
      destroyed = true;
      cancel?.();
      cancel = undefined;
    },
  };
}
