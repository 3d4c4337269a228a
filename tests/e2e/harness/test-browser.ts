/** One interface over Chromium (Playwright) and Firefox (Puppeteer over WebDriver BiDi), so every e2e test runs in both. */
export interface TestPage {
  goto(url: string): Promise<void>;
  /** Runs a function in the page's own world and returns its JSON-serialisable result. */
  evaluate<T>(fn: string): Promise<T>;
  /** Like evaluate, in the first child frame whose URL contains `urlPart` (null when there is none yet). */
  evaluateInFrame<T>(urlPart: string, fn: string): Promise<T | null>;
  mouseMove(x: number, y: number): Promise<void>;
  mouseClick(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  /** Holds keys down in order and releases them in reverse, e.g. ['Alt', 'Shift', 'KeyK']. */
  chord(keys: string[]): Promise<void>;
  /** Makes this the active tab of its window. */
  bringToFront(): Promise<void>;
  screenshot(path: string): Promise<void>;
  /**
   * Runs `fn(shadowRoot)` on our card's closed shadow root with the test
   * driver's privileges (DevTools protocol / WebDriver BiDi); page scripts
   * cannot do this. Returns undefined when there is no card host.
   */
  inCard<T>(fn: string): Promise<T | undefined>;
  /** Errors thrown by page or content scripts, as reported to the console or as uncaught. */
  errors: string[];
  /** Console warnings, e.g. React's hydration mismatch warnings. */
  warnings: string[];
  close(): Promise<void>;
}

export interface TestBrowser {
  name: 'chromium' | 'firefox';
  newPage(): Promise<TestPage>;
  /** Opens one of the extension's own pages (popup, options) in a tab. */
  openExtensionPage(path: string): Promise<TestPage>;
  close(): Promise<void>;
}
