import { type Message, parseMessage } from '../src/messaging/messages.ts';
import { browser, type Runtime } from '../src/platform/browser.ts';
import { readSettings } from '../src/settings/settings-storage.ts';
import { loadBundledStore } from '../src/store/load-store.ts';
import { readStoredPacks } from '../src/store/pack-storage.ts';
import type { Entity } from '../src/store/types.ts';

/**
 * The background is stateless: everything it needs is in the bundled store or
 * in storage, so the browser may stop and restart it at any time.
 */
const bundled = loadBundledStore();
const bundledById = new Map(bundled.entities.map((entity) => [entity.id, entity]));

async function findEntity(id: string): Promise<Entity | null> {
  const fromStore = bundledById.get(id);
  if (fromStore) return fromStore;
  const packs = await readStoredPacks();
  if (!Array.isArray(packs)) return null;
  for (const pack of packs) {
    const entities = (pack as { store?: { entities?: unknown } })?.store?.entities;
    if (!Array.isArray(entities)) continue;
    const found = entities.find((entity) => (entity as { id?: unknown })?.id === id);
    if (found) return found as Entity;
  }
  return null;
}

async function setBadge(tabId: number, count: number): Promise<void> {
  const settings = await readSettings();
  const text = settings.showBadge && count > 0 ? (count > 999 ? '999+' : String(count)) : '';
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#1565c0' });
    await browser.action.setBadgeText({ tabId, text });
  } catch {
    // The tab closed meanwhile.
  }
}

async function findShortcut(): Promise<string | null> {
  const commands = await browser.commands.getAll();
  return commands.find((command) => command.name === 'next-mention')?.shortcut || null;
}

function handleMessage(message: Message, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  switch (message.type) {
    case 'cc:get-entity':
      return findEntity(message.id).then((entity) => ({ entity }));
    case 'cc:mention-count':
      if (sender.tab?.id !== undefined && sender.frameId === 0) void setBadge(sender.tab.id, message.count);
      return undefined;
    case 'cc:get-shortcut':
      return findShortcut().then((shortcut) => ({ shortcut }));
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

browser.commands.onCommand.addListener((command: string, tab?: { id?: number }) => {
  if (tab?.id === undefined) return;
  const direction = command === 'previous-mention' ? 'previous' : 'next';
  void browser.tabs
    .sendMessage(tab.id, { type: 'cc:step-mention', direction }, { frameId: 0 })
    .catch(() => undefined);
});
