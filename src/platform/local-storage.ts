import { browser } from './browser.ts';

/** One storage.local value, or undefined when it is absent or storage cannot be read. */
export async function readLocal(key: string): Promise<unknown> {
  try {
    return (await browser.storage.local.get(key))[key];
  } catch {
    return undefined;
  }
}

/** Calls `onChange` when the storage.local value under `key` changes; stops when `signal` aborts. */
export function watchLocal(key: string, onChange: () => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'local' && key in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
