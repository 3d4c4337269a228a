import { type Message, parseMessage } from '../src/messaging/messages.ts';
import { browser, type Runtime } from '../src/platform/browser.ts';
import { SETTINGS_KEY } from '../src/settings/settings-storage.ts';
import { PACKS_KEY } from '../src/store/pack-storage.ts';
import { createLookupMenu, LOOKUP_MENU_ID, lookUpSelection } from './create-lookup-menu.ts';
import { findEntity } from './find-entity.ts';
import { openWelcomePageOnInstall } from './open-welcome-page.ts';
import { publishMatcher } from './publish-matcher.ts';
import { refreshAllBadges, setMentionBadge } from './update-badge.ts';

/**
 * Entry: wiring only. The background is stateless: everything it needs is in
 * the bundled store or in storage, so the browser may stop and restart it at
 * any time. Every listener is registered at the top level, so an event wakes it.
 */

async function findShortcut(): Promise<string | null> {
  // Firefox for Android has no keyboard commands and no context menus (browser.commands and
  // browser.contextMenus are undefined there): everything else must still be wired up.
  if (!browser.commands) return null;
  const commands = await browser.commands.getAll();
  return commands.find((command) => command.name === 'next-mention')?.shortcut || null;
}

function handleMessage(message: Message, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  switch (message.type) {
    case 'cc:get-entity':
      return findEntity(message.id).then((found) => ({
        entity: found?.entity ?? null,
        language: found?.language ?? null,
      }));
    case 'cc:mention-count':
      if (sender.tab?.id !== undefined && sender.frameId === 0)
        void setMentionBadge(sender.tab.id, message.count);
      return undefined;
    case 'cc:get-shortcut':
      return findShortcut().then((shortcut) => ({ shortcut }));
    case 'cc:get-matcher':
      // A page found no usable name list in storage (first page after an install or update).
      return publishMatcher().then((matcher) => ({ matcher: matcher ?? null }));
    default:
      return undefined;
  }
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  // Only our own pages and content scripts may talk to us.
  if (sender.id !== browser.runtime.id) return undefined;
  const message = parseMessage(raw);
  return message ? handleMessage(message, sender) : undefined;
});

browser.commands?.onCommand.addListener((command: string, tab?: { id?: number }) => {
  if (tab?.id === undefined) return;
  const direction = command === 'previous-mention' ? 'previous' : 'next';
  void browser.tabs
    .sendMessage(tab.id, { type: 'cc:step-mention', direction }, { frameId: 0 })
    .catch(() => undefined);
});

browser.runtime.onInstalled.addListener(() => {
  void createLookupMenu().catch(() => undefined);
  void publishMatcher();
});
browser.runtime.onStartup.addListener(() => void publishMatcher());
browser.contextMenus?.onClicked.addListener((info, tab) => {
  if (info.menuItemId === LOOKUP_MENU_ID && tab?.id !== undefined && info.selectionText)
    void lookUpSelection(tab.id, info.selectionText);
});

// The badge setting: clear every badge when it goes off, fill them in when it comes back.
browser.storage.onChanged.addListener((changes: Record<string, unknown>, areaName: string) => {
  if (SETTINGS_KEY in changes && (areaName === 'sync' || areaName === 'local')) void refreshAllBadges();
  // Imported or removed packs change what pages match.
  if (PACKS_KEY in changes && areaName === 'local') void publishMatcher();
});

openWelcomePageOnInstall();
