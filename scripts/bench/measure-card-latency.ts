import type { Page } from 'playwright-core';

export interface CardLatency {
  /** Median over the tries of (card painted − pointer at rest − hover delay). */
  overheadMs: number;
  samples: number[];
  hoverDelayMs: number;
}

async function locateText(page: Page, selector: string, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ({ selector, text }) => {
      const root = document.querySelector(selector);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        const at = node.data.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const rect = range.getBoundingClientRect();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      }
      return null;
    },
    { selector, text },
  );
  if (!point) throw new Error(`"${text}" not found in ${selector}`);
  return point;
}

/**
 * From the pointer coming to rest on a mention to the card painted, minus the
 * configured hover delay. Measured from the page's side: the last pointermove
 * timestamp is "at rest"; the card is "painted" after the first frame in which
 * our `cc-active` highlight (set when the card renders) is present, taken in a
 * task queued from that frame's requestAnimationFrame, i.e. after its paint.
 */
export async function measureCardLatency(
  page: Page,
  targets: { selector: string; text: string }[],
  hoverDelayMs: number,
): Promise<CardLatency> {
  const samples: number[] = [];
  for (const target of targets) {
    await page.mouse.move(5, 5);
    await page.waitForTimeout(900); // past the close grace, so the next hover opens a fresh card
    const point = await locateText(page, target.selector, target.text);
    await page.evaluate(() => {
      const state = window as unknown as { __ccLastMove: number; __ccPainted: Promise<number> };
      state.__ccLastMove = 0;
      addEventListener('pointermove', (event) => (state.__ccLastMove = event.timeStamp), {
        capture: true,
      });
      state.__ccPainted = new Promise((done) => {
        const tick = () => {
          const active = CSS.highlights.get('cc-active');
          if (active && active.size > 0) setTimeout(() => done(performance.now()), 0);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    });
    await page.mouse.move(point.x, point.y, { steps: 3 });
    const result = await page.evaluate(async () => {
      const state = window as unknown as { __ccLastMove: number; __ccPainted: Promise<number> };
      const painted = await Promise.race([
        state.__ccPainted,
        new Promise<number>((done) => setTimeout(() => done(-1), 5_000)),
      ]);
      return { painted, rest: state.__ccLastMove };
    });
    if (result.painted < 0) throw new Error(`no card opened on "${target.text}"`);
    samples.push(result.painted - result.rest - hoverDelayMs);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { overheadMs: sorted[Math.floor(sorted.length / 2)] as number, samples, hoverDelayMs };
}
