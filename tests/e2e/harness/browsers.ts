import { launchChromium } from './launch-chromium.ts';
import { launchFirefox } from './launch-firefox.ts';
import type { TestBrowser } from './test-browser.ts';

/** Every e2e suite runs once per browser. */
export const BROWSERS: { name: 'chromium' | 'firefox'; launch: () => Promise<TestBrowser> }[] = [
  { name: 'chromium', launch: launchChromium },
  { name: 'firefox', launch: launchFirefox },
];
