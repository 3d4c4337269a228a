import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import { readHighlightedTexts, waitFor } from './harness/page-helpers.ts';
import { type FixtureServer, serveFixtures } from './harness/serve-fixtures.ts';
import type { TestBrowser, TestPage } from './harness/test-browser.ts';

/**
 * The name list pages match against is compiled by the background and kept in storage.local
 * (src/matcher/stored-matcher.ts). A page that finds it missing or damaged asks the background,
 * which builds it again; nothing the reader sees changes.
 */
const STORED = `async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const value = (await api.storage.local.get('matcher')).matcher;
  return typeof value === 'string' ? value.slice(0, 12) : String(value);
}`;

function setStored(value: unknown): string {
  return `async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    await api.storage.local.set({ matcher: ${JSON.stringify(value)} });
  }`;
}

describe.each(BROWSERS)('the stored name list in $name', ({ launch }) => {
  let server: FixtureServer;
  let browser: TestBrowser;
  let page: TestPage;
  let names: string[];

  beforeAll(async () => {
    server = await serveFixtures(resolve('tests/fixtures/pages'));
    browser = await launch();
    page = await browser.newPage();
    await page.goto(`${server.origin}/article.html`);
    names =
      (await waitFor(async () => {
        const texts = await readHighlightedTexts(page);
        return texts.includes('Sergey Lavrov') ? texts : undefined;
      }, 10_000)) ?? [];
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is stored by the background as one JSON string', async () => {
    expect(names).toContain('Sergey Lavrov');
    const extensionPage = await browser.openExtensionPage('options/index.html');
    expect(
      await waitFor(async () => ((await extensionPage.evaluate(STORED)) as string).startsWith('{"version":')),
    ).toBe(true);
    await extensionPage.close();
  });

  it('comes back when damaged: an open page marks the same names again and storage is mended', async () => {
    const extensionPage = await browser.openExtensionPage('options/index.html');
    await extensionPage.evaluate(setStored('{"version":"damaged'));
    const mended = await waitFor(
      async () => ((await extensionPage.evaluate(STORED)) as string).startsWith('{"version":'),
      10_000,
    );
    expect(mended).toBe(true);
    const again = await waitFor(async () => {
      const texts = await readHighlightedTexts(page);
      return texts.length === names.length ? texts : undefined;
    }, 10_000);
    expect([...(again ?? [])].sort()).toEqual([...names].sort());
    await extensionPage.close();
  });

  it('a page loaded while it is missing still marks every name', async () => {
    const extensionPage = await browser.openExtensionPage('options/index.html');
    await extensionPage.evaluate(`async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      await api.storage.local.remove('matcher');
    }`);
    await extensionPage.close();
    const fresh = await browser.newPage();
    await fresh.goto(`${server.origin}/article.html`);
    const texts = await waitFor(async () => {
      const found = await readHighlightedTexts(fresh);
      return found.length === names.length ? found : undefined;
    }, 10_000);
    expect(names).toContain('Sergey Lavrov');
    expect([...(texts ?? [])].sort()).toEqual([...names].sort());
    await fresh.close();
  });
});
