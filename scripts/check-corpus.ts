/**
 * Real pages and the mutation storm, in Chromium: too long for `npm test`, run by CI on its own.
 *
 *   npm run check:corpus -- [DIR]      (DIR defaults to $CORPUS_DIR, then ../shared/corpus/pages)
 *
 * 1. Every page of the corpus is loaded, page scripts off (CSP script-src 'none'), once in a
 *    Chromium without the extension (the baseline: the live DOM, <noscript> parsed as a live page
 *    parses it) and once with it. For each page: no uncaught error or console error from the
 *    extension, the same page errors as the baseline, and outerHTML equal to the baseline's.
 * 2. The mutation storm: a page changes its text every 5 ms for 10 s; our content script's CPU
 *    time (Chromium trace, thread time of every task entering it) must stay under 10% of the wall
 *    time, and the marks must be right once it stops.
 * Exits 1 on any failure, and prints the counts for the README's Reliability section.
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/harness/launch-chromium.ts';
import { serveFixtures } from '../tests/e2e/harness/serve-fixtures.ts';

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

async function load(page: Page, url: string, withExtension: boolean): Promise<Load> {
  const errors: string[] = [];
  const onError = (error: Error) => errors.push(`uncaught: ${error.message}`);
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === 'error') errors.push(message.text());
  };
  page.on('pageerror', onError);
  page.on('console', onConsole);
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  let marks = 0;
  if (withExtension) {
    // Wait until the mark count holds still for a second (annotation done), 20 s at most.
    let last = -1;
    for (let waited = 0; waited < 20_000; waited += 1_000) {
      await page.waitForTimeout(1_000);
      marks = ((await page.evaluate(`(${READ_MARKS})()`)) as string[]).length;
      if (marks === last) break;
      last = marks;
    }
  } else await page.waitForTimeout(300);
  const html = (await page.evaluate('document.documentElement.outerHTML')) as string;
  page.off('pageerror', onError);
  page.off('console', onConsole);
  // Subresources the corpus page names are not served (offline): those 404s are the page's. The
  // profile with the extension also fetches <link rel=manifest> (the plain one does not): a 404 too.
  const notServed = /Failed to load resource|Manifest fetch from .* failed, code 404/;
  return { html, errors: errors.filter((error) => !notServed.test(error)), marks };
}

async function checkCorpus(): Promise<{ failures: string[]; pages: number; marks: number }> {
  const server = await serveFixtures(resolve('tests/fixtures/pages'), dir);
  const plain = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const baselinePage = await (await plain.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
  const withExtension = await launchChromium();
  const page = await withExtension.context.newPage();
  const failures: string[] = [];
  let totalMarks = 0;
  for (const [index, name] of names.entries()) {
    const url = `${server.origin}/corpus/${encodeURIComponent(name)}`;
    try {
      const baseline = await load(baselinePage, url, false);
      const result = await load(page, url, true);
      totalMarks += result.marks;
      // Ours: anything naming our script's URL, our element or highlight names, or a dead extension
      // context. (Not the bare word "extension": corpus pages load scripts from ".../extensions/...".)
      const ours = result.errors.filter((error) =>
        /chrome-extension:\/\/|Extension context|context-cards|\bcc-[a-z]/.test(error),
      );
      const extra = result.errors.filter((error) => !baseline.errors.includes(error));
      if (ours.length) failures.push(`${name}: extension errors ${JSON.stringify(ours)}`);
      else if (extra.length)
        failures.push(`${name}: page errors only with the extension ${JSON.stringify(extra)}`);
      if (result.html !== baseline.html) {
        let at = 0;
        while (at < result.html.length && result.html[at] === baseline.html[at]) at++;
        failures.push(
          `${name}: DOM differs at ${at}: ${JSON.stringify(baseline.html.slice(at, at + 80))} vs ${JSON.stringify(result.html.slice(at, at + 80))}`,
        );
      }
      console.log(
        `${index + 1}/${names.length} ${name}: ${result.marks} marks${failures.at(-1)?.startsWith(name) ? ' FAIL' : ''}`,
      );
    } catch (error) {
      failures.push(`${name}: ${String(error).split('\n')[0]}`);
    }
  }
  await withExtension.close();
  await plain.close();
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

const storm = await checkStorm();
const corpus = await checkCorpus();
const failures = [...storm.failures, ...corpus.failures];
console.log(
  `\nReliability: ${corpus.pages} corpus pages tried (each with and without the extension), ${corpus.marks} marks; ` +
    `mutation storm CPU share ${(storm.share * 100).toFixed(1)}%; ${failures.length} failures.`,
);
for (const failure of failures) console.log(`FAIL ${failure}`);
process.exit(failures.length ? 1 : 0);
