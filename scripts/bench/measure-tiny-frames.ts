import type { BrowserContext } from 'playwright-core';
import { readOurTasks, summariseTasks, waitForComplete } from './measure-page.ts';

export interface TinyFramesCost {
  frames: number;
  /** Our main-thread time in all the page's subframes together, fastest load. */
  totalMs: number;
  totalsOfLoads: number[];
  /** Subframes in which a session started (a 'start' task), fastest load: 0 is the expected answer. */
  sessionsStarted: number;
}

/** Time after the top frame is done for the frames to do whatever they would. */
const SETTLE_MS = 2_000;

/**
 * Loads a page of 1 × 1 frames `loads` times and sums our tasks in its subframes (their
 * srcdoc documents share the page's process and main thread, so this is time the page loses).
 */
export async function measureTinyFrames(
  context: BrowserContext,
  url: string,
  loads: number,
): Promise<TinyFramesCost | undefined> {
  const runs: Omit<TinyFramesCost, 'totalsOfLoads'>[] = [];
  for (let load = 0; load < loads; load++) {
    const tab = await context.newPage();
    await tab.goto(url, { waitUntil: 'load' });
    if (await waitForComplete(tab)) {
      await tab.waitForTimeout(SETTLE_MS);
      const subframes = tab.frames().filter((frame) => frame !== tab.mainFrame());
      let totalMs = 0;
      let sessionsStarted = 0;
      for (const frame of subframes) {
        const { tasks } = await readOurTasks(frame);
        totalMs += summariseTasks(tasks).totalMs;
        if (tasks.some((task) => task.kind === 'start')) sessionsStarted++;
      }
      runs.push({ frames: subframes.length, totalMs, sessionsStarted });
    }
    await tab.close();
  }
  if (runs.length === 0) return undefined;
  const fastest = runs.reduce((best, run) => (run.totalMs < best.totalMs ? run : best));
  return { ...fastest, totalsOfLoads: runs.map((run) => run.totalMs) };
}
