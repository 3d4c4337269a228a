import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBrowser } from './harness/browser-paths.ts';
import { sleep, waitFor } from './harness/page-helpers.ts';
import { type FixtureServer, serveFixtures } from './harness/serve-fixtures.ts';

/**
 * Firefox MV3 treats host permissions, and content-script matches, as
 * something the user may withhold or revoke. This suite revokes them, checks
 * that the popup notices and offers access, clicks "Allow", and sees the page
 * marked again.
 *
 * What automation cannot do: answer Firefox's permission doorhanger. The pref
 * extensions.webextOptionalPermissionPrompts=false makes Firefox grant an
 * optional permission request without showing it, so the click, the request
 * from the click handler and everything after it are real; only the prompt
 * itself is skipped. The launch is our own (not the shared harness) to set it.
 */
async function launchFirefoxWithoutPrompts(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: requireBrowser('firefox'),
    headless: true,
    protocol: 'webDriverBiDi',
    defaultViewport: { width: 1200, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextOptionalPermissionPrompts': false,
      'extensions.update.enabled': false,
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
}

async function findPage(browser: Browser, matches: (url: string) => boolean): Promise<Page | undefined> {
  for (const page of await browser.pages()) {
    const url = await page.evaluate('location.href').catch(() => '');
    if (typeof url === 'string' && matches(url)) return page;
  }
  return undefined;
}

function countMarks(page: Page): Promise<number> {
  return page.evaluate(`(() => {
    let count = 0;
    CSS.highlights.forEach((highlight, name) => { if (String(name).startsWith('cc-')) count += highlight.size; });
    return count;
  })()`) as Promise<number>;
}

describe('popup without host permission in firefox', () => {
  let server: FixtureServer;
  let browser: Browser;
  let page: Page;
  let base: Page;

  async function openPopupFor(tabId: number): Promise<Page> {
    const marker = `m${Date.now()}`;
    await base.evaluate(
      `chrome.tabs.create({ url: chrome.runtime.getURL('popup/index.html?tab=${tabId}&${marker}') }).then(() => 1)`,
    );
    const popup = await waitFor(() => findPage(browser, (url) => url.endsWith(marker)));
    if (!popup) throw new Error('popup did not open');
    await waitFor(() => popup.evaluate('document.body.dataset.ready === "true"') as Promise<boolean>);
    return popup;
  }

  beforeAll(async () => {
    server = await serveFixtures(resolve('tests/fixtures/pages'));
    browser = await launchFirefoxWithoutPrompts();
    await browser.installExtension(resolve('dist/firefox'));
    const found = await waitFor(() => findPage(browser, (url) => url.startsWith('moz-extension://')), 10_000);
    if (!found) throw new Error('the settings tab the extension opens on install did not appear');
    base = found;
    page = await browser.newPage();
    await page.goto(`${server.origin}/article.html`);
    await waitFor(async () => (await countMarks(page)) > 0);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts with access to all sites and marks the page', async () => {
    expect(await base.evaluate(`chrome.permissions.contains({ origins: ['<all_urls>'] })`)).toBe(true);
    expect(await countMarks(page)).toBeGreaterThan(0);
  });

  it('after the user revokes access, the page is not marked and the popup says so and offers access', async () => {
    await base.evaluate(`chrome.permissions.remove({ origins: ['<all_urls>'] })`);
    expect(await base.evaluate(`chrome.permissions.contains({ origins: ['<all_urls>'] })`)).toBe(false);
    await page.reload();
    await sleep(1_500);
    expect(await countMarks(page)).toBe(0);
    const tabId = (await base.evaluate(
      `chrome.tabs.query({}).then((tabs) => tabs.filter((tab) => !tab.url).sort((a, b) => b.id - a.id)[0].id)`,
    )) as number;
    const popup = await openPopupFor(tabId);
    const state = await popup.evaluate(`({
      state: document.querySelector('.status')?.dataset.state,
      text: document.querySelector('.status p')?.textContent,
      button: document.getElementById('allow-site')?.textContent,
    })`);
    // Opened as a tab, the popup has no activeTab grant, so the URL is hidden and it offers all sites;
    // from the toolbar, activeTab reveals the URL and it offers "Allow on this site" (unit-tested).
    expect(state).toEqual({
      state: 'no-access',
      text: 'Context Cards has no access to websites, so it can’t mark names here.',
      button: 'Allow on all sites',
    });
    // Search works without access.
    await popup.evaluate(`(() => {
      const input = document.getElementById('search');
      input.value = 'kabul';
      input.dispatchEvent(new Event('input'));
    })()`);
    expect(await popup.evaluate(`document.querySelectorAll('#results button').length`)).toBeGreaterThan(0);

    // A real click: permissions.request needs a user gesture. The pref answers the prompt.
    await popup.click('#allow-site');
    expect(
      await waitFor(
        () => base.evaluate(`chrome.permissions.contains({ origins: ['<all_urls>'] })`) as Promise<boolean>,
      ),
    ).toBe(true);
    // The popup reloads the page, which is marked again.
    expect(await waitFor(async () => (await countMarks(page).catch(() => 0)) > 0, 8_000)).toBe(true);
  });
});
