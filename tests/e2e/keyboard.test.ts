import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import { readCardText, readHighlightedTexts, waitFor } from './harness/page-helpers.ts';
import { sendFromExtension } from './harness/send-from-extension.ts';
import { type FixtureServer, serveFixtures } from './harness/serve-fixtures.ts';
import type { TestBrowser, TestPage } from './harness/test-browser.ts';

const readFocusInCard = (page: TestPage) =>
  page.inCard<string>(`(root) => {
    const active = root.activeElement;
    return active ? active.tagName.toLowerCase() + (active.className ? '.' + active.className : '') : '';
  }`);

const readActiveMark = (page: TestPage) =>
  page.evaluate<string>(`() => {
    const active = CSS.highlights.get('cc-active');
    let text = '';
    active?.forEach((range) => { text = range.toString(); });
    return text;
  }`);

describe.each(BROWSERS)('keyboard and screen-reader path in $name', ({ launch }) => {
  let server: FixtureServer;
  let browser: TestBrowser;
  let page: TestPage;
  const step = (direction: 'next' | 'previous') =>
    sendFromExtension(browser, page, { type: 'cc:step-mention', direction });

  beforeAll(async () => {
    server = await serveFixtures(resolve('tests/fixtures/pages'));
    browser = await launch();
    page = await browser.newPage();
    await page.goto(`${server.origin}/article.html`);
    await waitFor(async () => (await readHighlightedTexts(page)).length > 0);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('moves to the next mention, outlines it, opens its card and focuses the card', async () => {
    await page.evaluate(
      '() => { window.scrollTo(0, 0); document.body.tabIndex = -1; document.body.focus(); }',
    );
    await step('next');
    // The headline's "Moscow" is the first mention on the page.
    expect(await waitFor(() => readCardText(page))).toContain('Capital of Russia');
    expect(await readActiveMark(page)).toBe('Moscow');
    expect(await readFocusInCard(page)).toMatch(/^div\.card/);
    expect(await page.inCard<string>('(root) => root.querySelector(".card").getAttribute("role")')).toBe(
      'dialog',
    );
    expect(
      await page.inCard<string>(
        '(root) => root.getElementById(root.querySelector(".card").getAttribute("aria-labelledby"))?.textContent',
      ),
    ).toBe('Moscow');

    await step('next');
    await waitFor(async () => (await readActiveMark(page)) === 'Taliban');
    expect(await readActiveMark(page)).toBe('Taliban');
    expect(await readCardText(page)).toContain('Islamist movement');
    await step('previous');
    await waitFor(async () => (await readActiveMark(page)) === 'Moscow');
    expect(await readCardText(page)).toContain('Capital of Russia');
  });

  it('reaches every control of the card with Tab', async () => {
    const controls = await page.inCard<number>(
      '(root) => root.querySelectorAll(".card button, .card a[href]").length',
    );
    expect(controls).toBeGreaterThan(2);
    const seen = new Set<string>();
    for (let index = 0; index < (controls ?? 0); index++) {
      await page.press('Tab');
      const focused = await page.inCard<string>(`(root) => {
        const active = root.activeElement;
        if (!active) return '';
        const all = [...root.querySelectorAll('.card button, .card a[href]')];
        return String(all.indexOf(active));
      }`);
      if (focused) seen.add(focused);
    }
    expect(seen.size).toBe(controls);
  });

  it('closes on Escape and returns focus to where it was', async () => {
    await page.press('Escape');
    expect(await waitFor(async () => (await readCardText(page)) === '', 2_000)).toBe(true);
    expect(await page.evaluate<string>('() => document.activeElement?.tagName')).toBe('BODY');
    expect(await readActiveMark(page)).toBe('');
  });

  it('opens the card of a selected name', async () => {
    await page.evaluate(`() => {
      const text = document.querySelector('#p2').firstChild;
      const at = text.data.indexOf('Sergey Lavrov');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'Sergey Lavrov'.length);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    }`);
    await step('next');
    expect(await waitFor(() => readCardText(page))).toContain("Russia's foreign minister");
    await page.press('Escape');
  });

  it('does not open or focus a card on mere hover before the delay', async () => {
    await page.evaluate('() => getSelection().removeAllRanges()');
    expect(await readCardText(page)).toBe('');
  });
});
