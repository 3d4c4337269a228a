import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import {
  findTextBox,
  readCardText,
  readHighlightedTexts,
  readOuterHtml,
  readPristineHtml,
  saveScreenshot,
  sleep,
  waitFor,
} from './harness/page-helpers.ts';
import { type FixtureServer, serveFixtures } from './harness/serve-fixtures.ts';
import type { TestBrowser, TestPage } from './harness/test-browser.ts';

describe.each(BROWSERS)('first hover card in $name', ({ name, launch }) => {
  let server: FixtureServer;
  let browser: TestBrowser;
  let page: TestPage;

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

  it('marks the names of the story with the Highlight API', async () => {
    const texts = await readHighlightedTexts(page);
    expect(texts).toEqual(expect.arrayContaining(['Vladimir Putin', 'Sergey Lavrov', 'Taliban', 'Kabul']));
  });

  it('leaves the page DOM byte-identical before any card opens', async () => {
    expect(await readOuterHtml(page)).toBe(await readPristineHtml(page));
  });

  it('opens a card with the summary on hover and closes it when the pointer leaves', async () => {
    const box = await findTextBox(page, '#p2', 'Sergey Lavrov');
    await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
    const text = await waitFor(() => readCardText(page), 4_000);
    expect(text).toContain('Sergey Lavrov');
    expect(text).toContain("Russia's foreign minister");
    await saveScreenshot(page, `${name}-card-lavrov`);
    await page.mouseMove(5, 790);
    await sleep(700);
    expect(await readCardText(page)).toBe('');
  });

  it('keeps a card the reader clicked into open, and closes it on a click elsewhere', async () => {
    const box = await findTextBox(page, '#p2', 'Sergey Lavrov');
    await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
    expect(await waitFor(() => readCardText(page), 4_000)).toContain('Sergey Lavrov');
    const summary = await waitFor(() =>
      page.inCard<{ x: number; y: number } | null>(`(root) => {
        const rect = root.querySelector('.summary')?.getBoundingClientRect();
        return rect ? { x: rect.x + 20, y: rect.y + rect.height / 2 } : null;
      }`),
    );
    if (!summary) throw new Error('the card has no summary');
    // The reader clicks into the card (to select its text, say) and then moves the pointer away:
    // the card stays, as it has the focus.
    await page.mouseMove(summary.x, summary.y);
    await page.mouseClick(summary.x, summary.y);
    await page.mouseMove(5, 790);
    await sleep(700);
    expect(await readCardText(page)).toContain('Sergey Lavrov');
    await page.mouseClick(5, 790);
    expect(await waitFor(async () => ((await readCardText(page)) === '' ? 'closed' : ''))).toBe('closed');
  });
});
