import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/launch-chromium.ts';
import { findTextBox, readHighlightedTexts, sleep, waitFor } from './harness/page-helpers.ts';
import { type FixtureServer, serveFixtures } from './harness/serve-fixtures.ts';

type Chromium = Awaited<ReturnType<typeof launchChromium>>;

/**
 * Chromium only: a test can reload the extension there (chrome.runtime.reload() in its service
 * worker), which is what an update does to the content scripts already in open tabs. Firefox's
 * WebDriver BiDi has no way to reload a temporary add-on in place.
 */
describe('extension reload in chromium', () => {
  let server: FixtureServer;
  let browser: Chromium;

  beforeAll(async () => {
    server = await serveFixtures(resolve('tests/fixtures/pages'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('leaves old content scripts to stop quietly: hovering after a reload logs nothing', async () => {
    const page = await browser.newPage();
    const tab = browser.context.pages().at(-1);
    if (!tab) throw new Error('no tab');
    // Every console message and uncaught exception of every world in the tab, content scripts included.
    const cdp = await browser.context.newCDPSession(tab);
    const logged: string[] = [];
    cdp.on('Runtime.exceptionThrown', (event) => logged.push(JSON.stringify(event.exceptionDetails)));
    cdp.on('Runtime.consoleAPICalled', (event) => logged.push(JSON.stringify(event.args)));
    cdp.on('Log.entryAdded', (event) => logged.push(JSON.stringify(event.entry)));
    await cdp.send('Runtime.enable');
    await cdp.send('Log.enable');

    await page.goto(`${server.origin}/article.html`);
    await waitFor(async () => (await readHighlightedTexts(page)).includes('Sergey Lavrov'));

    const worker = browser.context.serviceWorkers()[0];
    if (!worker) throw new Error('no service worker');
    await worker.evaluate('chrome.runtime.reload()').catch(() => undefined);
    // Wait until the reloaded extension is up again, so the old scripts are truly orphaned.
    await waitFor(async () => browser.context.serviceWorkers().some((sw) => sw !== worker), 10_000);
    await sleep(500);

    // The reader keeps using the page: hover names (the old script tries to fetch an entity), press keys.
    for (const [selector, text] of [
      ['#p2', 'Sergey Lavrov'],
      ['#p1', 'Vladimir Putin'],
    ] as const) {
      const box = await findTextBox(page, selector, text).catch(() => undefined);
      if (box) await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
      await sleep(900);
    }
    await page.press('Escape');
    await page.mouseMove(5, 790);
    await sleep(500);

    expect(logged.filter((entry) => /context invalidated|Extension context/i.test(entry))).toEqual([]);
    expect(page.errors.filter((entry) => /context invalidated|Extension context/i.test(entry))).toEqual([]);
    // The old script took its marks with it; the page itself is untouched and still works.
    expect(await page.evaluate<string>('() => document.title')).toContain('Moscow');
    await cdp.detach();
  });
});
