import { browser } from '../platform/browser.ts';
import { defaultSettings, type Settings } from './defaults.ts';
import { sanitizeSettings } from './sanitize-settings.ts';

export const SETTINGS_KEY = 'settings';

/**
 * Settings live in storage.sync so they follow the user; where sync is
 * unavailable (disabled, or Firefox without an account on some builds) we use
 * storage.local.
 */
async function pickArea(): Promise<'sync' | 'local'> {
  try {
    await browser.storage.sync.get(SETTINGS_KEY);
    return 'sync';
  } catch {
    return 'local';
  }
}

export async function readSettings(): Promise<Settings> {
  try {
    const area = await pickArea();
    const stored = await browser.storage[area].get(SETTINGS_KEY);
    return sanitizeSettings(stored[SETTINGS_KEY]);
  } catch {
    return sanitizeSettings(undefined);
  }
}

export async function writeSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = sanitizeSettings({ ...(await readSettings()), ...patch });
  const area = await pickArea();
  try {
    await browser.storage[area].set({ [SETTINGS_KEY]: next });
  } catch {
    // Sync quota exceeded: keep the settings locally rather than lose them.
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
  }
  return next;
}

/** Calls `onChange` with fresh settings whenever they change; stops when `signal` aborts. */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    if (SETTINGS_KEY in changes) onChange(sanitizeSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}

export { defaultSettings };
