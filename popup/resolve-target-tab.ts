import { browser, type Tabs } from '../src/platform/browser.ts';

/**
 * The tab the popup is about. Normally the active tab of the popup's window.
 * `?tab=ID` names another one: when the popup is opened as a tab of its own
 * (end-to-end tests, or a user who opens popup/index.html in a tab) the active
 * tab is the popup itself. Only extension pages can open this page (it is not
 * web-accessible), and the popup only reads from and messages that tab.
 */
export async function resolveTargetTab(search: string): Promise<Tabs.Tab | undefined> {
  const requested = readRequestedTabId(search);
  try {
    if (requested !== undefined) return await browser.tabs.get(requested);
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab;
  } catch {
    return undefined;
  }
}

/**
 * The tab id in `?tab=`, if there is a usable one. The toolbar opens the popup with no query at
 * all, and `Number(null)` is 0: reading that as "tab 0" sent every real popup to a tab that does
 * not exist, so the popup said it could not read the page.
 */
function readRequestedTabId(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tab');
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : undefined;
}
