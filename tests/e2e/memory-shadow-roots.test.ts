import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/launch-chromium.ts';
import { sleep, waitFor } from './harness/page-helpers.ts';
import { type FixtureServer, serveFixtures } from './harness/serve-fixtures.ts';

/**
 * A feed of web components that come and go (a news site's teasers, an endless timeline): once a
 * component has left the page, the extension must not keep it, or a tab open all day grows with
 * every card the reader scrolled past.
 *
 * Chromium only: this counts the objects the content script's own world still holds, through the
 * DevTools protocol's heap functions (Runtime.queryObjects after HeapProfiler.collectGarbage).
 * WebDriver BiDi, our only way into Firefox, cannot reach a content script's sandbox or its heap.
 */
const FEED = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feed</title></head><body>
<p>Latest from the region: Moscow hosts talks.</p>
<div id="feed"></div>
<script>
  window.addTeasers = (count) => {
    const feed = document.getElementById('feed');
    for (let i = 0; i < count; i++) {
      const teaser = document.createElement('feed-teaser');
      teaser.attachShadow({ mode: 'open' }).innerHTML = '<p>Teaser ' + i + ': Sergey Lavrov met the delegation in Kabul.</p>';
      feed.append(teaser);
    }
  };
  window.clearFeed = () => document.getElementById('feed').replaceChildren();
</script>
</body></html>`;

const WORLD_NAME = 'Context Cards';

/** Shadow roots still alive in our content script's world, after a full garbage collection. */
async function countShadowRootsHeldByExtension(cdp: CDPSession, contextId: number): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const prototype = await cdp.send('Runtime.evaluate', { expression: 'ShadowRoot.prototype', contextId });
  const found = await cdp.send('Runtime.queryObjects', {
    prototypeObjectId: String(prototype.result.objectId),
  });
  const count = await cdp.send('Runtime.callFunctionOn', {
    objectId: String(found.objects.objectId),
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  return count.result.value as number;
}

const readMarkedCount = (page: Page, text: string) =>
  page.evaluate((wanted) => {
    let count = 0;
    CSS.highlights.forEach((highlight, name) => {
      if (!String(name).startsWith('cc-') || name === 'cc-active') return;
      highlight.forEach((range) => {
        if ((range as Range).toString() === wanted) count++;
      });
    });
    return count;
  }, text);

describe('memory in chromium', () => {
  let server: FixtureServer;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    server = await serveFixtures(resolve('tests/fixtures/pages'));
    server.route('/feed-of-components.html', FEED);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps no web component the page has removed', async () => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const worlds: { id: number; name: string }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
    await cdp.send('Runtime.enable');
    await page.goto(`${server.origin}/feed-of-components.html`, { waitUntil: 'load' });
    expect(await waitFor(async () => (await readMarkedCount(page, 'Moscow')) === 1, 5_000)).toBe(true);

    for (let round = 0; round < 3; round++) {
      await page.evaluate(() => (window as unknown as { addTeasers(count: number): void }).addTeasers(20));
      expect(
        await waitFor(async () => (await readMarkedCount(page, 'Sergey Lavrov')) === 20, 5_000),
        'the teasers are marked',
      ).toBe(true);
      await page.evaluate(() => (window as unknown as { clearFeed(): void }).clearFeed());
      expect(
        await waitFor(async () => (await readMarkedCount(page, 'Sergey Lavrov')) === 0, 5_000),
        'the removed teasers are unmarked',
      ).toBe(true);
    }
    await sleep(300);
    const ours = worlds.filter((world) => world.name === WORLD_NAME).at(-1);
    expect(ours, 'the content script world').toBeDefined();
    expect(await countShadowRootsHeldByExtension(cdp, ours?.id ?? 0)).toBe(0);
    // The page still works as before: a new teaser is marked.
    await page.evaluate(() => (window as unknown as { addTeasers(count: number): void }).addTeasers(1));
    expect(await waitFor(async () => (await readMarkedCount(page, 'Sergey Lavrov')) === 1, 5_000)).toBe(true);
    await cdp.detach();
    await page.close();
  });
});
