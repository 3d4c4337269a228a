import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import { readCardText, readHighlightedTexts, sleep, waitFor } from './harness/page-helpers.ts';
import { type FixtureServer, serveFixtures } from './harness/serve-fixtures.ts';
import type { TestBrowser, TestPage } from './harness/test-browser.ts';
import {
  type ExtensionPage,
  findTabId,
  openApiPage,
  openExtensionTab,
  openExtensionTabBehind,
  typeInto,
  waitUntilReady,
} from './popup-extension-pages.ts';

interface Group {
  type: string;
  entities: { id: string; name: string; count: number }[];
}

function readGroups(popup: ExtensionPage): Promise<Group[]> {
  return popup.evaluate(`[...document.querySelectorAll('.group')].map((section) => ({
    type: section.dataset.type,
    entities: [...section.querySelectorAll('button.entity')].map((button) => ({
      id: button.dataset.entity,
      name: button.querySelector('.name').textContent,
      count: Number(button.querySelector('.count').textContent),
    })),
  }))`);
}

describe.each(BROWSERS)('popup on a page in $name', ({ name, launch }) => {
  let server: FixtureServer;
  let browser: TestBrowser;
  let page: TestPage;
  let api: ExtensionPage;
  let tabId: number;

  async function openPopup(): Promise<ExtensionPage> {
    const popup = await openExtensionTab(browser, `popup/index.html?tab=${tabId}`);
    await waitUntilReady(popup);
    return popup;
  }

  beforeAll(async () => {
    server = await serveFixtures(resolve('tests/fixtures/pages'));
    browser = await launch();
    page = await browser.newPage();
    await page.goto(`${server.origin}/article.html`);
    await waitFor(async () => (await readHighlightedTexts(page)).length > 0);
    api = await openApiPage(browser);
    tabId = await findTabId(api, `${server.origin}/article.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the entities on the page, grouped by type, with their mention counts', async () => {
    const popup = await openPopup();
    const groups = await readGroups(popup);
    expect(groups.map((group) => group.type)).toEqual(expect.arrayContaining(['person', 'group', 'place']));
    const people = groups.find((group) => group.type === 'person')?.entities ?? [];
    const lavrov = people.find((entity) => entity.id === 'sergey-lavrov');
    expect(lavrov?.count).toBeGreaterThan(0);
    // The counts are the page's own: as many as the highlights of that name.
    const texts = await readHighlightedTexts(page);
    const total = groups.flatMap((group) => group.entities).reduce((sum, entity) => sum + entity.count, 0);
    expect(total).toBe(texts.length);
    if (name === 'chromium') {
      // The popup as the toolbar shows it: 360 px wide, as tall as its content.
      await typeInto(popup, '#search', 'taliban');
      const height = await popup.evaluate<number>('Math.ceil(document.body.getBoundingClientRect().height)');
      await popup.screenshot({
        path: resolve('docs/images/popup.png'),
        clip: { x: 0, y: 0, width: 360, height },
      });
    }
    await popup.close();
  });

  it('describes the tab the reader is on when opened from the toolbar, with no tab in its address', async () => {
    const popup = await openExtensionTabBehind(browser, api, 'popup/index.html', tabId);
    await waitUntilReady(popup);
    expect(await popup.evaluate(`document.querySelector('.status')?.dataset.state ?? 'none'`)).not.toBe(
      'restricted',
    );
    const listed = (await readGroups(popup)).flatMap((group) => group.entities.map((entity) => entity.id));
    expect(listed).toContain('sergey-lavrov');
    expect(await popup.evaluate<string>(`document.body.textContent`)).toContain(
      new URL(server.origin).hostname,
    );
    await popup.close();
  });

  it('says a page is still loading, then lists its names once it has loaded', async () => {
    server.routeSlowly(
      '/slow-story.html',
      '<!doctype html><html lang="en"><title>Slow story</title><p>Sergey Lavrov arrived first.</p>' +
        '<!--stall--><p>Then the Taliban delegation came.</p></html>',
      3_000,
    );
    const slow = await browser.newPage();
    // Not awaited: the page goes on loading while the popup opens.
    const loaded = slow.goto(`${server.origin}/slow-story.html`);
    await sleep(500);
    const slowTab = await findTabId(api, `${server.origin}/slow-story.html`);
    const popup = await openExtensionTab(browser, `popup/index.html?tab=${slowTab}`);
    await waitUntilReady(popup);
    expect(await popup.evaluate(`document.querySelector('.status')?.dataset.state ?? 'none'`)).toBe(
      'loading',
    );
    await loaded;
    const listed = await waitFor(async () => {
      const ids = (await readGroups(popup)).flatMap((group) => group.entities.map((entity) => entity.id));
      return ids.includes('taliban') ? ids : undefined;
    }, 8_000);
    expect(listed).toEqual(expect.arrayContaining(['sergey-lavrov', 'taliban']));
    await popup.close();
    await slow.close();
  });

  it('shows the page total on the toolbar badge', async () => {
    const total = (await readHighlightedTexts(page)).length;
    const badge = await waitFor(async () => {
      const text = await api.evaluate<string>(`chrome.action.getBadgeText({ tabId: ${tabId} })`);
      return text === String(total) ? text : '';
    });
    expect(badge).toBe(String(total));
  });

  it('shows the badge again when the reader comes back to the page with Back', async () => {
    // Cacheable pages, so that a browser may keep the page in its back/forward cache instead of
    // loading it again. Firefox does here; headless Chromium under automation loads it again, so
    // there this checks the ordinary path.
    const cacheable = { 'cache-control': 'max-age=0' };
    server.route(
      '/cacheable/story.html',
      readFileSync(resolve('tests/fixtures/pages/article.html'), 'utf8'),
      cacheable,
    );
    server.route(
      '/cacheable/elsewhere.html',
      '<!doctype html><title>Elsewhere</title><p>Only Kabul here.</p>',
      cacheable,
    );
    const story = await browser.newPage();
    await story.goto(`${server.origin}/cacheable/story.html`);
    const total = await waitFor(async () => (await readHighlightedTexts(story)).length);
    const storyTab = await findTabId(api, `${server.origin}/cacheable/story.html`);
    const readBadge = () => api.evaluate<string>(`chrome.action.getBadgeText({ tabId: ${storyTab} })`);
    expect(await waitFor(async () => ((await readBadge()) === String(total) ? 'shown' : ''))).toBe('shown');
    await story.goto(`${server.origin}/cacheable/elsewhere.html`);
    expect(await waitFor(async () => ((await readBadge()) === '1' ? 'other page' : ''))).toBe('other page');
    await story.evaluate('() => history.back()');
    expect(await waitFor(async () => ((await readBadge()) === String(total) ? 'shown' : ''))).toBe('shown');
    await story.close();
  });

  it('scrolls to the first mention and opens its card when a name is clicked', async () => {
    await page.evaluate('() => window.scrollTo(0, document.body.scrollHeight)');
    const popup = await openPopup();
    await popup.click('button.entity[data-entity="sergey-lavrov"]').catch(() => undefined);
    const text = await waitFor(() => readCardText(page), 5_000);
    expect(text).toContain('Sergey Lavrov');
    // The page was scrolled so that the first mention is in view.
    const inView = await page.evaluate<boolean>(`() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const at = walker.currentNode.data.indexOf('Lavrov');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(walker.currentNode, at);
        range.setEnd(walker.currentNode, at + 6);
        const rect = range.getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= innerHeight;
      }
      return false;
    }`);
    expect(inView).toBe(true);
    await page.press('Escape');
    await popup.close().catch(() => undefined); // the popup closes itself after the click
  });

  it('searches the whole store by name or alias, ignoring case and diacritics, and opens a card inside the popup', async () => {
    const popup = await openPopup();
    await typeInto(popup, '#search', 'LAVRÓV');
    const results = await popup.evaluate<string[]>(
      `[...document.querySelectorAll('#results button')].map((button) => button.dataset.entity)`,
    );
    expect(results[0]).toBe('sergey-lavrov');
    await popup.click('#results button[data-entity="sergey-lavrov"]');
    const card = await waitFor(() =>
      popup.evaluate<string>(
        `document.getElementById('card').shadowRoot?.querySelector('.card')?.textContent ?? ''`,
      ),
    );
    expect(card).toContain("Russia's foreign minister");
    await typeInto(popup, '#search', 'zzzz no such name');
    expect(await popup.evaluate<boolean>(`!document.getElementById('no-results').hidden`)).toBe(true);
    await popup.close();
  });

  it('turns marks off and on for this site and everywhere, without a reload', async () => {
    const before = (await readHighlightedTexts(page)).length;
    expect(before).toBeGreaterThan(0);
    await page.evaluate('() => { window.__ccNoReload = true; }');
    for (const id of ['site-switch', 'global-switch']) {
      const popup = await openPopup();
      await popup.click(`#${id}`);
      expect(await waitFor(async () => (await readHighlightedTexts(page)).length === 0)).toBe(true);
      await sleep(700);
      // The popup follows: the page now says it is off.
      const state = await waitFor(() =>
        popup.evaluate<string | null>(`document.querySelector('.status')?.dataset.state ?? null`),
      );
      expect(state).toBe('ready');
      await popup.click(`#${id}`);
      expect(await waitFor(async () => (await readHighlightedTexts(page)).length === before)).toBe(true);
      await popup.close();
    }
    expect(await page.evaluate('() => window.__ccNoReload')).toBe(true);
  });

  // Firefox runs our content script on about:blank and data: pages, and lets neither a test nor an
  // extension open a privileged about: page, so only Chromium has a browser page a test can reach.
  // The Firefox "no access" state is covered by popup-permission.test.ts.
  it.runIf(name === 'chromium')(
    'says when it cannot run on a browser page, and search still works there',
    async () => {
      const restricted = await browser.newPage();
      await restricted.goto('chrome://version');
      await sleep(500);
      const restrictedId = await api.evaluate<number>(
        `chrome.tabs.query({}).then((tabs) => tabs.filter((tab) => !(tab.url ?? '').match(/^(http|chrome-extension|moz-extension|about:blank)/)).sort((a, b) => b.id - a.id)[0].id)`,
      );
      const popup = await openExtensionTab(browser, `popup/index.html?tab=${restrictedId}`);
      await waitUntilReady(popup);
      expect(await popup.evaluate(`document.querySelector('.status')?.dataset.state`)).toBe('restricted');
      await typeInto(popup, '#search', 'kabul');
      const results = await popup.evaluate<string[]>(
        `[...document.querySelectorAll('#results button')].map((button) => button.dataset.entity)`,
      );
      expect(results).toContain('kabul');
      await popup.close();
      await restricted.close();
    },
  );
});
