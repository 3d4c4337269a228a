import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import { readCardText, readHighlightedTexts, sleep, waitFor, writeSettings } from './harness/page-helpers.ts';
import { sendFromExtension } from './harness/send-from-extension.ts';
import { type FixtureServer, serveFixtures } from './harness/serve-fixtures.ts';
import type { TestBrowser, TestPage } from './harness/test-browser.ts';

/** Where the active mark is: the id of its paragraph, and whether it is on screen. */
const readActiveMark = (page: TestPage) =>
  page.evaluate<{ text: string; in: string; inView: boolean } | null>(`() => {
    let found = null;
    CSS.highlights.get('cc-active')?.forEach((range) => {
      const rect = range.getBoundingClientRect();
      found = {
        text: range.toString(),
        in: range.startContainer.parentElement.closest('[id]')?.id ?? '',
        inView: rect.height > 0 && rect.top >= 0 && rect.bottom <= innerHeight,
      };
    });
    return found;
  }`);

/** The paragraphs (closest element with an id, or the tag) holding each mark of `text`. */
const readMarkPlaces = (page: TestPage, text: string) =>
  page.evaluate<string[]>(`() => {
    const places = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!String(name).startsWith('cc-') || name === 'cc-active') return;
      highlight.forEach((range) => {
        if (range.toString() !== ${JSON.stringify(text)}) return;
        const element = range.startContainer.parentElement;
        places.push(element.closest('[id]')?.id ?? element.localName);
      });
    });
    return places.sort();
  }`);

describe.each(BROWSERS)('names in a folded menu or a closed <details> in $name', ({ launch }) => {
  let server: FixtureServer;
  let browser: TestBrowser;
  let page: TestPage;

  beforeAll(async () => {
    server = await serveFixtures(resolve('tests/fixtures/pages'));
    browser = await launch();
    page = await browser.newPage();
    await page.goto(`${server.origin}/folded-menu.html`);
    await waitFor(async () => (await readHighlightedTexts(page)).includes('Moscow'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens a name from the popup at the mention on screen, scrolled into view', async () => {
    await page.evaluate('() => window.scrollTo(0, 0)');
    await sendFromExtension(browser, page, { type: 'cc:open-card', id: 'moscow' });
    expect(await waitFor(() => readCardText(page), 5_000)).toContain('Moscow');
    expect(await readActiveMark(page)).toEqual({ text: 'Moscow', in: 'story', inView: true });
    // One mention to step through, not three: the menu's and the closed archive's are not counted.
    expect(await readCardText(page)).toContain('Mention 1 of 1 on this page');
    await page.press('Escape');
    expect(await waitFor(async () => (await readCardText(page)) === '', 3_000)).toBe(true);
  });

  it('steps with the shortcut to the first name on screen, past the menu and the closed archive', async () => {
    await page.evaluate('() => window.scrollTo(0, 0)');
    await sendFromExtension(browser, page, { type: 'cc:step-mention', direction: 'next' });
    expect(await waitFor(() => readCardText(page), 5_000)).toContain('Moscow');
    expect(await readActiveMark(page)).toEqual({ text: 'Moscow', in: 'story', inView: true });
    await page.press('Escape');
    expect(await waitFor(async () => (await readCardText(page)) === '', 3_000)).toBe(true);
  });

  it('gives the one mark of "first mention only" to the mention on screen', async () => {
    expect(await readMarkPlaces(page, 'Moscow')).toEqual(['archived', 'sections', 'story']);
    await writeSettings(browser, { firstMentionOnly: true });
    expect(
      await waitFor(async () => (await readMarkPlaces(page, 'Moscow')).length === 1, 5_000),
      'one Moscow mark left',
    ).toBe(true);
    expect(await readMarkPlaces(page, 'Moscow')).toEqual(['story']);
    await writeSettings(browser, { firstMentionOnly: false });
    await sleep(300);
    expect(await waitFor(async () => (await readMarkPlaces(page, 'Moscow')).length === 3, 5_000)).toBe(true);
  });

  it("counts the archive's mention once the reader opens it", async () => {
    await page.evaluate(`() => { document.getElementById('archive').open = true; window.scrollTo(0, 0); }`);
    await sendFromExtension(browser, page, { type: 'cc:open-card', id: 'moscow' });
    expect(await waitFor(() => readCardText(page), 5_000)).toContain('Mention 1 of 2 on this page');
    expect(await readActiveMark(page)).toEqual({ text: 'Moscow', in: 'archived', inView: true });
    await page.press('Escape');
    expect(await waitFor(async () => (await readCardText(page)) === '', 3_000)).toBe(true);
    await page.evaluate(`() => { document.getElementById('archive').open = false; }`);
  });
});
