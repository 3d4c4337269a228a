import { browser } from '../src/platform/browser.ts';

/**
 * On first install, open the settings page once so the reader sees what the
 * extension does, what it marks and how to turn it off. Never on updates or
 * browser restarts.
 */
export function openWelcomePageOnInstall(): void {
  browser.runtime.onInstalled.addListener((details: { reason: string }) => {
    if (details.reason !== 'install') return;
    void browser.tabs
      .create({ url: browser.runtime.getURL('options/index.html?welcome=1') })
      .catch(() => undefined);
  });
}
