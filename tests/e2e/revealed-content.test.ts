import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import { findTextBox, readCardText, readHighlightedTexts, sleep, waitFor } from './harness/page-helpers.ts';
import { sendFromExtension } from './harness/send-from-extension.ts';
import { type FixtureServer, serveFixtures } from './harness/serve-fixtures.ts';
import type { TestBrowser, TestPage } from './harness/test-browser.ts';

/** Clicks the middle of an element with the mouse, as a reader would. */
async function clickOn(page: TestPage, selector: string): Promise<void> {
  const box = await page.evaluate<{ x: number; y: number } | null>(`() => {
    const element = document.querySelector(${JSON.stringify(selector)});
    if (!element) return null;
    element.scrollIntoView({ block: 'center' });
    const rect = element.getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  }`);
  if (!box) throw new Error(`${selector} not found`);
  await page.mouseClick(box.x, box.y);
}

/** Waits until the marked names are exactly `expected` (in any order) and returns them sorted. */
async function waitForMarks(page: TestPage, expected: string[]): Promise<string[]> {
  const want = JSON.stringify([...expected].sort());
  await waitFor(async () => JSON.stringify((await readHighlightedTexts(page)).sort()) === want, 5_000);
  // Give a late, wrong re-scan the time to show up before the final look.
  await sleep(300);
  return (await readHighlightedTexts(page)).sort();
}

interface PageEntities {
  entities: { name: string; count: number }[];
}

describe.each(BROWSERS)('names in content the page reveals later in $name', ({ launch }) => {
  let server: FixtureServer;
  let browser: TestBrowser;
  let page: TestPage;

  beforeAll(async () => {
    server = await serveFixtures(resolve('tests/fixtures/pages'));
    browser = await launch();
    page = await browser.newPage();
    await page.goto(`${server.origin}/revealed-content.html`);
    await waitFor(async () => (await readHighlightedTexts(page)).includes('Central Asia'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('leaves the story unmarked while the cookie notice hides it from screen readers', async () => {
    expect(await waitForMarks(page, ['Central Asia', 'Moscow', 'Uzbekistan'])).toEqual([
      'Central Asia',
      'Moscow',
      'Uzbekistan',
    ]);
  });

  it('marks the story once the reader dismisses the notice, and opens a card from it', async () => {
    await clickOn(page, '#accept');
    // The story's names appear; the notice's Moscow goes with the notice.
    expect(await waitForMarks(page, ['Central Asia', 'Sergey Lavrov', 'Kabul', 'Uzbekistan'])).toEqual([
      'Central Asia',
      'Kabul',
      'Sergey Lavrov',
      'Uzbekistan',
    ]);
    const box = await findTextBox(page, '#lead', 'Sergey Lavrov');
    await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
    expect(await waitFor(() => readCardText(page), 5_000)).toContain('Sergey Lavrov');
    await page.mouseMove(2, 2);
    expect(await waitFor(async () => (await readCardText(page)) === '', 5_000)).toBe(true);
  });

  it('marks the names of the tab the reader opens, the component in it included', async () => {
    await clickOn(page, '#tab-background');
    expect(
      await waitForMarks(page, ['Central Asia', 'Sergey Lavrov', 'Sochi', 'Tajikistan', 'Uzbekistan']),
    ).toEqual(['Central Asia', 'Sergey Lavrov', 'Sochi', 'Tajikistan', 'Uzbekistan']);
  });

  it('takes the marks off the tab the reader leaves, and leaves its names out of the popup', async () => {
    await clickOn(page, '#tab-today');
    expect(await waitForMarks(page, ['Central Asia', 'Kabul', 'Sergey Lavrov', 'Uzbekistan'])).toEqual([
      'Central Asia',
      'Kabul',
      'Sergey Lavrov',
      'Uzbekistan',
    ]);
    const listed = await sendFromExtension<PageEntities>(browser, page, { type: 'cc:list-page-entities' });
    const names = listed.entities.map((entity) => entity.name);
    expect(names).toContain('Kabul');
    expect(names).not.toContain('Tajikistan');
    expect(names).not.toContain('Sochi');
  });

  it('marks the folded section once it is opened', async () => {
    await clickOn(page, '#read-more');
    expect(
      await waitForMarks(page, ['Central Asia', 'Kabul', 'Sergey Lavrov', 'Uzbekistan', 'Zamir Kabulov']),
    ).toEqual(['Central Asia', 'Kabul', 'Sergey Lavrov', 'Uzbekistan', 'Zamir Kabulov']);
  });

  it('takes the marks off a paragraph the page turns into an editor', async () => {
    const before = (await readHighlightedTexts(page)).sort();
    expect(before).toContain('Uzbekistan');
    await clickOn(page, '#correct');
    const others = before.filter((text) => text !== 'Uzbekistan');
    expect(await waitForMarks(page, others)).toEqual(others);
    // Typing in it marks nothing either.
    await page.evaluate(`() => document.getElementById('letter').append(' And Kabul?')`);
    await sleep(500);
    expect((await readHighlightedTexts(page)).sort()).toEqual(others);
  });
});
