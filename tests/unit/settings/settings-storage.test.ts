import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => void;

/** An in-memory storage.sync and storage.local with onChanged, like the browser's. */
const fake = vi.hoisted(() => {
  const listeners = new Set<Listener>();
  const makeArea = (name: string) => {
    const data = new Map<string, unknown>();
    return {
      data,
      failSet: false,
      failGet: false,
      async get(key: string) {
        if (this.failGet) throw new Error(`${name} unavailable`);
        return data.has(key) ? { [key]: structuredClone(data.get(key)) } : {};
      },
      async set(items: Record<string, unknown>) {
        if (this.failSet) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        for (const [key, value] of Object.entries(items)) {
          data.set(key, structuredClone(value));
          for (const listener of listeners) listener({ [key]: { newValue: value } }, name);
        }
      },
      async remove(key: string) {
        if (!data.delete(key)) return;
        for (const listener of listeners) listener({ [key]: {} }, name);
      },
    };
  };
  return {
    listeners,
    sync: makeArea('sync'),
    local: makeArea('local'),
  };
});

vi.mock('../../../src/platform/browser.ts', () => ({
  browser: {
    storage: {
      sync: fake.sync,
      local: fake.local,
      onChanged: {
        addListener: (listener: Listener) => fake.listeners.add(listener),
        removeListener: (listener: Listener) => fake.listeners.delete(listener),
      },
    },
  },
}));

const { readSettings, SETTINGS_KEY, watchSettings, writeSettings } = await import(
  '../../../src/settings/settings-storage.ts'
);
const { defaultSettings } = await import('../../../src/settings/defaults.ts');

describe('settings-storage', () => {
  beforeEach(() => {
    for (const area of [fake.sync, fake.local]) {
      area.data.clear();
      area.failGet = false;
      area.failSet = false;
    }
    fake.listeners.clear();
  });

  describe('readSettings', () => {
    it('gives defaults when nothing is stored', async () => {
      expect(await readSettings()).toEqual(defaultSettings);
    });

    it('gives defaults for garbage in either area', async () => {
      fake.sync.data.set(SETTINGS_KEY, 'garbage');
      expect(await readSettings()).toEqual(defaultSettings);
      fake.sync.data.clear();
      fake.local.data.set(SETTINGS_KEY, { enabled: 'maybe', markedTypes: 7 });
      expect(await readSettings()).toEqual(defaultSettings);
    });

    it('reads storage.local when sync is unavailable', async () => {
      fake.sync.failGet = true;
      fake.local.data.set(SETTINGS_KEY, { ...defaultSettings, theme: 'dark' });
      expect((await readSettings()).theme).toBe('dark');
    });

    it('gives defaults when no storage can be read at all', async () => {
      fake.sync.failGet = true;
      fake.local.failGet = true;
      expect(await readSettings()).toEqual(defaultSettings);
    });
  });

  describe('writeSettings', () => {
    it('writes sanitized settings to sync', async () => {
      await writeSettings({ theme: 'light', hoverDelayMs: 10 });
      expect(fake.sync.data.get(SETTINGS_KEY)).toMatchObject({ theme: 'light', hoverDelayMs: 150 });
      expect(fake.local.data.has(SETTINGS_KEY)).toBe(false);
    });

    it('falls back to local when sync is over quota, and drops the stale sync copy', async () => {
      await writeSettings({ theme: 'light' });
      fake.sync.failSet = true;
      const sites = Array.from({ length: 2_000 }, (_, index) => `site-${index}.example`);
      await writeSettings({ disabledSites: sites });
      expect(fake.sync.data.has(SETTINGS_KEY)).toBe(false);
      const settings = await readSettings();
      expect(settings.disabledSites).toHaveLength(2_000);
      expect(settings.theme).toBe('light');
    });

    it('applies quick successive patches one after another, losing none', async () => {
      await Promise.all([writeSettings({ theme: 'dark' }), writeSettings({ hoverDelayMs: 900 })]);
      expect(await readSettings()).toMatchObject({ theme: 'dark', hoverDelayMs: 900 });
    });

    it('moves back to sync when it works again, removing the local copy', async () => {
      fake.sync.failSet = true;
      await writeSettings({ theme: 'dark' });
      fake.sync.failSet = false;
      await writeSettings({ showBadge: false });
      expect(fake.local.data.has(SETTINGS_KEY)).toBe(false);
      expect(await readSettings()).toMatchObject({ theme: 'dark', showBadge: false });
    });
  });

  describe('watchSettings', () => {
    it('reports fresh settings and never a reset while they move from sync to local', async () => {
      const seen: string[] = [];
      const controller = new AbortController();
      watchSettings((settings) => seen.push(settings.theme), controller.signal);
      await writeSettings({ theme: 'dark' });
      fake.sync.failSet = true;
      await writeSettings({ showBadge: false });
      await new Promise((done) => setTimeout(done, 10));
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((theme) => theme === 'dark')).toBe(true);
      controller.abort();
      expect(fake.listeners.size).toBe(0);
    });
  });
});
