// `npm run demo`: Chromium with the freshly built extension on the demo page.
// With a display it opens a window to play with (Ctrl+C to quit); without one
// it runs headless. Either way it hovers a name and saves a screenshot of the
// open card to docs/images/demo-card.png.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../tests/e2e/harness/launch-chromium.ts';
import { findTextBox, readCardText, sleep, waitFor } from '../tests/e2e/harness/page-helpers.ts';
import { serveFixtures } from '../tests/e2e/harness/serve-fixtures.ts';

const headed = Boolean(process.env.DISPLAY) && process.env.DEMO_HEADLESS !== '1';
const server = await serveFixtures(resolve('tests/fixtures/pages'));
const browser = await launchChromium(resolve('dist/chrome'), !headed);
const page = await browser.newPage();
const url = `${server.origin}/article.html`;
await page.goto(url);
await sleep(500);
const box = await findTextBox(page, '#p2', 'Sergey Lavrov');
await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
const text = await waitFor(() => readCardText(page), 5_000);
if (!text) {
  console.error('The card did not open; is dist/chrome built?');
  process.exitCode = 1;
}
mkdirSync(resolve('docs/images'), { recursive: true });
const output = resolve('docs/images/demo-card.png');
await sleep(300);
await page.screenshot(output);
console.log(`Demo page: ${url}`);
console.log(`Screenshot with the card open: ${output}`);
if (headed) {
  console.log('The window stays open; press Ctrl+C to quit.');
  await new Promise<void>((done) => process.once('SIGINT', () => done()));
}
await browser.close();
await server.close();
