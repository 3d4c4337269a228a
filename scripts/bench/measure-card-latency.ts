import type { Page } from 'playwright-core';

export interface CardLatency {
  /** Median over the tries of (card painted − pointer at rest − hover delay). */
  overheadMs: number;
  /** The worst try. */
  worstMs: number;
  samples: number[];
  /** Per try, how long the pointer waited near the mention before its last step onto it. */
  phasesMs: number[];
  /** Per try, from the end of the hover delay to our highlight of the open card being set. */
  shownMs: number[];
  hoverDelayMs: number;
}

/** One display frame at 60 Hz, which headless Chromium keeps. */
const FRAME_MS = 1000 / 60;

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
 *
 * A card shown at the end of the delay is painted in the next frame, so the result depends on
 * where in a frame the pointer came to rest. A person's mouse rests at any point of a frame; a
 * scripted pointer whose every step waits for the page's acknowledgement always lands at the
 * same point of one, which here is just after a frame begins (the worst case, nearly a whole
 * frame of waiting, as 500 ms is 30 frames). So each try waits a different part of a frame
 * before its last step onto the mention (`rounds` × targets tries, phases spread evenly), and
 * the report gives the median and the worst.
 */
export async function measureCardLatency(
  page: Page,
  targets: { selector: string; text: string }[],
  hoverDelayMs: number,
  rounds = 3,
): Promise<CardLatency> {
  const samples: number[] = [];
  const phasesMs: number[] = [];
  const shownMs: number[] = [];
  const tries = targets.length * rounds;
  for (let index = 0; index < tries; index++) {
    const target = targets[index % targets.length] as { selector: string; text: string };
    const phase = ((index * 7) % tries) * (FRAME_MS / tries);
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
    // Near the mention (30 px above it, off its line), then the wait, then one step onto it.
    await page.mouse.move(point.x, Math.max(1, point.y - 30), { steps: 2 });
    await page.waitForTimeout(phase);
    await page.mouse.move(point.x, point.y);
    const result = await page.evaluate(async () => {
      const state = window as unknown as { __ccLastMove: number; __ccPainted: Promise<number> };
      const painted = await Promise.race([
        state.__ccPainted,
        new Promise<number>((done) => setTimeout(() => done(-1), 5_000)),
      ]);
      const shown = performance.getEntriesByName('cc:card-shown', 'mark').at(-1)?.startTime ?? Number.NaN;
      return { painted, rest: state.__ccLastMove, shown };
    });
    if (result.painted < 0) throw new Error(`no card opened on "${target.text}"`);
    samples.push(result.painted - result.rest - hoverDelayMs);
    phasesMs.push(phase);
    shownMs.push(result.shown - result.rest - hoverDelayMs);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    overheadMs: sorted[Math.floor(sorted.length / 2)] as number,
    worstMs: sorted[sorted.length - 1] as number,
    samples,
    phasesMs,
    shownMs,
    hoverDelayMs,
  };
}
