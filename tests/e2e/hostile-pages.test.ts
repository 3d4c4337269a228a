import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import {
  findTextBox,
  readCardText,
  readHighlightedTexts,
  readOuterHtml,
  readPristineHtml,
  sleep,
  waitFor,
} from './harness/page-helpers.ts';
import { type FixtureServer, serveFixtures } from './harness/serve-fixtures.ts';
import type { TestBrowser, TestPage } from './harness/test-browser.ts';

/** Errors that come from us: anything naming the extension, its messages, or our highlight names. */
function ourErrors(errors: string[]): string[] {
  return errors.filter((error) =>
    /extension|context-cards|cc-|Context Cards|chrome-extension:|moz-extension:/i.test(error),
  );
}

async function hover(page: TestPage, selector: string, text: string): Promise<string> {
  const box = await findTextBox(page, selector, text);
  await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
  return waitFor(() => readCardText(page), 4_000);
}

describe.each(BROWSERS)('hostile pages in $name', ({ launch }) => {
  let server: FixtureServer;
  let browser: TestBrowser;
  let page: TestPage | undefined;

  beforeAll(async () => {
    server = await serveFixtures(resolve('tests/fixtures/pages'));
    browser = await launch();
  });

  afterEach(async () => {
    await page?.close();
    page = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe('strict CSP', () => {
    it("marks names and opens cards under default-src 'none'", async () => {
      page = await browser.newPage();
      await page.goto(`${server.origin}/hostile-csp.html?csp=${encodeURIComponent("default-src 'none'")}`);
      const texts = await waitFor(async () => {
        const found = await readHighlightedTexts(page as TestPage);
        return found.length >= 4 ? found : undefined;
      });
      expect(texts).toEqual(expect.arrayContaining(['Sergey Lavrov', 'Afghanistan', 'Kabul', 'Taliban']));
      // The CSP forbids the page's own fetch, so the pristine DOM comes from the same bytes served without it.
      const plain = await browser.newPage();
      await plain.goto(`${server.origin}/hostile-csp.html`);
      const pristine = await readPristineHtml(plain);
      await plain.close();
      expect(await readOuterHtml(page)).toBe(pristine);
      const card = await hover(page, '#p1', 'Sergey Lavrov');
      expect(card).toContain("Russia's foreign minister");
      expect(ourErrors(page.errors)).toEqual([]);
    });
  });

  describe('highlight squatting and rewritten built-ins', () => {
    it('takes back its highlight names, keeps marking after the page wipes them, and opens cards', async () => {
      page = await browser.newPage();
      await page.goto(`${server.origin}/hostile-highlights.html`);
      // The page then wipes every highlight twice without touching its DOM; the marks come back
      // as soon as the reader moves the pointer.
      await waitFor(() => page?.evaluate<boolean>('() => window.clearCount >= 2') as Promise<boolean>);
      await page.mouseMove(600, 700);
      await page.mouseMove(620, 720);
      const back = await waitFor(async () => {
        const found = await readHighlightedTexts(page as TestPage);
        return found.includes('Sergey Lavrov') ? found : undefined;
      }, 2_000);
      expect(back).toEqual(
        expect.arrayContaining(['Sergey Lavrov', 'Afghanistan', 'Vladimir Putin', 'Taliban']),
      );
      expect(await page.evaluate<boolean>("() => CSS.highlights.has('page-own')")).toBe(true);
      const card = await hover(page, '#p1', 'Sergey Lavrov');
      expect(card).toContain("Russia's foreign minister");
      expect(await readHighlightedTexts(page)).toEqual(expect.arrayContaining(['Sergey Lavrov']));
      expect(ourErrors(page.errors)).toEqual([]);
    });
  });

  describe('swallowed keys and a focus trap', () => {
    it('closes the card with Escape although the page stops every key event', async () => {
      page = await browser.newPage();
      await page.goto(`${server.origin}/hostile-keyboard.html`);
      await waitFor(async () => (await readHighlightedTexts(page as TestPage)).includes('Sergey Lavrov'));
      const card = await hover(page, '#p1', 'Sergey Lavrov');
      expect(card).toContain('Sergey Lavrov');
      await page.press('Escape');
      expect(await waitFor(async () => (await readCardText(page as TestPage)) === '', 2_000)).toBe(true);
      // The page still got its key: we listen, we do not swallow.
      expect(await page.evaluate<string[]>('() => window.swallowed')).toContain('Escape');
    });

    it('keeps the card usable with the mouse while the page pulls focus back', async () => {
      page = await browser.newPage();
      await page.goto(`${server.origin}/hostile-keyboard.html`);
      await waitFor(async () => (await readHighlightedTexts(page as TestPage)).includes('Sergey Lavrov'));
      await hover(page, '#p1', 'Sergey Lavrov');
      // Click the first related entity in the card: the card must follow, focus trap or not.
      const target = await page.inCard<{ x: number; y: number; name: string }>(`(root) => {
        const button = root.querySelector('[data-related]');
        button.scrollIntoView({ block: 'nearest' });
        const rect = button.getBoundingClientRect();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2, name: button.firstChild.textContent };
      }`);
      expect(target).toBeDefined();
      const { x, y, name } = target as { x: number; y: number; name: string };
      await page.mouseMove(x, y);
      await page.mouseClick(x, y);
      const title = await waitFor(async () => {
        const text = await page?.inCard<string>('(root) => root.querySelector("h2")?.textContent ?? ""');
        return text === name ? text : undefined;
      }, 3_000);
      expect(title).toBe(name);
      await page.press('Escape');
      expect(await waitFor(async () => (await readCardText(page as TestPage)) === '', 2_000)).toBe(true);
    });
  });

  describe('right-to-left, mixed scripts and Cyrillic', () => {
    it('marks Persian, Russian and mixed-script names, and nothing in lookalikes', async () => {
      page = await browser.newPage();
      await page.goto(`${server.origin}/hostile-scripts.html`);
      const texts = await waitFor(async () => {
        const found = await readHighlightedTexts(page as TestPage);
        return found.includes('Сергей Лавров') && found.includes('Sergey Lavrov') ? found : undefined;
      });
      expect(texts).toEqual(
        expect.arrayContaining([
          'ولادیمیر پوتین',
          'کابل',
          'Владимир Путин',
          'Россия',
          'Сергей Лавров',
          'Лавров',
          'Кабуле',
          'Путин',
          'Sergey Lavrov',
          'Kabul',
        ]),
      );
      const lookalikes = await page.evaluate<string[]>(`() => {
        const node = document.getElementById('lookalike');
        const out = [];
        CSS.highlights.forEach((highlight, name) => {
          if (String(name).startsWith('cc-')) highlight.forEach((range) => { if (node.contains(range.startContainer)) out.push(range.toString()); });
        });
        return out;
      }`);
      expect(lookalikes).toEqual([]);
      expect(await readOuterHtml(page)).toBe(await readPristineHtml(page));
    });

    it('opens the card for a Cyrillic name in a right-to-left page', async () => {
      page = await browser.newPage();
      await page.goto(`${server.origin}/hostile-scripts.html`);
      await waitFor(async () => (await readHighlightedTexts(page as TestPage)).includes('Сергей Лавров'));
      const card = await hover(page, '#ru', 'Сергей Лавров');
      expect(card).toContain('Sergey Lavrov');
      await page.mouseMove(5, 790);
      await sleep(600);
      const persian = await hover(page, '#fa', 'ولادیمیر پوتین');
      expect(persian).toContain('Vladimir Putin');
      expect(ourErrors(page.errors)).toEqual([]);
    });
  });
});
