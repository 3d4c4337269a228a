/**
 * Real pages and the mutation storm: too long for `npm test`, run by CI on its own.
 *
 *   npm run check:corpus -- [DIR]      (DIR defaults to $CORPUS_DIR, then ../shared/corpus/pages)
 *   CORPUS_BROWSERS=firefox npm run check:corpus -- DIR     (one browser; both by default)
 *
 * 1. Every page of the corpus is loaded, page scripts off (CSP script-src 'none'), once in a
 *    browser without the extension (the baseline: the live DOM, <noscript> parsed as a live page
 *    parses it) and once with it, in Chromium and in Firefox. For each page: no uncaught error or
 *    console error from the extension, the same page errors as the baseline, and outerHTML equal
 *    to the baseline's.
 * 2. The mutation storm: a page changes its text every 5 ms for 10 s; our content script's CPU
 *    time (Chromium trace, thread time of every task entering it) must stay under 10% of the wall
 *    time, and the marks must be right once it stops.
 * Exits 1 on any failure, and prints the counts for the README's Reliability section.
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium, launchPlainChromium } from '../tests/e2e/harness/launch-chromium.ts';
import { launchFirefox, launchPlainFirefox } from '../tests/e2e/harness/launch-firefox.ts';
import { sleep } from '../tests/e2e/harness/page-helpers.ts';
import { serveFixtures } from '../tests/e2e/harness/serve-fixtures.ts';
import type { TestBrowser, TestPage } from '../tests/e2e/harness/test-browser.ts';

const dir = resolve(process.argv[2] ?? process.env.CORPUS_DIR ?? '../shared/corpus/pages');
if (!existsSync(dir)) {
  console.error(`No corpus at ${dir}. Pass a folder of .html pages or set CORPUS_DIR.`);
  process.exit(2);
}
const names = readdirSync(dir)
  .filter((name) => name.endsWith('.html'))
  .sort();

const READ_MARKS = `() => {
  const out = [];
  CSS.highlights.forEach((highlight, name) => {
    if (String(name).startsWith('cc-') && name !== 'cc-active') highlight.forEach((range) => out.push(range.toString()));
  });
  return out;
}`;

interface Load {
  html: string;
  errors: string[];
  marks: number;
}

/** Waits until the mark count holds still for a second (annotation done), 20 s at most. */
async function waitForMarks(read: () => Promise<number>): Promise<number> {
  let marks = 0;
  let last = -1;
  for (let waited = 0; waited < 20_000; waited += 1_000) {
    await sleep(1_000);
    marks = await read();
    if (marks === last) break;
    last = marks;
  }
  return marks;
}

// Subresources the corpus page names are not served (offline): those 404s are the page's. The
// profile with the extension also fetches <link rel=manifest> (the plain one does not): a 404 too.
const NOT_SERVED = /Failed to load resource|Manifest fetch from .* failed, code 404/;

/** Whether `url` is the page's address and its document is complete, within 10 s. */
async function waitForDocument(page: TestPage, url: string): Promise<boolean> {
  const check = `() => location.href === ${JSON.stringify(url)} && document.readyState === 'complete'`;
  for (let waited = 0; waited < 10_000; waited += 250) {
    if (await page.evaluate<boolean>(check).catch(() => false)) return true;
    await sleep(250);
  }
  return false;
}

/** Loads a corpus page in the harness's page; its error list grows, so this takes what this load added. */
async function loadPage(page: TestPage, url: string, withExtension: boolean): Promise<Load> {
  const before = page.errors.length;
  try {
    await page.goto(url);
  } catch (error) {
    // Firefox's BiDi at times fails the navigation for a frame of the page it could not load
    // ("Address rejected": cnn.html's third-party frames, offline), with or without the extension,
    // though the page itself loads. Go on when it did; the comparison below is what counts.
    if (!(await waitForDocument(page, url))) throw error;
  }
  let marks = 0;
  if (withExtension)
    marks = await waitForMarks(async () => (await page.evaluate<string[]>(READ_MARKS)).length);
  else await sleep(300);
  const html = await page.evaluate<string>('() => document.documentElement.outerHTML');
  const errors = page.errors.slice(before).filter((error) => !NOT_SERVED.test(error));
  return { html, errors, marks };
}

/** A corpus pass in one browser: a loader for the plain browser and one for the browser with the extension. */
interface CorpusBrowser {
  name: string;
  load(url: string, withExtension: boolean): Promise<Load>;
  close(): Promise<void>;
}

type Launch = () => Promise<Pick<TestBrowser, 'newPage' | 'close'>>;

/** One browser twice: without the extension for the baseline, and with it. */
async function openCorpusBrowser(
  name: string,
  launchPlain: Launch,
  launchWithExtension: Launch,
): Promise<CorpusBrowser> {
  const plain = await launchPlain();
  const baselinePage = await plain.newPage();
  const withExtension = await launchWithExtension();
  const page = await withExtension.newPage();
  return {
    name,
    load: (url, extension) => loadPage(extension ? page : baselinePage, url, extension),
    async close() {
      await withExtension.close();
      await plain.close();
    },
  };
}

async function checkCorpus(
  open: () => Promise<CorpusBrowser>,
): Promise<{ failures: string[]; pages: number; marks: number }> {
  const server = await serveFixtures(resolve('tests/fixtures/pages'), dir);
  const browser = await open();
  const failures: string[] = [];
  let totalMarks = 0;
  for (const [index, name] of names.entries()) {
    const url = `${server.origin}/corpus/${encodeURIComponent(name)}`;
    try {
      const baseline = await browser.load(url, false);
      const result = await browser.load(url, true);
      totalMarks += result.marks;
      // Ours: anything naming our script's URL, our element or highlight names, or a dead extension
      // context. (Not the bare word "extension": corpus pages load scripts from ".../extensions/...".)
      const ours = result.errors.filter((error) =>
        /chrome-extension:\/\/|moz-extension:\/\/|Extension context|context-cards|\bcc-[a-z]/.test(error),
      );
      const extra = result.errors.filter((error) => !baseline.errors.includes(error));
      const where = `${browser.name} ${name}`;
      if (ours.length) failures.push(`${where}: extension errors ${JSON.stringify(ours)}`);
      else if (extra.length)
        failures.push(`${where}: page errors only with the extension ${JSON.stringify(extra)}`);
      if (result.html !== baseline.html) {
        let at = 0;
        while (at < result.html.length && result.html[at] === baseline.html[at]) at++;
        failures.push(
          `${where}: DOM differs at ${at}: ${JSON.stringify(baseline.html.slice(at, at + 80))} vs ${JSON.stringify(result.html.slice(at, at + 80))}`,
        );
      }
      console.log(
        `${browser.name} ${index + 1}/${names.length} ${name}: ${result.marks} marks${failures.at(-1)?.startsWith(where) ? ' FAIL' : ''}`,
      );
    } catch (error) {
      failures.push(`${browser.name} ${name}: ${String(error).split('\n')[0]}`);
    }
  }
  await browser.close();
  await server.close();
  return { failures, pages: names.length, marks: totalMarks };
}

/** The storm page: one paragraph's text changes every 5 ms; a name appears in it at times. */
const STORM = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mutation storm</title></head><body>
<p id="steady">Sergey Lavrov spoke in Moscow.</p><p id="storm">starting</p><ul id="list"></ul>
<script>
  const storm = document.getElementById('storm');
  const list = document.getElementById('list');
  let tick = 0;
  const timer = setInterval(() => {
    tick++;
    storm.textContent = tick % 7 ? 'ticker ' + tick : 'breaking: Kabul ' + tick;
    if (tick % 20 === 0) { const item = document.createElement('li'); item.textContent = 'item ' + tick; list.append(item); }
    if (list.children.length > 50) list.firstElementChild.remove();
  }, 5);
  setTimeout(() => { clearInterval(timer); storm.textContent = 'final: the Taliban in Kabul'; window.stormDone = true; }, 10000);
</script></body></html>`;

async function checkStorm(): Promise<{ failures: string[]; share: number }> {
  const server = await serveFixtures(resolve('tests/fixtures/pages'));
  server.route('/storm.html', STORM);
  const browser = await launchChromium();
  const context: BrowserContext = browser.context;
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: {
    name: string;
    ph: string;
    ts: number;
    dur?: number;
    tdur?: number;
    args?: { data?: { url?: string } };
  }[] = [];
  cdp.on('Tracing.dataCollected', (message) => events.push(...(message.value as unknown as typeof events)));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  const started = Date.now();
  await page.goto(`${server.origin}/storm.html`);
  await page.waitForFunction('window.stormDone === true', undefined, { timeout: 30_000 });
  const wall = Date.now() - started;
  await page.waitForTimeout(1_500);
  const complete = new Promise((settle) => cdp.once('Tracing.tracingComplete', settle));
  await cdp.send('Tracing.end');
  await complete;
  const cpu = events
    .filter(
      (event) =>
        (event.name === 'FunctionCall' || event.name === 'EvaluateScript') &&
        /^chrome-extension:\/\/.+\/content-scripts\//.test(event.args?.data?.url ?? ''),
    )
    .reduce((sum, event) => sum + (event.tdur ?? event.dur ?? 0) / 1000, 0);
  const share = cpu / wall;
  const marks = ((await page.evaluate(`(${READ_MARKS})()`)) as string[]).sort();
  const failures: string[] = [];
  if (share >= 0.1)
    failures.push(`storm: our CPU ${Math.round(cpu)} ms over ${wall} ms wall (${(share * 100).toFixed(1)}%)`);
  const expected = ['Kabul', 'Moscow', 'Sergey Lavrov', 'Taliban'];
  if (JSON.stringify(marks) !== JSON.stringify(expected))
    failures.push(
      `storm: marks after it stopped are ${JSON.stringify(marks)}, expected ${JSON.stringify(expected)}`,
    );
  console.log(
    `storm: our CPU ${Math.round(cpu)} ms over ${wall} ms (${(share * 100).toFixed(1)}%), marks ${JSON.stringify(marks)}`,
  );
  await browser.close();
  await server.close();
  return { failures, share };
}

const BROWSERS: Record<string, () => Promise<CorpusBrowser>> = {
  chromium: () => openCorpusBrowser('chromium', launchPlainChromium, () => launchChromium()),
  firefox: () => openCorpusBrowser('firefox', launchPlainFirefox, () => launchFirefox()),
};
const chosen = (process.env.CORPUS_BROWSERS ?? 'chromium,firefox').split(',').filter(Boolean);
const unknown = chosen.filter((name) => !(name in BROWSERS));
if (unknown.length) {
  console.error(`Unknown browser ${unknown.join(', ')}: CORPUS_BROWSERS takes chromium, firefox or both.`);
  process.exit(2);
}
const storm = await checkStorm();
const failures = [...storm.failures];
const summaries: string[] = [];
for (const name of chosen) {
  const corpus = await checkCorpus(BROWSERS[name] as () => Promise<CorpusBrowser>);
  failures.push(...corpus.failures);
  summaries.push(
    `${name}: ${corpus.pages} corpus pages tried (each with and without the extension), ${corpus.marks} marks`,
  );
}
console.log(
  `\nReliability: ${summaries.join('; ')}; mutation storm CPU share ${(storm.share * 100).toFixed(1)}%; ${failures.length} failures.`,
);
for (const failure of failures) console.log(`FAIL ${failure}`);
process.exit(failures.length ? 1 : 0);
