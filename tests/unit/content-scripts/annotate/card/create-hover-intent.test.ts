import { describe, expect, it } from 'vitest';
import {
  createHoverIntent,
  type Timers,
} from '../../../../../content-scripts/annotate/card/create-hover-intent.ts';

/** A manual clock: timers fire only when the test advances time. */
function createFakeTimers(): Timers & { advance(ms: number): void } {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; run: () => void }>();
  return {
    setTimeout(run, ms) {
      const id = nextId++;
      pending.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout(id) {
      pending.delete(id);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...pending].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = end;
    },
  };
}

function setUp(delay = 500) {
  const timers = createFakeTimers();
  const events: string[] = [];
  const intent = createHoverIntent<string>({
    openDelayMs: () => delay,
    onPrefetch: (target) => events.push(`prefetch ${target}`),
    onOpen: (target) => events.push(`open ${target}`),
    onClose: () => events.push('close'),
    timers,
  });
  return { timers, events, intent };
}

describe('create-hover-intent', () => {
  describe('createHoverIntent', () => {
    // Elapsed 12: the hit-test ran 12 ms after the pointer got there, and both delays count from then.
    it.each([
      ['does nothing for the first 150 ms, prefetches then, and opens at the hover delay', 0],
      ['counts the delay from when the pointer got there, not from when the hit-test ran', 12],
    ])('%s', (_, elapsed) => {
      const { timers, events, intent } = setUp();
      intent.enter('putin', elapsed);
      timers.advance(149 - elapsed);
      expect(events).toEqual([]);
      timers.advance(1);
      expect(events).toEqual(['prefetch putin']);
      timers.advance(349);
      expect(events).toEqual(['prefetch putin']);
      timers.advance(1);
      expect(events).toEqual(['prefetch putin', 'open putin']);
    });

    it('skips at most the quiet 150 ms, whatever elapsed time it is given', () => {
      const { timers, events, intent } = setUp();
      intent.enter('putin', 10_000);
      timers.advance(349);
      expect(events).toEqual(['prefetch putin']);
      timers.advance(1);
      expect(events).toEqual(['prefetch putin', 'open putin']);
    });

    it('never opens a card for a pointer just passing over a name', () => {
      const { timers, events, intent } = setUp();
      intent.enter('putin');
      timers.advance(100);
      intent.leave();
      timers.advance(2_000);
      expect(events).toEqual([]);
    });

    it('keeps the card open while the pointer moves into it and closes 300 ms after it leaves', () => {
      const { timers, events, intent } = setUp();
      intent.enter('lavrov');
      timers.advance(500);
      intent.leave();
      timers.advance(200);
      intent.enterCard();
      timers.advance(1_000);
      expect(events).not.toContain('close');
      intent.leaveCard();
      timers.advance(299);
      expect(events).not.toContain('close');
      timers.advance(1);
      expect(events.at(-1)).toBe('close');
    });

    it('switches to another name without flicker when the pointer moves between names', () => {
      const { timers, events, intent } = setUp(300);
      intent.enter('kabul');
      timers.advance(300);
      intent.enter('moscow');
      timers.advance(300);
      expect(events).toEqual(['prefetch kabul', 'open kabul', 'prefetch moscow', 'open moscow']);
    });

    it('forgets everything on reset and destroy', () => {
      const { timers, events, intent } = setUp();
      intent.enter('taliban');
      intent.reset();
      intent.enter('sochi');
      intent.destroy();
      timers.advance(5_000);
      expect(events).toEqual([]);
    });
  });
});
