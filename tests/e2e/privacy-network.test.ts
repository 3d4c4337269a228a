import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { Browser as PuppeteerBrowser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import { findTextBox, readCardText, readHighlightedTexts, sleep, waitFor } from './harness/page-helpers.ts';
import { type FixtureServer, serveFixtures } from './harness/serve-fixtures.ts';
import type { TestBrowser, TestPage } from './harness/test-browser.ts';

/** Every URL each page asked for, as the page's own resource timing saw it (content-script fetches included). */
const READ_RESOURCES = `() => [location.href, ...performance.getEntriesByType('resource').map((entry) => entry.name)]`;

describe.each(BROWSERS)('network traffic in $name', ({ name, launch }) => {
  let server: FixtureServer;
  let browser: TestBrowser;
  const requests: string[] = [];

  beforeAll(async () => {
    server = await serveFixtures(resolve('tests/fixtures/pages'));
    browser = await launch();
    // The driver's view of every request: pages, frames, extension pages and (Chromium) the service worker.
    const context = (browser as TestBrowser & { context?: BrowserContext }).context;
    if (context) {
      context.on('request', (request) => requests.push(request.url()));
    }
    const firefox = (browser as TestBrowser & { browser?: PuppeteerBrowser }).browser;
    firefox?.on('targetcreated', async (target) => {
      const tab = await target.page().catch(() => null);
      tab?.on('request', (request) => requests.push(request.url()));
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function hover(page: TestPage, selector: string, text: string): Promise<string> {
    const box = await findTextBox(page, selector, text);
    await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
    return waitFor(() => readCardText(page), 4_000);
  }

  it('loads nothing but the pages it is shown during a reading session', async () => {
    const seen: string[] = [];
    const page = await browser.newPage();
    for (const path of ['/article.html', '/hostile-scripts.html', '/frame-host.html']) {
      await page.goto(`${server.origin}${path}`);
      await waitFor(async () => (await readHighlightedTexts(page)).length > 0);
      if (path === '/article.html') {
        expect(await hover(page, '#p2', 'Sergey Lavrov')).toContain('Sergey Lavrov');
        await page.press('Escape');
        await page.mouseMove(5, 790);
        await sleep(400);
      }
      seen.push(...(await page.evaluate<string[]>(READ_RESOURCES)));
    }
    if (name === 'chromium') {
      // The extension's own pages, and what its service worker fetched (nothing, if all is well).
      for (const path of ['popup/index.html', 'options/index.html']) {
        const extensionPage = await browser.openExtensionPage(path);
        await sleep(500);
        seen.push(...(await extensionPage.evaluate<string[]>(READ_RESOURCES)));
        await extensionPage.close();
      }
      const worker = (browser as TestBrowser & { context: BrowserContext }).context.serviceWorkers()[0];
      const workerResources = (await worker?.evaluate(
        "performance.getEntriesByType('resource').map((entry) => entry.name)",
      )) as string[] | undefined;
      expect(workerResources ?? []).toEqual([]);
    }
    await page.close();

    const all = [...new Set([...seen, ...requests])];
    const foreign = all.filter(
      (url) =>
        !url.startsWith(`${server.origin}/`) &&
        !url.startsWith(`${server.otherOrigin}/`) &&
        !/^(chrome-extension|moz-extension):\/\//.test(url) &&
        !/^(about:|data:|blob:)/.test(url),
    );
    expect(foreign).toEqual([]);
    // And the fixture server only served fixture paths: nothing the extension asked for itself.
    const served = all.filter((url) => url.startsWith(server.origin) || url.startsWith(server.otherOrigin));
    for (const url of served) expect(new URL(url).pathname).toMatch(/^\/[\w-]+\.html$|^\/favicon\.ico$/);
    console.info(
      `[${name}] ${all.length} distinct URLs, all the fixture server's or the extension's own files`,
    );
  });
});
