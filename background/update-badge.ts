import { parsePageEntities } from '../src/messaging/messages.ts';
import { browser } from '../src/platform/browser.ts';
import { translate } from '../src/platform/translate.ts';
import { readSettings } from '../src/settings/settings-storage.ts';

const BADGE_COLOR = '#1565c0';
/** How long the "?" of a context-menu lookup that found nothing stays on the icon. */
export const NOT_FOUND_MS = 3_000;

function formatCount(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

async function setBadgeText(tabId: number, text: string): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
    await browser.action.setBadgeText({ tabId, text });
  } catch {
    // The tab closed meanwhile.
  }
}

/** The badge of one tab shows its number of mentions, unless the user turned the badge off. */
export async function setMentionBadge(tabId: number, count: number): Promise<void> {
  const { showBadge } = await readSettings();
  await setBadgeText(tabId, showBadge ? formatCount(count) : '');
}

/** Asks the tab's content script how many mentions it has: the background keeps no count of its own. */
export async function refreshTabBadge(tabId: number): Promise<void> {
  let answer: unknown;
  try {
    answer = await browser.tabs.sendMessage(tabId, { type: 'cc:list-page-entities' }, { frameId: 0 });
  } catch {
    answer = undefined; // no content script there
  }
  const page = parsePageEntities(answer);
  const count = page?.entities.reduce((sum, entity) => sum + entity.count, 0) ?? 0;
  await setMentionBadge(tabId, count);
}

/** After the badge setting changes: clear every badge, or fill them in again. */
export async function refreshAllBadges(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : refreshTabBadge(tab.id))));
}

/**
 * A short-lived "?" on the icon, with a tooltip, when a context-menu lookup found no card: nothing
 * matched, or the page could not look (`unavailable`).
 */
export async function showNotFound(
  tabId: number,
  text: string,
  reason: 'no-match' | 'unavailable' = 'no-match',
): Promise<void> {
  await setBadgeText(tabId, '?');
  const shown = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  const title = translate(reason === 'unavailable' ? 'lookupUnavailable' : 'lookupNotFound', shown);
  await browser.action.setTitle({ tabId, title }).catch(() => undefined);
  setTimeout(() => {
    void browser.action.setTitle({ tabId, title: translate('actionTitle') }).catch(() => undefined);
    void refreshTabBadge(tabId);
  }, NOT_FOUND_MS);
}
