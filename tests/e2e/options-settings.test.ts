import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import {
  findTextBox,
  readCardText,
  readHighlightedTexts,
  readHighlights,
  sleep,
  waitFor,
} from './harness/page-helpers.ts';
import { type FixtureServer, serveFixtures } from './harness/serve-fixtures.ts';
import type { TestBrowser, TestPage } from './harness/test-browser.ts';
import {
  type ExtensionPage,
  findTabId,
  openApiPage,
  openExtensionTab,
  waitUntilReady,
} from './popup-extension-pages.ts';

function readHighlightNames(page: TestPage): Promise<string[]> {
  return readHighlights(page).then((highlights) =>
    Object.entries(highlights)
      .filter(([name, size]) => name !== 'cc-active' && size > 0)
      .map(([name]) => name),
  );
}

describe.each(BROWSERS)('settings page in $name', ({ name, launch }) => {
  let server: FixtureServer;
  let browser: TestBrowser;
  let page: TestPage;
  let options: ExtensionPage;

  beforeAll(async () => {
    server = await serveFixtures(resolve('tests/fixtures/pages'));
    browser = await launch();
    page = await browser.newPage();
    await page.goto(`${server.origin}/article.html`);
    await waitFor(async () => (await readHighlightedTexts(page)).length > 0);
    options = await openExtensionTab(browser, 'options/index.html');
    await waitUntilReady(options);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the defaults and the keyboard shortcut', async () => {
    const form = await options.evaluate<Record<string, unknown>>(`({
      enabled: document.getElementById('enabled').checked,
      badge: document.getElementById('show-badge').checked,
      style: document.querySelector('input[name="highlight-style"]:checked')?.value,
      delay: document.getElementById('hover-delay').value,
      theme: document.getElementById('theme').value,
      shortcut: document.getElementById('shortcut').textContent,
    })`);
    expect(form).toMatchObject({
      enabled: true,
      badge: true,
      style: 'underline',
      delay: '500',
      theme: 'auto',
    });
    expect(form.shortcut).toContain('Alt+Shift+K');
    if (name === 'chromium') {
      await options.evaluate('document.fonts.ready.then(() => 1)');
      await options.screenshot({ path: resolve('docs/images/options.png'), fullPage: true });
    }
  });

  it('changes the highlight style on open pages at once: tint, then none until hover', async () => {
    await options.click('input[name="highlight-style"][value="tint"]');
    expect(
      await waitFor(async () =>
        (await readHighlightNames(page)).every((entry) => entry.startsWith('cc-tint-')),
      ),
    ).toBe(true);
    await options.click('input[name="highlight-style"][value="none"]');
    expect(
      await waitFor(async () =>
        (await readHighlightNames(page)).every((entry) => entry.startsWith('cc-none-')),
      ),
    ).toBe(true);
    // Nothing is painted for 'none' (highlight.css has no cc-none rules) until the pointer rests on a name.
    const box = await findTextBox(page, '#p2', 'Sergey Lavrov');
    await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
    // Marked while the pointer rests and before any card opens (the card would mark it too).
    const markedBeforeCard = await waitFor(
      async () => (await readHighlights(page))['cc-active'] === 1 && (await readCardText(page)) === '',
      2_000,
      20,
    );
    expect(markedBeforeCard).toBe(true);
    await page.mouseMove(5, 790);
    await page.press('Escape');
    await sleep(800);
    await options.click('input[name="highlight-style"][value="underline"]');
    expect(
      await waitFor(async () =>
        (await readHighlightNames(page)).every((entry) => entry.startsWith('cc-underline-')),
      ),
    ).toBe(true);
  });

  it('marks only the chosen types, and only first mentions when asked', async () => {
    const before = await readHighlightedTexts(page);
    await options.click('#type-person');
    expect(await waitFor(async () => !(await readHighlightNames(page)).includes('cc-underline-person'))).toBe(
      true,
    );
    await options.click('#type-person');
    expect(await waitFor(async () => (await readHighlightNames(page)).includes('cc-underline-person'))).toBe(
      true,
    );
    await options.click('#first-mention-only');
    const firstOnly = await waitFor(async () => {
      const texts = await readHighlightedTexts(page);
      return texts.length < before.length ? texts : undefined;
    });
    expect(firstOnly?.filter((text) => text === 'Taliban').length).toBeLessThanOrEqual(1);
    await options.click('#first-mention-only');
    expect(await waitFor(async () => (await readHighlightedTexts(page)).length === before.length)).toBe(true);
  });

  it('stores the hover delay and theme, clamped to what the card accepts', async () => {
    await options.evaluate(`(() => {
      const delay = document.getElementById('hover-delay');
      delay.value = '20';
      delay.dispatchEvent(new Event('change', { bubbles: true }));
      const theme = document.getElementById('theme');
      theme.value = 'dark';
      theme.dispatchEvent(new Event('change', { bubbles: true }));
    })()`);
    const stored = await waitFor(() =>
      options.evaluate<{ hoverDelayMs: number; theme: string } | undefined>(
        `chrome.storage.sync.get('settings').then((items) => items.settings?.theme === 'dark' ? items.settings : undefined)`,
      ),
    );
    expect(stored).toMatchObject({ hoverDelayMs: 150, theme: 'dark' });
    expect(await options.evaluate(`document.getElementById('hover-delay').value`)).toBe('150');
  });

  it('shows the stored delay in the field it was typed in, also when that value was stored already', async () => {
    // 5000 stores 3000; 9000 then stores 3000 again, so storage reports no change at all.
    for (const [typed, stored] of [
      ['5000', 3000],
      ['9000', 3000],
    ] as const) {
      // Typing and pressing Enter: the field still has focus when `change` fires.
      const focused = await options.evaluate<boolean>(`(() => {
        const delay = document.getElementById('hover-delay');
        delay.focus();
        delay.value = ${JSON.stringify(typed)};
        delay.dispatchEvent(new Event('change', { bubbles: true }));
        return document.activeElement === delay;
      })()`);
      expect(focused).toBe(true);
      expect(
        await waitFor(() =>
          options.evaluate<boolean>(
            `chrome.storage.sync.get('settings').then((items) => items.settings?.hoverDelayMs === ${stored})`,
          ),
        ),
      ).toBe(true);
      const shown = await waitFor(async () => {
        const value = await options.evaluate<string>(`document.getElementById('hover-delay').value`);
        return value === String(stored) ? value : undefined;
      });
      expect(shown).toBe(String(stored));
    }
  });

  it('turns the badge off and clears it on open tabs', async () => {
    const api = await openApiPage(browser);
    const tabId = await findTabId(api, `${server.origin}/article.html`);
    const readBadge = () => api.evaluate<string>(`chrome.action.getBadgeText({ tabId: ${tabId} })`);
    expect(await waitFor(async () => (await readBadge()) !== '')).toBe(true);
    await options.click('#show-badge');
    expect(await waitFor(async () => (await readBadge()) === '')).toBe(true);
    await options.click('#show-badge');
    expect(await waitFor(async () => (await readBadge()) !== '')).toBe(true);
    if (api !== options && name === 'chromium') await api.close();
  });

  it('survives garbage in storage: every page opens with defaults and the page is still marked', async () => {
    await options.evaluate(`Promise.all([
      chrome.storage.sync.set({ settings: 'garbage' }),
      chrome.storage.local.set({ settings: { enabled: 'yes', markedTypes: 7, hoverDelayMs: 'slow' }, packs: { not: 'a list' } }),
    ]).then(() => 1)`);
    const fresh = await openExtensionTab(browser, 'options/index.html');
    await waitUntilReady(fresh);
    expect(
      await fresh.evaluate(`({
        enabled: document.getElementById('enabled').checked,
        style: document.querySelector('input[name="highlight-style"]:checked')?.value,
        delay: document.getElementById('hover-delay').value,
        packs: document.querySelectorAll('#pack-rows tr').length,
      })`),
    ).toEqual({ enabled: true, style: 'underline', delay: '500', packs: 0 });
    await fresh.close();
    const api = await openApiPage(browser);
    const tabId = await findTabId(api, `${server.origin}/article.html`);
    const popup = await openExtensionTab(browser, `popup/index.html?tab=${tabId}`);
    await waitUntilReady(popup);
    expect(await popup.evaluate(`document.querySelectorAll('button.entity').length`)).toBeGreaterThan(0);
    await popup.close();
    // Pages loaded now read the garbage too.
    const another = await browser.newPage();
    await another.goto(`${server.origin}/article.html`);
    expect(await waitFor(async () => (await readHighlightedTexts(another)).length > 0)).toBe(true);
    await sleep(300);
    expect(another.errors).toEqual([]);
    expect(page.errors).toEqual([]);
    await another.close();
  });
});
