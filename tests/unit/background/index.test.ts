import { describe, expect, it, vi } from 'vitest';

/**
 * The background's wiring on a browser without keyboard commands or context menus, as Firefox
 * for Android is (the manifest declares it): every other listener must still be registered.
 */
const fake = vi.hoisted(() => {
  const listeners = new Map<string, unknown[]>();
  const event = (name: string) => ({
    addListener: (listener: unknown) => listeners.set(name, [...(listeners.get(name) ?? []), listener]),
  });
  const browser = {
    runtime: {
      id: 'context-cards@example.org',
      onMessage: event('runtime.onMessage'),
      onInstalled: event('runtime.onInstalled'),
      onStartup: event('runtime.onStartup'),
      getURL: (path: string) => `moz-extension://test/${path}`,
    },
    storage: {
      onChanged: event('storage.onChanged'),
      local: { get: async () => ({}), set: async () => undefined },
      sync: { get: async () => ({}) },
    },
    tabs: { query: async () => [], sendMessage: async () => undefined, create: async () => ({}) },
    action: { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined },
    commands: undefined,
    contextMenus: undefined,
    i18n: { getMessage: (key: string) => key },
  };
  return { listeners, browser };
});

vi.mock('../../../src/platform/browser.ts', () => ({ browser: fake.browser }));

describe('background/index', () => {
  it('wires messages, install, start-up and storage changes on a browser without commands or menus', async () => {
    await expect(import('../../../background/index.ts')).resolves.toBeDefined();
    expect([...fake.listeners.keys()].sort()).toEqual([
      'runtime.onInstalled',
      'runtime.onMessage',
      'runtime.onStartup',
      'storage.onChanged',
    ]);
  });

  it('answers the content script that there is no shortcut, instead of failing', async () => {
    await import('../../../background/index.ts');
    const [onMessage] = fake.listeners.get('runtime.onMessage') as ((
      message: unknown,
      sender: unknown,
    ) => Promise<unknown> | undefined)[];
    const answer = await onMessage?.({ type: 'cc:get-shortcut' }, { id: fake.browser.runtime.id });
    expect(answer).toEqual({ shortcut: null });
  });

  it('installs without a lookup menu, instead of failing', async () => {
    const { createLookupMenu } = await import('../../../background/create-lookup-menu.ts');
    await expect(createLookupMenu()).resolves.toBeUndefined();
  });
});
