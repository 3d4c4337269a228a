import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { requireBrowser } from './browser-paths.ts';
import type { TestBrowser, TestPage } from './test-browser.ts';

interface BidiConnection {
  send(method: string, params: unknown): Promise<{ result: unknown }>;
}

interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

/** Reaches the WebDriver BiDi connection under Puppeteer, for what its API does not cover (closed shadow roots). */
function bidiOf(browser: Browser): BidiConnection {
  return (browser as unknown as { connection: BidiConnection }).connection;
}

function wrapPage(browser: Browser, page: Page): TestPage {
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
    if (message.type() === 'warn') warnings.push(message.text());
  });
  const contextId = () => (page.mainFrame() as unknown as { _id: string })._id;
  const callFunction = async (functionDeclaration: string, args: unknown[], depth = 0) => {
    const response = await bidiOf(browser).send('script.callFunction', {
      functionDeclaration,
      target: { context: contextId() },
      arguments: args,
      awaitPromise: true,
      serializationOptions: { maxDomDepth: depth },
    });
    const result = response.result as {
      type: string;
      result?: RemoteValue;
      exceptionDetails?: { text: string };
    };
    if (result.type === 'exception') throw new Error(result.exceptionDetails?.text ?? 'script error');
    return result.result as RemoteValue;
  };
  return {
    errors,
    warnings,
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: <T>(fn: string) => page.evaluate(`(${fn})()`) as Promise<T>,
    async evaluateInFrame<T>(urlPart: string, fn: string) {
      const frame = page
        .frames()
        .find((candidate) => candidate !== page.mainFrame() && candidate.url().includes(urlPart));
      return frame ? ((await frame.evaluate(`(${fn})()`)) as T) : null;
    },
    async mouseMove(x, y) {
      await page.mouse.move(x, y, { steps: 2 });
    },
    async mouseClick(x, y) {
      await page.mouse.click(x, y);
    },
    press: (key) => page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]),
    async chord(keys) {
      for (const key of keys) await page.keyboard.down(key as never);
      for (const key of [...keys].reverse()) await page.keyboard.up(key as never);
    },
    bringToFront: () => page.bringToFront(),
    async screenshot(path) {
      await page.screenshot({ path: path as `${string}.png` });
    },
    async inCard(fn) {
      // WebDriver serialises an element's shadow root even when it is closed.
      const host = await callFunction('() => document.querySelector("context-cards-host")', [], 0);
      if (host.type !== 'node' || !host.sharedId) return undefined;
      const withShadow = await callFunction('(host) => host', [{ sharedId: host.sharedId }], 1);
      const shadowRoot = (withShadow.value as { shadowRoot?: RemoteValue } | undefined)?.shadowRoot;
      if (!shadowRoot?.sharedId) return undefined;
      const result = await callFunction(`(root) => JSON.stringify((${fn})(root))`, [
        { sharedId: shadowRoot.sharedId },
      ]);
      return result.type === 'string' ? JSON.parse(String(result.value)) : undefined;
    },
    close: () => page.close(),
  };
}

const anchors = new WeakMap<Browser, Page>();

/** The settings page the extension opened on install: the tests' way into extension pages in Firefox. */
async function findExtensionPage(browser: Browser): Promise<Page> {
  const known = anchors.get(browser);
  if (known && !known.isClosed()) return known;
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension:')) {
        anchors.set(browser, page);
        return page;
      }
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('The extension did not open its settings page on install.');
}

/** Firefox ESR over WebDriver BiDi, headless and offline, with no extension. */
function startFirefox(): Promise<Browser> {
  const executablePath = requireBrowser('firefox');
  return puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    protocol: 'webDriverBiDi',
    defaultViewport: { width: 1200, height: 800 },
    extraPrefsFirefox: {
      // Keep the run offline and quiet.
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.update.enabled': false,
      'app.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.newtabpage.enabled': false,
      'extensions.webextensions.restrictedDomains': '',
    },
  });
}

/** The same Firefox without the extension: the baseline a page is compared with. */
export async function launchPlainFirefox(): Promise<Pick<TestBrowser, 'newPage' | 'close'>> {
  const browser = await startFirefox();
  return { newPage: async () => wrapPage(browser, await browser.newPage()), close: () => browser.close() };
}

/** Firefox ESR over WebDriver BiDi with the built extension installed as a temporary add-on. */
export async function launchFirefox(
  distDir = resolve('dist/firefox'),
): Promise<TestBrowser & { browser: Browser; extensionId: string }> {
  const browser = await startFirefox();
  const extensionId = await browser.installExtension(distDir);
  // The settings page the extension opens on install comes up in front; wait for it, so it cannot
  // later take the foreground from a test's page (a background tab gets no animation frames).
  await findExtensionPage(browser);
  return {
    name: 'firefox',
    browser,
    extensionId,
    newPage: async () => wrapPage(browser, await browser.newPage()),
    async openExtensionPage(path) {
      // Firefox lets no test navigate to moz-extension:// URLs, but the
      // extension opens its own settings page on first install; from that
      // page, which is ours, the test opens any other extension page.
      const anchor = await findExtensionPage(browser);
      const before = new Set(await browser.pages());
      await anchor.evaluate((target: string) => {
        type Api = {
          tabs: { create(options: { url: string }): Promise<unknown> };
          runtime: { getURL(path: string): string };
        };
        const api = (globalThis as unknown as { browser: Api }).browser;
        return api.tabs.create({ url: api.runtime.getURL(target) }).then(() => undefined);
      }, path);
      const end = Date.now() + 10_000;
      while (Date.now() < end) {
        for (const page of await browser.pages()) {
          if (before.has(page)) continue;
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (href.startsWith('moz-extension:') && href.includes(path.split('?')[0] as string)) {
            await page.waitForFunction(() => document.readyState === 'complete');
            return wrapPage(browser, page);
          }
        }
        await new Promise((done) => setTimeout(done, 100));
      }
      throw new Error(`The extension page ${path} did not open.`);
    },
    close: () => browser.close(),
  };
}
