/** Hover timing after Wikipedia's Page Previews: no work for 150 ms, the card at the hover delay, 300 ms grace to leave. */
export const PREFETCH_DELAY_MS = 150;
export const CLOSE_GRACE_MS = 300;

export interface Timers {
  setTimeout(run: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}

export interface HoverIntentOptions<T> {
  openDelayMs: () => number;
  onPrefetch: (target: T) => void;
  onOpen: (target: T) => void;
  onClose: () => void;
  timers?: Timers;
}

export interface HoverIntent<T> {
  /**
   * The pointer rests on a target (or moved to another one). `elapsedMs`: how long ago the
   * pointer got there; hit-testing runs in the next animation frame, and that wait must not
   * add to the hover delay.
   */
  enter(target: T, elapsedMs?: number): void;
  /** The pointer left every target. */
  leave(): void;
  /** The pointer entered or left the card itself. */
  enterCard(): void;
  leaveCard(): void;
  /** The card was opened or closed by other means (keyboard, popup, Escape). */
  reset(openTarget?: T): void;
  destroy(): void;
}

/** A small state machine with injected timers, so its timing is tested without waiting. */
export function createHoverIntent<T>(options: HoverIntentOptions<T>): HoverIntent<T> {
  const timers: Timers = options.timers ?? {
    setTimeout: (run, ms) => window.setTimeout(run, ms),
    clearTimeout: (handle) => window.clearTimeout(handle),
  };
  let pending: T | undefined;
  let open: T | undefined;
  let prefetchTimer: number | undefined;
  let openTimer: number | undefined;
  let closeTimer: number | undefined;

  function clear(handle: number | undefined): undefined {
    if (handle !== undefined) timers.clearTimeout(handle);
    return undefined;
  }

  function cancelPending(): void {
    prefetchTimer = clear(prefetchTimer);
    openTimer = clear(openTimer);
    pending = undefined;
  }

  function scheduleClose(): void {
    if (open === undefined || closeTimer !== undefined) return;
    closeTimer = timers.setTimeout(() => {
      closeTimer = undefined;
      open = undefined;
      options.onClose();
    }, CLOSE_GRACE_MS);
  }

  return {
    enter(target, elapsedMs = 0) {
      if (target === open) {
        closeTimer = clear(closeTimer);
        cancelPending();
        return;
      }
      if (target === pending) return;
      cancelPending();
      pending = target;
      const elapsed = Math.min(Math.max(0, elapsedMs), PREFETCH_DELAY_MS);
      const delay = Math.max(PREFETCH_DELAY_MS, options.openDelayMs()) - elapsed;
      prefetchTimer = timers.setTimeout(() => {
        prefetchTimer = undefined;
        options.onPrefetch(target);
      }, PREFETCH_DELAY_MS - elapsed);
      openTimer = timers.setTimeout(() => {
        openTimer = undefined;
        pending = undefined;
        closeTimer = clear(closeTimer);
        open = target;
        options.onOpen(target);
      }, delay);
    },
    leave() {
      cancelPending();
      scheduleClose();
    },
    enterCard() {
      closeTimer = clear(closeTimer);
      cancelPending();
    },
    leaveCard() {
      scheduleClose();
    },
    reset(openTarget) {
      cancelPending();
      closeTimer = clear(closeTimer);
      open = openTarget;
    },
    destroy() {
      cancelPending();
      closeTimer = clear(closeTimer);
      open = undefined;
    },
  };
}
