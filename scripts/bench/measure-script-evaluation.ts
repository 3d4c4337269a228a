import type { BrowserContext } from 'playwright-core';
import { type OurCost, waitForComplete } from './measure-page.ts';

/** Our content script's evaluation in the top frame: compiling it and running its top level. */
export interface ScriptEvaluation {
  /** The browser's EvaluateScript event for our script (compile included), fastest load. */
  ms: number;
  /** Of which compiling (v8.compile), in the same load. */
  compileMs: number;
  /**
   * The main thread's CPU time in the same EvaluateScript (the trace's thread duration). Wall
   * time includes the spells the VM gave the thread's core to other work; this does not.
   */
  cpuMs?: number;
  /** EvaluateScript of every load measured. */
  msOfLoads: number[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) duration, on complete events. */
  tdur?: number;
  args?: { data?: { url?: string; frame?: string } };
}

const OUR_SCRIPT = '/content-scripts/annotate/';

/**
 * What the instrumented build cannot time itself: before its first statement runs, the browser
 * compiles the script, and before `cc:start` it runs the bundle's top level. Read from a
 * DevTools trace (category devtools.timeline) of a fresh load, in separate loads from the
 * instrumented ones, as tracing adds its own cost. The fastest of `loads` counts.
 */
export async function measureScriptEvaluation(
  context: BrowserContext,
  url: string,
  loads: number,
): Promise<ScriptEvaluation | undefined> {
  let best: ScriptEvaluation | undefined;
  const msOfLoads: number[] = [];
  for (let load = 0; load < loads; load++) {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (chunk) => {
      events.push(...(chunk.value as unknown as TraceEvent[]));
    });
    const finished = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: ['devtools.timeline'] },
      transferMode: 'ReportEvents',
    });
    await tab.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const complete = await waitForComplete(tab);
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    await cdp.send('Tracing.end');
    await finished;
    await cdp.detach();
    await tab.close();
    if (!complete) continue;
    const top = frameTree.frame.id;
    const evaluation = events.find(
      (event) =>
        event.name === 'EvaluateScript' &&
        event.ph === 'X' &&
        event.args?.data?.frame === top &&
        event.args.data.url?.includes(OUR_SCRIPT),
    );
    if (!evaluation?.dur) continue;
    const end = evaluation.ts + evaluation.dur;
    const compileMs =
      events
        .filter(
          (event) =>
            event.name === 'v8.compile' &&
            event.ts >= evaluation.ts &&
            event.ts < end &&
            event.args?.data?.url?.includes(OUR_SCRIPT),
        )
        .reduce((sum, event) => sum + (event.dur ?? 0), 0) / 1000;
    const ms = evaluation.dur / 1000;
    msOfLoads.push(ms);
    const cpuMs = evaluation.tdur === undefined ? undefined : evaluation.tdur / 1000;
    if (!best || ms < best.ms) best = { ms, compileMs, cpuMs, msOfLoads };
  }
  return best && { ...best, msOfLoads };
}

/**
 * Counts the script's evaluation in our cost: the traced compile-and-run takes the place of the
 * instrumented `script` task, which is only its tail (from `cc:start` to the end of the top level).
 * It is a task of ours too, so it is a candidate for the longest one.
 */
export function includeEvaluation(ours: OurCost, evaluation: ScriptEvaluation | undefined): void {
  if (!evaluation) return;
  ours.instrumentedMs = ours.totalMs;
  ours.evaluation = evaluation;
  ours.totalMs = ours.totalMs - (ours.byKind.script ?? 0) + evaluation.ms;
  if (evaluation.ms > ours.longestTaskMs) {
    ours.longestTaskMs = evaluation.ms;
    ours.longestKind = 'script evaluation';
  }
}
