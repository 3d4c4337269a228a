/**
 * A way into the extension's own pages (popup, settings) in both browsers, for
 * the popup-*, options-* and background-* suites. Chromium navigates to
 * chrome-extension:// URLs directly. Firefox does not let a test navigate to
 * moz-extension:// URLs, so the test starts from the settings tab the
 * extension opens on install (background/open-welcome-page.ts) and opens the
 * other pages from there with tabs.create, as the extension itself would.
 */
import type { BrowserContext, Page as ChromiumPage } from 'playwright-core';
import type { Browser as FirefoxBrowser, Page as FirefoxPage } from 'puppeteer-core';
import { sleep, waitFor } from './harness/page-helpers.ts';
import type { TestBrowser } from './harness/test-browser.ts';

/** The part of Playwright's and Puppeteer's Page that both share and the suites need. */
export interface ExtensionPage {
  evaluate<T>(expression: string): Promise<T>;
  click(selector: string): Promise<void>;
  screenshot(options: {
    path: string;
    fullPage?: boolean;
    clip?: { x: number; y: number; width: number; height: number };
  }): Promise<unknown>;
  close(): Promise<void>;
}

type LaunchedBrowser = TestBrowser & {
  context?: BrowserContext;
  extensionId?: string;
  browser?: FirefoxBrowser;
};

async function findFirefoxPage(browser: FirefoxBrowser, matches: (url: string) => boolean) {
  for (const page of await browser.pages()) {
    // Puppeteer may report a stale URL for tabs the extension opened; ask the page itself.
    const url = await page.evaluate('location.href').catch(() => '');
    if (typeof url === 'string' && matches(url)) return page;
  }
  return undefined;
}

/** The settings tab the extension opened on install, in Firefox. */
async function findFirefoxBase(browser: FirefoxBrowser): Promise<FirefoxPage> {
  const page = await waitFor(
    () => findFirefoxPage(browser, (url) => url.startsWith('moz-extension://') && url.includes('/options/')),
    10_000,
  );
  if (!page) throw new Error('the settings tab the extension opens on install did not appear');
  return page;
}

/** Opens `path` (e.g. "popup/index.html?tab=3") of the extension in a new tab. */
export async function openExtensionTab(launched: LaunchedBrowser, path: string): Promise<ExtensionPage> {
  if (launched.context && launched.extensionId) {
    const page: ChromiumPage = await launched.context.newPage();
    await page.goto(`chrome-extension://${launched.extensionId}/${path}`);
    return page as unknown as ExtensionPage;
  }
  if (!launched.browser) throw new Error('unknown browser');
  const base = await findFirefoxBase(launched.browser);
  const marker = `cc-e2e-${Math.random().toString(36).slice(2)}`;
  const separator = path.includes('?') ? '&' : '?';
  const url = `${path}${separator}${marker}`;
  await base.evaluate(
    `chrome.tabs.create({ url: chrome.runtime.getURL(${JSON.stringify(url)}) }).then(() => 1)`,
  );
  const page = await waitFor(() =>
    findFirefoxPage(launched.browser as FirefoxBrowser, (href) => href.endsWith(marker)),
  );
  if (!page) throw new Error(`could not open ${path}`);
  await waitFor(() => page.evaluate('document.readyState === "complete"'));
  return page as unknown as ExtensionPage;
}

/**
 * Opens `path` of the extension in a background tab of the window that holds tab `activeTabId`,
 * with that tab brought to the front first: as close as a test gets to the toolbar popup, which
 * has no tab id in its address and asks the browser for the window's active tab.
 */
export async function openExtensionTabBehind(
  launched: LaunchedBrowser,
  apiPage: ExtensionPage,
  path: string,
  activeTabId: number,
): Promise<ExtensionPage> {
  const marker = `cc-e2e-${Math.random().toString(36).slice(2)}`;
  const url = `${path}${path.includes('?') ? '&' : '?'}${marker}`;
  await apiPage.evaluate(
    `chrome.tabs.update(${activeTabId}, { active: true }).then((tab) =>
      chrome.tabs.create({ url: chrome.runtime.getURL(${JSON.stringify(url)}), active: false, windowId: tab.windowId }),
    ).then(() => 1)`,
  );
  const { context, browser } = launched;
  const found = await waitFor(async (): Promise<ExtensionPage | undefined> => {
    const candidate = context
      ? context.pages().find((open) => open.url().endsWith(marker))
      : browser && (await findFirefoxPage(browser, (href) => href.endsWith(marker)));
    return (candidate || undefined) as ExtensionPage | undefined;
  });
  if (!found) throw new Error(`could not open ${path} behind tab ${activeTabId}`);
  await waitFor(() => found.evaluate<boolean>('document.readyState === "complete"'));
  return found;
}

/** The settings page opened on install (Firefox) or a fresh one (Chromium): a place to run extension APIs from. */
export async function openApiPage(launched: LaunchedBrowser): Promise<ExtensionPage> {
  if (launched.browser) return (await findFirefoxBase(launched.browser)) as unknown as ExtensionPage;
  return openExtensionTab(launched, 'options/index.html');
}

/**
 * The id of the tab whose URL starts with `prefix`. Firefox shows extension
 * pages the URLs they have host access to; Chromium hides URLs from an
 * extension without the "tabs" permission, so there the newest tab with no
 * visible URL is taken (tests open the page they mean just before).
 */
export async function findTabId(apiPage: ExtensionPage, prefix: string): Promise<number> {
  const id = await apiPage.evaluate<number | null>(
    `chrome.tabs.query({}).then((tabs) => {
      const found = tabs.find((tab) => (tab.url ?? '').startsWith(${JSON.stringify(prefix)}));
      return (found ?? tabs.filter((tab) => !tab.url).sort((a, b) => b.id - a.id)[0])?.id ?? null;
    })`,
  );
  if (id === null) throw new Error(`no tab at ${prefix}`);
  return id;
}

/** Waits until the page's script set body[data-ready]. */
export async function waitUntilReady(page: ExtensionPage): Promise<void> {
  const ready = await waitFor(
    () => page.evaluate<boolean>('document.body.dataset.ready !== undefined'),
    10_000,
  );
  if (!ready) throw new Error('the extension page never became ready');
  await sleep(50);
}

/** Types into an input the way a user would, as far as the page's listeners can tell. */
export function typeInto(page: ExtensionPage, selector: string, value: string): Promise<void> {
  return page.evaluate(`(() => {
    const input = document.querySelector(${JSON.stringify(selector)});
    input.value = ${JSON.stringify(value)};
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  })()`);
}
