import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import { buildReactPage } from './harness/build-react-page.ts';
import {
  findTextBox,
  readCardText,
  readHighlightedTexts,
  readOuterHtml,
  saveScreenshot,
  sleep,
  waitFor,
  writeSettings,
} from './harness/page-helpers.ts';
import { type FixtureServer, serveFixtures } from './harness/serve-fixtures.ts';
import type { TestBrowser, TestPage } from './harness/test-browser.ts';

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

describe.each(BROWSERS)('live pages in $name', ({ name, launch }) => {
  let server: FixtureServer;
  let browser: TestBrowser;
  let page: TestPage;

  beforeAll(async () => {
    server = await serveFixtures(resolve('tests/fixtures/pages'));
    const react = await buildReactPage();
    server.route('/react-ssr.html', react.html);
    server.route('/react-app.js', react.script, { 'content-type': 'text/javascript; charset=utf-8' });
    browser = await launch();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets a server-rendered React page hydrate with no errors or warnings', async () => {
    await page.goto(`${server.origin}/react-ssr.html`);
    await waitFor(() => page.evaluate<boolean>('() => window.hydrated === true'));
    const texts = await waitFor(async () => {
      const found = await readHighlightedTexts(page);
      return found.length >= 5 ? found : undefined;
    });
    expect(texts?.sort()).toEqual(['Afghanistan', 'Moscow', 'Sergey Lavrov', 'Taliban', 'Vladimir Putin']);
    await page.evaluate('() => document.getElementById("like").click()');
    expect(
      await waitFor(() =>
        page.evaluate<boolean>('() => document.getElementById("like").textContent === "Likes: 1"'),
      ),
    ).toBe(true);
    const hydrationProblems = [...page.errors, ...page.warnings].filter((text) =>
      /hydrat|did not match|recoverable/i.test(text),
    );
    expect(hydrationProblems).toEqual([]);
    expect(page.errors).toEqual([]);
  });

  it('places the card beside the hovered line without covering it, and saves light and dark screenshots', async () => {
    await page.goto(`${server.origin}/article.html`);
    await waitFor(async () => (await readHighlightedTexts(page)).length > 0);
    const box = await findTextBox(page, '#p3', 'Abdul Qahar Balkhi');
    await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
    expect(await waitFor(() => readCardText(page))).toContain('Balkhi');
    const cardRect = await page.inCard<Rect>(
      '(root) => root.querySelector(".card").getBoundingClientRect().toJSON()',
    );
    const line = { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
    expect(cardRect).toBeDefined();
    const overlaps =
      cardRect &&
      cardRect.left < line.right &&
      cardRect.right > line.left &&
      cardRect.top < line.bottom &&
      cardRect.bottom > line.top;
    expect(overlaps).toBe(false);
    await saveScreenshot(page, `${name}-card-light`);
    await page.mouseMove(2, 2);
    await waitFor(async () => (await readCardText(page)) === '');

    await writeSettings(browser, { theme: 'dark' });
    await page.bringToFront();
    await page.goto(`${server.origin}/article-dark.html`);
    await waitFor(async () => (await readHighlightedTexts(page)).length > 0);
    const lavrov = await findTextBox(page, '#p2', 'Sergey Lavrov');
    await page.mouseMove(lavrov.x + lavrov.width / 2, lavrov.y + lavrov.height / 2);
    await waitFor(() => readCardText(page));
    const background = await page.inCard<string>(
      '(root) => getComputedStyle(root.querySelector(".card")).backgroundColor',
    );
    expect(background).toBe('rgb(29, 33, 39)');
    await saveScreenshot(page, `${name}-card-dark`);
    await page.mouseMove(2, 2);
    await waitFor(async () => (await readCardText(page)) === '');
    await writeSettings(browser, { theme: 'auto' });
  });

  it('shows nothing while the hover delay runs, then the card placed beside the mention', async () => {
    await page.goto(`${server.origin}/article.html`);
    await waitFor(async () => (await readHighlightedTexts(page)).length > 0);
    const box = await findTextBox(page, '#p4', 'Tajikistan');
    await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
    // The card is built and placed during the delay (500 ms by default), hidden until it ends.
    await sleep(320);
    const early = await page.inCard<{ cards: number; visible: number }>(`(root) => {
      const cards = [...root.querySelectorAll('.card')];
      return { cards: cards.length, visible: cards.filter((card) => getComputedStyle(card).visibility !== 'hidden').length };
    }`);
    expect(early?.visible ?? 0).toBe(0);
    expect(await readCardText(page)).toBe('');
    expect(await waitFor(() => readCardText(page))).toContain('Tajikistan');
    const shown = await page.inCard<{ visible: number; top: number; bottom: number }>(`(root) => {
      const cards = [...root.querySelectorAll('.card')];
      const visible = cards.filter((card) => getComputedStyle(card).visibility !== 'hidden');
      const rect = visible[0]?.getBoundingClientRect();
      return { visible: visible.length, top: rect?.top ?? 0, bottom: rect?.bottom ?? 0 };
    }`);
    expect(shown?.visible).toBe(1);
    // Placed against the hovered line: entirely below it or entirely above it.
    const clearOfLine = (shown?.top ?? 0) >= box.y + box.height - 1 || (shown?.bottom ?? 0) <= box.y + 1;
    expect(clearOfLine, JSON.stringify({ shown, box })).toBe(true);
    await page.mouseMove(2, 2);
    await waitFor(async () => (await readCardText(page)) === '');
  });

  it('closes the card when its mention scrolls out of view', async () => {
    await page.bringToFront();
    await page.evaluate('() => { document.body.style.paddingBottom = "3000px"; window.scrollTo(0, 0); }');
    const box = await findTextBox(page, '#p1', 'Vladimir Putin');
    await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
    expect(await waitFor(() => readCardText(page))).toContain('Putin');
    await page.evaluate('() => window.scrollTo(0, 2500)');
    expect(await waitFor(async () => (await readCardText(page)) === '', 2_000)).toBe(true);
    await page.evaluate('() => { document.body.style.paddingBottom = ""; window.scrollTo(0, 0); }');
  });

  it('turns off and on for this site without a reload', async () => {
    await page.goto(`${server.origin}/article.html`);
    await waitFor(async () => (await readHighlightedTexts(page)).length > 0);
    const box = await findTextBox(page, '#p2', 'Sergey Lavrov');
    await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
    await waitFor(() => readCardText(page));
    await writeSettings(browser, { disabledSites: ['127.0.0.1'] });
    await page.bringToFront();
    expect(await waitFor(async () => (await readHighlightedTexts(page)).length === 0, 3_000)).toBe(true);
    expect(await readOuterHtml(page)).not.toContain('context-cards-host');
    await page.mouseMove(box.x + box.width / 2 + 1, box.y + box.height / 2);
    await sleep(900);
    expect(await readCardText(page)).toBe('');

    await writeSettings(browser, { disabledSites: [] });
    await page.bringToFront();
    const back = await waitFor(async () => {
      const found = await readHighlightedTexts(page);
      return found.length > 0 ? found : undefined;
    }, 3_000);
    expect(back).toEqual(expect.arrayContaining(['Sergey Lavrov', 'Vladimir Putin']));
  });
});
