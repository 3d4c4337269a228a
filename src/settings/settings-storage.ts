import { browser } from '../platform/browser.ts';
import { defaultSettings, type Settings } from './defaults.ts';
import { sanitizeSettings } from './sanitize-settings.ts';

export const SETTINGS_KEY = 'settings';

/**
 * Settings live in storage.sync so they follow the user. Where sync is
 * unavailable (disabled by policy, or a browser without it) or too small
 * (a long list of switched-off sites outgrows sync's 8 KB per item), they live
 * in storage.local instead, and the sync copy is removed so the two never
 * disagree: a value in sync always wins, local is the fallback.
 */
async function readRawSettings(): Promise<unknown> {
  try {
    const synced = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
    if (synced !== undefined) return synced;
  } catch {
    // No sync area here: fall through to local.
  }
  try {
    return (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch {
    return undefined;
  }
}

/** Never throws: garbage, missing or unreadable storage gives defaults. */
export async function readSettings(): Promise<Settings> {
  return sanitizeSettings(await readRawSettings());
}

/** Writes from one page run one after another, so two quick changes can't both read the old settings. */
let pendingWrite: Promise<unknown> = Promise.resolve();

/** Merges `patch` into the stored settings. Only the fields in the patch change. */
export function writeSettings(patch: Partial<Settings>): Promise<Settings> {
  const write = pendingWrite.catch(() => undefined).then(() => writePatch(patch));
  pendingWrite = write;
  return write;
}

async function writePatch(patch: Partial<Settings>): Promise<Settings> {
  const next = sanitizeSettings({ ...(await readSettings()), ...patch });
  try {
    await browser.storage.sync.set({ [SETTINGS_KEY]: next });
    await browser.storage.local.remove(SETTINGS_KEY).catch(() => undefined);
  } catch {
    // Sync is missing or over its quota: keep the settings locally rather than lose them.
    // Local first, then drop the stale sync copy, so a reader never sees neither.
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
    await browser.storage.sync?.remove(SETTINGS_KEY).catch(() => undefined);
  }
  return next;
}

/**
 * Calls `onChange` with fresh settings whenever they change in either area;
 * stops when `signal` aborts. It re-reads instead of trusting `newValue`,
 * because a move from sync to local removes the sync copy (newValue undefined)
 * and that must not look like a reset to defaults.
 */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (!(SETTINGS_KEY in changes) || (areaName !== 'sync' && areaName !== 'local')) return;
    void readSettings().then((settings) => {
      if (!signal.aborted) onChange(settings);
    });
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}

export { defaultSettings };
