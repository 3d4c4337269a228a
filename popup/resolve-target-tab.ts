import { browser, type Tabs } from '../src/platform/browser.ts';

/**
 * The tab the popup is about. Normally the active tab of the popup's window.
 * `?tab=ID` names another one: when the popup is opened as a tab of its own
 * (end-to-end tests, or a user who opens popup/index.html in a tab) the active
 * tab is the popup itself. Only extension pages can open this page (it is not
 * web-accessible), and the popup only reads from and messages that tab.
 */
export async function resolveTargetTab(search: string): Promise<Tabs.Tab | undefined> {
  const requested = Number(new URLSearchParams(search).get('tab'));
  try {
    if (Number.isInteger(requested) && requested >= 0) return await browser.tabs.get(requested);
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab;
  } catch {
    return undefined;
  }
}
