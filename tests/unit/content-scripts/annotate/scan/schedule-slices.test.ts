import { describe, expect, it } from 'vitest';
import { createSliceScheduler } from '../../../../../content-scripts/annotate/scan/schedule-slices.ts';

describe('schedule-slices', () => {
  describe('createSliceScheduler', () => {
    it('stops each slice at its budget and queues the rest for later', () => {
      let clock = 0;
      const queued: (() => void)[] = [];
      let itemsLeft = 100;
      const perSlice: number[] = [];
      const scheduler = createSliceScheduler({
        now: () => clock,
        budgetMs: 8,
        queue: (run) => {
          queued.push(run);
          return () => undefined;
        },
        work: (hasTime) => {
          let done = 0;
          while (itemsLeft > 0 && hasTime()) {
            itemsLeft--;
            done++;
            clock += 1; // each item costs 1 ms
          }
          perSlice.push(done);
          return itemsLeft > 0;
        },
      });
      scheduler.request();
      while (queued.length) (queued.shift() as () => void)();
      expect(itemsLeft).toBe(0);
      expect(Math.max(...perSlice)).toBeLessThanOrEqual(8);
      expect(perSlice.reduce((sum, count) => sum + count, 0)).toBe(100);
    });

    it('runs nothing after destroy', () => {
      const queued: (() => void)[] = [];
      let ran = 0;
      const scheduler = createSliceScheduler({
        queue: (run) => {
          queued.push(run);
          return () => queued.splice(queued.indexOf(run), 1);
        },
        work: () => {
          ran++;
          return true;
        },
      });
      scheduler.request();
      scheduler.destroy();
      for (const run of queued) run();
      expect(ran).toBe(0);
    });
  });
});
