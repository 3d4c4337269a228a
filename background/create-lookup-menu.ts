import { parseLookupAnswer } from '../src/messaging/messages.ts';
import { browser } from '../src/platform/browser.ts';
import { translate } from '../src/platform/translate.ts';
import { showNotFound } from './update-badge.ts';

export const LOOKUP_MENU_ID = 'cc-look-up';
const MAX_LOOKUP = 200;

/** Creates the "Look up in Context Cards" item on selected text. Menus persist, so this runs on install and update only. */
export async function createLookupMenu(): Promise<void> {
  // None in Firefox for Android.
  if (!browser.contextMenus) return;
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: LOOKUP_MENU_ID,
    title: translate('menuLookUp'),
    contexts: ['selection'],
  });
}

/**
 * Asks the tab's top frame to open the card for the selected text. When
 * nothing matched, or no content script runs there (browser pages, annotation
 * off for the site), the icon says so for a moment: no notifications permission.
 */
export async function lookUpSelection(tabId: number, selection: string): Promise<boolean> {
  const text = selection.trim().slice(0, MAX_LOOKUP);
  if (!text) return false;
  let answer: unknown;
  try {
    answer = await browser.tabs.sendMessage(tabId, { type: 'cc:lookup-text', text }, { frameId: 0 });
  } catch {
    answer = undefined;
  }
  const found = parseLookupAnswer(answer);
  // Only an answer of {found: false} means the page looked and nothing matched. No answer at all is
  // a page we do not run on (a browser page, a PDF) or one the reader turned us off for: saying
  // "nothing matched" there would be wrong about names the store knows.
  if (!found) await showNotFound(tabId, text, answer === undefined ? 'unavailable' : 'no-match');
  return found;
}
