import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { Browser as PuppeteerBrowser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import { readHighlightedTexts, waitFor, writeSettings } from './harness/page-helpers.ts';
import { type FixtureServer, serveFixtures } from './harness/serve-fixtures.ts';
import type { TestBrowser, TestPage } from './harness/test-browser.ts';

/** Our marks inside a same-origin frame, read from the top page. */
function readFrameMarks(page: TestPage, id: string): Promise<string[]> {
  return page.evaluate(`() => {
    const frame = document.getElementById(${JSON.stringify(id)});
    const win = frame && frame.contentWindow;
    const out = [];
    if (!win || !win.CSS || !win.CSS.highlights) return out;
    win.CSS.highlights.forEach((highlight, name) => {
      if (String(name).startsWith('cc-') && name !== 'cc-active') highlight.forEach((range) => out.push(range.toString()));
    });
    return out;
  }`);
}

const READ_MARKS = `() => {
  const out = [];
  CSS.highlights.forEach((highlight, name) => {
    if (String(name).startsWith('cc-') && name !== 'cc-active') highlight.forEach((range) => out.push(range.toString()));
  });
  return out;
}`;

/** Our marks inside the cross-origin frame, through the driver (the top page cannot look in). */
async function readCrossOriginMarks(browser: TestBrowser, origin: string): Promise<string[]> {
  const context = (browser as TestBrowser & { context?: BrowserContext }).context;
  if (context) {
    for (const tab of context.pages())
      for (const frame of tab.frames())
        if (frame.url().startsWith(`${origin}/frame-child.html`))
          return (await frame.evaluate(`(${READ_MARKS})()`)) as string[];
    return [];
  }
  const firefox = (browser as TestBrowser & { browser?: PuppeteerBrowser }).browser;
  for (const tab of (await firefox?.pages()) ?? [])
    for (const frame of tab.frames())
      if (frame.url().startsWith(`${origin}/frame-child.html`))
        return (await frame.evaluate(`(${READ_MARKS})()`)) as string[];
  return [];
}

describe.each(BROWSERS)('frames in $name', ({ launch }) => {
  let server: FixtureServer;
  let browser: TestBrowser;
  let page: TestPage;

  beforeAll(async () => {
    server = await serveFixtures(resolve('tests/fixtures/pages'));
    browser = await launch();
    page = await browser.newPage();
    await page.goto(`${server.origin}/frame-host.html?other=${encodeURIComponent(server.otherOrigin)}`);
    await waitFor(async () => (await readHighlightedTexts(page)).includes('Moscow'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('marks the top page', async () => {
    expect(await readHighlightedTexts(page)).toEqual(['Moscow']);
  });

  it('marks an about:blank frame its parent filled in', async () => {
    expect(await waitFor(async () => (await readFrameMarks(page, 'blank')).includes('Kabul'))).toBe(true);
  });

  it('marks a srcdoc frame', async () => {
    expect(await waitFor(async () => (await readFrameMarks(page, 'srcdoc')).includes('Sergey Lavrov'))).toBe(
      true,
    );
  });

  it('marks a cross-origin frame', async () => {
    const marks = await waitFor(async () => {
      const found = await readCrossOriginMarks(browser, server.otherOrigin);
      return found.includes('Afghanistan') ? found : undefined;
    });
    expect(marks).toEqual(['Afghanistan']);
  });

  it('marks a frame added after the page loaded', async () => {
    expect(await waitFor(async () => (await readFrameMarks(page, 'late')).includes('Taliban'), 8_000)).toBe(
      true,
    );
  });

  it('leaves frames too small to read, or hidden, unmarked until they are shown at a readable size', async () => {
    // The late frame (added at 1.5 s) being marked shows the extension has done its work in this page.
    await waitFor(async () => (await readFrameMarks(page, 'late')).includes('Taliban'), 8_000);
    expect(await readFrameMarks(page, 'tiny')).toEqual([]);
    expect(await readFrameMarks(page, 'hidden')).toEqual([]);
    await page.evaluate(`() => {
      document.getElementById('tiny').style.cssText = 'width: 560px; height: 110px';
      document.getElementById('hidden').style.display = 'block';
    }`);
    expect(await waitFor(async () => (await readFrameMarks(page, 'tiny')).includes('Tajikistan'))).toBe(true);
    expect(await waitFor(async () => (await readFrameMarks(page, 'hidden')).includes('Zamir Kabulov'))).toBe(
      true,
    );
  });

  it("turns off in the page's frames too, embeds included, when the reader turns the site off", async () => {
    await waitFor(async () => (await readFrameMarks(page, 'late')).includes('Taliban'), 8_000);
    const site = new URL(server.origin).hostname;
    const readAll = async () => ({
      top: await readHighlightedTexts(page),
      blank: await readFrameMarks(page, 'blank'),
      srcdoc: await readFrameMarks(page, 'srcdoc'),
      late: await readFrameMarks(page, 'late'),
      cross: await readCrossOriginMarks(browser, server.otherOrigin),
    });
    const isEmpty = (marks: Record<string, string[]>) => Object.values(marks).every((list) => !list.length);
    await writeSettings(browser, { disabledSites: [site] });
    const off = await waitFor(async () => {
      const marks = await readAll();
      return isEmpty(marks) ? marks : undefined;
    });
    expect(off, JSON.stringify(await readAll())).toBeDefined();
    await writeSettings(browser, { disabledSites: [] });
    const on = await waitFor(async () => {
      const marks = await readAll();
      return Object.values(marks).every((list) => list.length) ? marks : undefined;
    }, 8_000);
    expect(on, JSON.stringify(await readAll())).toEqual({
      top: ['Moscow'],
      blank: ['Kabul'],
      srcdoc: ['Sergey Lavrov'],
      late: ['Taliban'],
      cross: ['Afghanistan'],
    });
  });

  it('reports no error from the extension in any frame', () => {
    expect(page.errors.filter((error) => /extension|context-cards|cc-/i.test(error))).toEqual([]);
  });
});
