import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { requireBrowser } from './browser-paths.ts';
import type { TestBrowser, TestPage } from './test-browser.ts';

function wrapPage(context: BrowserContext, page: Page): TestPage {
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
    if (message.type() === 'warning') warnings.push(message.text());
  });
  return {
    errors,
    warnings,
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn) => page.evaluate(`(${fn})()`),
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
    press: (key) => page.keyboard.press(key),
    async chord(keys) {
      for (const key of keys) await page.keyboard.down(key as never);
      for (const key of [...keys].reverse()) await page.keyboard.up(key as never);
    },
    bringToFront: () => page.bringToFront(),
    async screenshot(path) {
      await page.screenshot({ path });
    },
    async inCard(fn) {
      const cdp = await context.newCDPSession(page);
      try {
        const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
        type DomNode = {
          nodeId: number;
          backendNodeId: number;
          localName?: string;
          children?: DomNode[];
          shadowRoots?: DomNode[];
        };
        const find = (node: DomNode): DomNode | undefined => {
          if (node.localName === 'context-cards-host') return node.shadowRoots?.[0];
          for (const child of node.children ?? []) {
            const found = find(child);
            if (found) return found;
          }
          return undefined;
        };
        const shadow = find(root as DomNode);
        if (!shadow) return undefined;
        const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
        const result = await cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId,
          functionDeclaration: `function () { return JSON.stringify((${fn})(this)); }`,
          returnByValue: true,
          awaitPromise: true,
        });
        const value = result.result.value as string | undefined;
        return value === undefined ? undefined : JSON.parse(value);
      } finally {
        await cdp.detach();
      }
    },
    close: () => page.close(),
  };
}

/** The same Chromium without the extension: the baseline a page is compared with. */
export async function launchPlainChromium(): Promise<Pick<TestBrowser, 'newPage' | 'close'>> {
  const browser = await chromium.launch({
    executablePath: requireBrowser('chromium'),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  return { newPage: async () => wrapPage(context, await context.newPage()), close: () => browser.close() };
}

/** Debian Chromium with the built extension, headless, with the flags that keep it offline (DESIGN.md). */
export async function launchChromium(
  distDir = resolve('dist/chrome'),
  headless = true,
): Promise<TestBrowser & { extensionId: string; context: BrowserContext }> {
  const executablePath = requireBrowser('chromium');
  const profile = mkdtempSync(join(tmpdir(), 'cc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: { width: 1200, height: 800 },
    args: [
      `--disable-extensions-except=${distDir}`,
      `--load-extension=${distDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // The settings page the extension opens on install comes up in front; wait for it and close it,
  // so it cannot later take the foreground from a test's page.
  const welcome = async () =>
    context.pages().some((page) => page.url().startsWith(`chrome-extension://${extensionId}/`));
  for (let waited = 0; waited < 5_000 && !(await welcome()); waited += 100)
    await new Promise((done) => setTimeout(done, 100));
  for (const page of context.pages()) await page.close();
  return {
    name: 'chromium',
    extensionId,
    context,
    newPage: async () => wrapPage(context, await context.newPage()),
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return wrapPage(context, page);
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
