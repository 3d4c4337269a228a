import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';

export interface MarkJsCost {
  /** Main-thread time of mark.js marking every alias, or the cap when it was stopped. */
  ms: number;
  /** True when mark.js was still running at the cap and was terminated. */
  capped: boolean;
  marks: number;
}

const MARK_JS_SOURCE = readFileSync(resolve('node_modules/mark.js/dist/mark.min.js'), 'utf8');

/**
 * The peer: mark.js marking the same alias list on the same page, in a browser
 * without our extension. Corpus pages forbid page scripts (CSP), so mark.js is
 * injected through the DevTools protocol, which CSP does not govern. mark.js is
 * synchronous; a run still going at `capMs` is terminated and reported as "> cap".
 */
export async function measureMarkJs(
  context: BrowserContext,
  url: string,
  aliases: readonly string[],
  capMs: number,
): Promise<MarkJsCost> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.evaluate(MARK_JS_SOURCE);
    const cdp = await context.newCDPSession(page);
    const run = page.evaluate((words) => {
      type MarkInstance = {
        mark(keywords: string[], options: Record<string, unknown>): void;
      };
      const Mark = (window as unknown as { Mark: new (context: Element) => MarkInstance }).Mark;
      const started = performance.now();
      let marks = 0;
      new Mark(document.body).mark(words, {
        separateWordSearch: false,
        acrossElements: true,
        accuracy: 'exactly',
        diacritics: false,
        done: (count: number) => {
          marks = count;
        },
      });
      return { ms: performance.now() - started, marks };
    }, aliases as string[]);
    let timer: NodeJS.Timeout | undefined;
    const cap = new Promise<'cap'>((done) => {
      timer = setTimeout(() => done('cap'), capMs);
    });
    const winner = await Promise.race([run, cap]);
    clearTimeout(timer);
    if (winner === 'cap') {
      await cdp.send('Runtime.terminateExecution').catch(() => undefined);
      await run.catch(() => undefined);
      return { ms: capMs, capped: true, marks: 0 };
    }
    return { ...winner, capped: false };
  } finally {
    await page.close().catch(() => undefined);
  }
}
