import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CardLatency } from './measure-card-latency.ts';
import type { LivePageCost } from './measure-live-page.ts';
import type { MarkJsCost } from './measure-mark-js.ts';
import { type Floor, type OurCost, RECHECK_LONGEST_MS } from './measure-page.ts';
import type { TinyFramesCost } from './measure-tiny-frames.ts';
import type { ProfileCheck } from './profile-content-script.ts';

export interface PageResult {
  name: string;
  kind: 'demo' | 'generated' | 'corpus';
  htmlBytes: number;
  floor?: Floor;
  ours?: OurCost;
  markJs?: MarkJsCost;
  /** A page the ratio targets apply to (5 MB page, largest corpus pages). */
  targeted: boolean;
}

export interface BenchResults {
  date: string;
  browser: string;
  /** loadAverage: 1, 5 and 15 minutes at the end of the run; other work on the machine skews every time here. */
  machine: { nproc: number; cpu: string; memoryGb: number; node: string; loadAverage: number[] };
  numbersFrom: string;
  pages: PageResult[];
  cardLatency?: CardLatency;
  noMentions?: OurCost;
  tinyFrames?: TinyFramesCost;
  livePage?: LivePageCost;
  contentScript: { rawBytes: number; gzipBytes: number };
  profileChecks: { page: string; instrumentedMs: number; profile?: ProfileCheck }[];
  targets: { name: string; met: boolean; detail: string }[];
}

const format = (ms: number | undefined, digits = 2) => (ms === undefined ? '–' : ms.toFixed(digits));

function formatRatio(value: number | undefined, lowerBound = false): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  const text = value >= 100 ? value.toFixed(0) : value.toFixed(2);
  return `${lowerBound ? '> ' : ''}${text}x`;
}

/** For a page loaded again because of one long task (measureBest's recheck): that task and each load's longest. */
export function describeRecheck(ours: OurCost): string {
  const loads = ours.longestOfLoads;
  if (!ours.rechecked || !loads?.length) return '';
  const each = loads.map((ms) => ms.toFixed(1)).join(', ');
  return `; first load ${(loads[0] as number).toFixed(1)} ms, so loaded ${loads.length} times: ${each}`;
}

export function renderMarkdown(results: BenchResults): string {
  const { machine } = results;
  const lines = [
    `# Bench: ${results.date}`,
    '',
    `Browser: ${results.browser} (headless, Debian Chromium via playwright-core). All numbers from Chromium.`,
    `Machine: ${machine.nproc} cores (nproc), ${machine.cpu}, ${machine.memoryGb} GB RAM; Node ${machine.node}; ` +
      `load average at the end ${machine.loadAverage.join(' / ')} (1/5/15 min): times are wall-clock inside our tasks, so other load inflates them.`,
    `${results.numbersFrom}`,
    '',
    '## Targets',
    '',
    '| target | met | measured |',
    '| --- | --- | --- |',
    ...results.targets.map((t) => `| ${t.name} | ${t.met ? 'yes' : '**NO**'} | ${t.detail} |`),
    '',
    '## Pages',
    '',
    'ours = main-thread time of our tasks from content-script start to all mentions registered (idle gaps excluded); ' +
      'on pages loaded more than once it includes the script evaluation: compiling the content script and running its top ' +
      'level, read from a DevTools trace (EvaluateScript) of separate loads, fastest load, in place of the instrumented ' +
      '`script` task that is its tail; ' +
      'floor = TreeWalker over every text node reading `.data`, same page, same run: own world = that walk run first thing by ' +
      'our content script in its isolated world, in a separate load right after each load of ours (what any content script pays to read the page once: ' +
      "Chromium keeps an isolated world's node wrappers in a map, not in the node); page cold = the first walk in the page's " +
      'world, page warm = fastest of 3 more walks there; ' +
      'targeted, generated and demo pages are loaded several times and the fastest load counts for both; ' +
      `so is a corpus page whose one load had a task of ours over ${RECHECK_LONGEST_MS} ms (its longest task then shows the first load's and every load's in turn); ` +
      'mark.js = the same alias list, same page, separate load without the extension. * = a ratio target applies.',
    '',
    '| page | HTML KB | text nodes | text KB | mentions | floor own world ms | floor page cold ms | floor page warm ms | ours ms | of which script evaluation ms (compile; main-thread CPU) | ours/own-world floor | ours/page cold floor | ours/page warm floor | longest task ms | mark.js ms | mark.js/ours |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const page of results.pages) {
    const ours = page.ours;
    const floor = page.floor;
    const mark = page.markJs;
    const markText = mark ? (mark.capped ? `> ${format(mark.ms, 0)}` : format(mark.ms, 1)) : '–';
    lines.push(
      `| ${page.name}${page.targeted ? ' *' : ''} | ${(page.htmlBytes / 1024).toFixed(0)} | ${floor?.textNodes ?? '–'} | ${
        floor ? (floor.textChars / 1024).toFixed(0) : '–'
      } | ${ours?.mentions ?? '–'} | ${format(floor?.ownWorldMs)} | ${format(floor?.coldMs)} | ${format(floor?.warmMs)} | ${format(ours?.totalMs)} | ${
        ours?.evaluation
          ? `${format(ours.evaluation.ms)} (${format(ours.evaluation.compileMs)}; CPU ${format(ours.evaluation.cpuMs)})`
          : '–'
      } | ${formatRatio(
        ours && floor?.ownWorldMs ? ours.totalMs / floor.ownWorldMs : undefined,
      )} | ${formatRatio(ours && floor ? ours.totalMs / floor.coldMs : undefined)} | ${formatRatio(ours && floor ? ours.totalMs / floor.warmMs : undefined)} | ${format(ours?.longestTaskMs)}${ours ? ` (${ours.longestKind}${describeRecheck(ours)})` : ''} | ${markText} | ${formatRatio(
        ours && mark ? mark.ms / ours.totalMs : undefined,
        mark?.capped,
      )} |`,
    );
  }
  const card = results.cardLatency;
  const live = results.livePage;
  lines.push(
    '',
    '## Other measures',
    '',
    `- Card latency overhead (pointer at rest → card painted − ${card?.hoverDelayMs ?? '?'} ms hover delay), ${card?.samples.length ?? 0} tries at rest points spread over one frame: median ${format(card?.overheadMs)} ms, worst ${format(card?.worstMs)} ms; per try (wait before the last step → overhead): ${card?.samples.map((s, i) => `${(card.phasesMs[i] ?? 0).toFixed(1)} → ${s.toFixed(1)}`).join(', ') ?? '–'}. Our part, from the end of the delay to the card shown (the rest is waiting for the next frame and painting it): ${card?.shownMs.map((s) => s.toFixed(1)).join(', ') ?? '–'} ms`,
    `- 100 KB page without mentions: ${format(results.noMentions?.totalMs)} ms of ours (${results.noMentions?.tasks ?? '–'} tasks, ${results.noMentions?.mentions ?? '–'} mentions; script evaluation ${format(results.noMentions?.evaluation?.ms)} ms of it, compile ${format(results.noMentions?.evaluation?.compileMs)} ms, main-thread CPU ${format(results.noMentions?.evaluation?.cpuMs)} ms of the evaluation's wall time; instrumented tasks alone ${format(results.noMentions?.instrumentedMs)} ms)`,
    `- Page with ${results.tinyFrames?.frames ?? '–'} frames of 1 × 1 px, each naming someone: ${format(results.tinyFrames?.totalMs)} ms of ours in them all (fastest load; loads: ${results.tinyFrames?.totalsOfLoads.map((ms) => ms.toFixed(1)).join(', ') ?? '–'} ms); sessions started in them: ${results.tinyFrames?.sessionsStarted ?? '–'} (frames under 40 × 16 px wait until shown)`,
    `- Live page (1,000 paragraphs over 10 s, ${format(live?.addedKb, 0)} KB added): ${format(live?.firstTenthMsPerKb, 3)} ms/KB first tenth, ${format(live?.lastTenthMsPerKb, 3)} ms/KB last tenth (ratio ${format(live?.ratio)}); per tenth: ${live?.msPerKbByTenth.map((v) => v.toFixed(3)).join(', ') ?? '–'}; longest task ${format(live?.longestTaskMs)} ms; mentions registered live ${live?.mentions ?? '–'}, on a fresh load of the final page ${live?.mentionsOnFreshLoad ?? '–'}`,
    `- Content script (production build): ${(results.contentScript.rawBytes / 1024).toFixed(1)} KB raw, ${(results.contentScript.gzipBytes / 1024).toFixed(1)} KB gzipped`,
    '',
    '## Cross-check with the V8 sampling profiler',
    '',
    ...results.profileChecks.map(
      (check) =>
        `- ${check.page}: instrumented ${format(check.instrumentedMs)} ms; profiler (samples with our script on the stack, including script evaluation) ${format(check.profile?.oursMs)} ms; top: ${
          check.profile?.topFunctions.map((f) => `${f.name} ${f.ms.toFixed(1)}`).join(', ') ?? '–'
        }`,
    ),
    '',
  );
  return lines.join('\n');
}

export function writeBenchReport(results: BenchResults, jsonPath: string, markdownPath: string): string {
  mkdirSync(dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderMarkdown(results);
  writeFileSync(markdownPath, markdown);
  return markdown;
}
