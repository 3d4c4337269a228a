import type { Page } from 'playwright-core';
import { readOurTasks, summariseTasks, waitForComplete } from './measure-page.ts';

export interface LivePageCost {
  /** Our time per added KB (1 KB = 1,024 characters of text) in each tenth of the run. */
  msPerKbByTenth: number[];
  firstTenthMsPerKb: number;
  lastTenthMsPerKb: number;
  /** last / first; the target is at most 1.5. */
  ratio: number;
  addedKb: number;
  totalMs: number;
  longestTaskMs: number;
  mentions: number;
  /** The page's HTML at the end, so the bench can check a fresh load of it finds as many mentions. */
  finalHtml: string;
  /** Mentions found on a fresh load of `finalHtml` (filled in by the bench): must equal `mentions`. */
  mentionsOnFreshLoad?: number;
}

/**
 * The live page appends 1,000 paragraphs over 10 s. Our tasks (mutation
 * callbacks and re-scan slices) are assigned to the tenth of the run in which
 * they start; the last tenth also takes everything until we are done.
 */
export async function measureLivePage(page: Page, url: string): Promise<LivePageCost | undefined> {
  await page.goto(url, { waitUntil: 'load' });
  if (!(await waitForComplete(page))) return undefined;
  const before = (await readOurTasks(page)).tasks.length;
  const log = await page.evaluate(
    () => (window as unknown as { __ccStartLive: () => Promise<[number, number][]> }).__ccStartLive(),
    undefined,
  );
  await page.waitForTimeout(1_500);
  const tasks = (await readOurTasks(page)).tasks.slice(before);
  const mentions = await page.evaluate(() => {
    let count = 0;
    CSS.highlights.forEach((highlight, name) => {
      if (String(name).startsWith('cc-') && name !== 'cc-active') count += highlight.size;
    });
    return count;
  });
  const ticks = log.length;
  const perTenth = Math.ceil(ticks / 10);
  const msPerKbByTenth: number[] = [];
  for (let tenth = 0; tenth < 10; tenth++) {
    const first = log[tenth * perTenth];
    const last = log[Math.min(ticks, (tenth + 1) * perTenth) - 1];
    if (!first || !last) break;
    const previousChars = tenth === 0 ? 0 : (log[tenth * perTenth - 1] as [number, number])[1];
    const windowStart = first[0];
    const windowEnd =
      tenth === 9 ? Number.POSITIVE_INFINITY : (log[(tenth + 1) * perTenth] as [number, number])[0];
    const addedKb = (last[1] - previousChars) / 1024;
    const ms = tasks
      .filter((task) => task.start >= windowStart - 1 && task.start < windowEnd)
      .reduce((sum, task) => sum + task.duration, 0);
    msPerKbByTenth.push(ms / addedKb);
  }
  const summary = summariseTasks(tasks);
  const firstTenthMsPerKb = msPerKbByTenth[0] ?? 0;
  const lastTenthMsPerKb = msPerKbByTenth[msPerKbByTenth.length - 1] ?? 0;
  return {
    msPerKbByTenth,
    firstTenthMsPerKb,
    lastTenthMsPerKb,
    ratio: lastTenthMsPerKb / firstTenthMsPerKb,
    addedKb: (log[ticks - 1]?.[1] ?? 0) / 1024,
    totalMs: summary.totalMs,
    longestTaskMs: summary.longestTaskMs,
    mentions,
    finalHtml: await page.evaluate(() => `<!doctype html>\n${document.documentElement.outerHTML}`),
  };
}
