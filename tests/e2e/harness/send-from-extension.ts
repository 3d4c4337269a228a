import type { TestBrowser, TestPage } from './test-browser.ts';

const extensionPages = new WeakMap<TestBrowser, TestPage>();

/**
 * Sends a message to the content script of `target`'s tab from one of the
 * extension's own pages — the same message the background sends when the user
 * presses the keyboard command. Synthesised key presses never reach the
 * browser's command handling (in either browser), so this is how the tests
 * drive the command path; the command → message mapping has a unit test.
 */
export async function sendFromExtension<T>(
  browser: TestBrowser,
  target: TestPage,
  message: unknown,
): Promise<T> {
  let extensionPage = extensionPages.get(browser);
  if (!extensionPage) {
    extensionPage = await browser.openExtensionPage('options/index.html');
    extensionPages.set(browser, extensionPage);
  }
  // Without the `tabs` permission the extension cannot read tab URLs, so the
  // target is found as the active tab, as the keyboard command finds it.
  await target.bringToFront();
  return extensionPage.evaluate<T>(`async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    return api.tabs.sendMessage(tab.id, ${JSON.stringify(message)}, { frameId: 0 });
  }`);
}
