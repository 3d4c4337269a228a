import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Fails with the exact install command instead of skipping, so a missing browser is never a silent pass. */
export function requireBrowser(name: 'chromium' | 'firefox'): string {
  const path = name === 'chromium' ? CHROMIUM_PATH : FIREFOX_PATH;
  if (!existsSync(path)) {
    const variable = name === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH';
    throw new Error(
      `${name} not found at ${path}. Install it with: sudo apt-get update && sudo apt-get install -y chromium firefox-esr (or set ${variable}).`,
    );
  }
  return path;
}
