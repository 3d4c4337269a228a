import type { BrowserContext, Page } from 'playwright-core';
import { waitForComplete } from './measure-page.ts';

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileCheck {
  /** Sampled main-thread time with our content script anywhere on the stack (includes DOM calls it makes). */
  oursMs: number;
  /** Our share by function name (self + callees), top entries. */
  topFunctions: { name: string; ms: number }[];
}

/**
 * Cross-check of the instrumented numbers with the DevTools protocol: the V8
 * sampling profiler (100 µs) over a reload of the page, counting the samples
 * whose stack contains a frame of our content script. Unlike the `cc:task`
 * measures this also sees script evaluation and code outside our marks.
 */
export async function profileContentScript(
  context: BrowserContext,
  page: Page,
  url: string,
): Promise<ProfileCheck | undefined> {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.reload({ waitUntil: 'load', timeout: 120_000 });
  const done = await waitForComplete(page);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  if (!done) return undefined;
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const isOurs = (node: ProfileNode) => node.callFrame.url.includes('/content-scripts/annotate/');
  const ourFrameOf = new Map<number, string | undefined>();
  /** The outermost-but-one... in practice: the innermost frame of ours on the stack, by name. */
  function findOurFrame(id: number): string | undefined {
    if (ourFrameOf.has(id)) return ourFrameOf.get(id);
    const node = byId.get(id);
    let found: string | undefined;
    if (node && isOurs(node)) found = node.callFrame.functionName || '(anonymous)';
    else {
      const up = parent.get(id);
      found = up === undefined ? undefined : findOurFrame(up);
    }
    ourFrameOf.set(id, found);
    return found;
  }
  let oursUs = 0;
  const byName = new Map<string, number>();
  for (let index = 0; index < profile.samples.length; index++) {
    const name = findOurFrame(profile.samples[index] as number);
    const delta = profile.timeDeltas[index + 1] ?? 0;
    if (name === undefined) continue;
    oursUs += delta;
    byName.set(name, (byName.get(name) ?? 0) + delta);
  }
  const topFunctions = [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([name, us]) => ({ name, ms: us / 1000 }));
  return { oursMs: oursUs / 1000, topFunctions };
}
