import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/launch-chromium.ts';
import {
  findTextBox,
  readCardText,
  readHighlightedTexts,
  readHighlights,
  sleep,
  waitFor,
} from './harness/page-helpers.ts';
import { type FixtureServer, serveFixtures } from './harness/serve-fixtures.ts';
import type { TestPage } from './harness/test-browser.ts';
import { type ExtensionPage, findTabId, openExtensionTab, waitUntilReady } from './popup-extension-pages.ts';

/**
 * The MV3 service worker may be stopped at any time. Chromium only: the
 * DevTools protocol can stop it on demand; Firefox's event page has no such
 * switch a test can reach (it idles out after 30 s on its own).
 */
describe('background after a service worker restart in chromium', () => {
  let server: FixtureServer;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: TestPage;
  let api: ExtensionPage;

  async function stopWorkers(context: BrowserContext): Promise<void> {
    const cdpPage = await context.newPage();
    const cdp = await context.newCDPSession(cdpPage);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await cdpPage.close();
  }

  function readWorkerStatuses(context: BrowserContext): Promise<string[]> {
    return (async () => {
      const cdpPage = await context.newPage();
      const cdp = await context.newCDPSession(cdpPage);
      const versions: { runningStatus: string }[] = [];
      cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: { runningStatus: string }[] }) => {
        versions.push(...event.versions);
      });
      await cdp.send('ServiceWorker.enable');
      await sleep(200);
      await cdp.detach();
      await cdpPage.close();
      return versions.map((version) => version.runningStatus);
    })();
  }

  beforeAll(async () => {
    server = await serveFixtures(resolve('tests/fixtures/pages'));
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${server.origin}/article.html`);
    await waitFor(async () => (await readHighlightedTexts(page)).length > 0);
    api = await openExtensionTab(browser, 'options/index.html');
    await waitUntilReady(api);
    // Settings the restarted worker must still honour: tint marks, and no badge.
    await api.click('input[name="highlight-style"][value="tint"]');
    await api.click('#show-badge');
    await sleep(300);
    await api.close();
    await stopWorkers(browser.context);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has no running worker after the stop', async () => {
    const statuses = await readWorkerStatuses(browser.context);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses).not.toContain('running');
  });

  it('opens a card on hover: the worker wakes for the entity and serves it', async () => {
    const box = await findTextBox(page, '#p2', 'Sergey Lavrov');
    await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
    const text = await waitFor(() => readCardText(page), 6_000);
    expect(text).toContain("Russia's foreign minister");
    await page.mouseMove(5, 790);
    await sleep(700);
  });

  it('keeps the settings: marks are tinted and the badge stays off, then comes back when turned on', async () => {
    await stopWorkers(browser.context);
    const reloaded = await browser.newPage();
    await reloaded.goto(`${server.origin}/article.html`);
    await waitFor(async () => (await readHighlightedTexts(reloaded)).length > 0);
    const names = Object.keys(await readHighlights(reloaded)).filter((entry) => entry !== 'cc-active');
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((entry) => entry.startsWith('cc-tint-'))).toBe(true);
    api = await openExtensionTab(browser, 'options/index.html');
    await waitUntilReady(api);
    const tabId = await findTabId(api, `${server.origin}/article.html`);
    await sleep(600);
    expect(await api.evaluate(`chrome.action.getBadgeText({ tabId: ${tabId} })`)).toBe('');
    await stopWorkers(browser.context);
    await api.click('#show-badge');
    const badge = await waitFor(async () =>
      api.evaluate<string>(`chrome.action.getBadgeText({ tabId: ${tabId} })`),
    );
    expect(Number(badge)).toBeGreaterThan(0);
    await reloaded.close();
  });

  it('answers the popup after another stop', async () => {
    await stopWorkers(browser.context);
    const tabId = await findTabId(api, `${server.origin}/article.html`);
    const popup = await openExtensionTab(browser, `popup/index.html?tab=${tabId}`);
    await waitUntilReady(popup);
    expect(await popup.evaluate(`document.querySelectorAll('button.entity').length`)).toBeGreaterThan(0);
    // Cards of pack entities in the popup come from the worker: it answers cc:get-entity after a stop.
    await stopWorkers(browser.context);
    const entity = await popup.evaluate<{ name: string } | null>(
      `chrome.runtime.sendMessage({ type: 'cc:get-entity', id: 'kabul' }).then((answer) => answer.entity)`,
    );
    expect(entity?.name).toBe('Kabul');
    await popup.close();
  });
});
