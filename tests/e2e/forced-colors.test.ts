import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/launch-chromium.ts';
import { sleep, waitFor, writeSettings } from './harness/page-helpers.ts';
import { type FixtureServer, serveFixtures } from './harness/serve-fixtures.ts';

/**
 * Forced colours (Windows High Contrast, or a browser's own contrast theme): the browser swaps
 * every author colour for a system one. A mark drawn only as a background must still show.
 *
 * Chromium only: it is the browser whose forced colours a test can turn on (the DevTools
 * protocol's media emulation); WebDriver BiDi has no such switch for Firefox.
 */
describe('marks in forced colours in chromium', () => {
  let server: FixtureServer;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    server = await serveFixtures(resolve('tests/fixtures/pages'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await writeSettings(browser, { highlightStyle: 'underline' }).catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  /** The top of the demo page, in forced colours, with the marks drawn in `style`. */
  async function capture(style: 'tint' | 'underline' | 'none'): Promise<Buffer> {
    await writeSettings(browser, { highlightStyle: style });
    const page = await browser.context.newPage();
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(`${server.origin}/article.html`, { waitUntil: 'load' });
    // Marks are registered whatever the style; "none" only leaves them undrawn.
    expect(
      await waitFor(async () => ((await page.evaluate('CSS.highlights.size')) as number) > 0, 5_000),
    ).toBe(true);
    await sleep(300);
    const shot = await page.screenshot({ clip: { x: 0, y: 0, width: 1200, height: 260 } });
    await page.close();
    return shot;
  }

  it('draws the marks in every style, the background-only tint included', async () => {
    const unmarked = await capture('none');
    for (const style of ['tint', 'underline'] as const) {
      const marked = await capture(style);
      expect(marked.equals(unmarked), `${style} marks show in forced colours`).toBe(false);
    }
  });
});
