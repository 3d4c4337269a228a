import { type BenchResults, describeRecheck } from './write-bench-report.ts';

/** The targets of issue 7. */
export const TARGETS = {
  oursOverFloor: 2,
  markJsOverOurs: 500,
  longestTaskMs: 50,
  cardOverheadMs: 16,
  noMentionsMs: 2,
  liveRatio: 1.5,
  gzipKb: 60,
};

type Target = BenchResults['targets'][number];

/** Each load's instrumented total of ours beside the own-world floor load that followed it. */
function describeLoads(ours: readonly number[] | undefined, floor: readonly number[] | undefined): string {
  if (!ours || !floor || ours.length < 2) return '';
  const format = (list: readonly number[]) => list.map((ms) => ms.toFixed(0)).join(', ');
  return `; loads in turn, ours (without script evaluation) ${format(ours)} ms, floor ${format(floor)} ms`;
}

export function checkBenchTargets(results: Omit<BenchResults, 'targets'>): Target[] {
  const targets: Target[] = [];
  const targeted = results.pages.filter((page) => page.targeted);
  for (const page of targeted) {
    const { ours, floor, markJs } = page;
    // Against the floor a content script can reach: the same bare walk, run first thing in our
    // own world (see Floor.ownWorldMs). The page-world walks, cold and warm, are shown beside it.
    const own = floor?.ownWorldMs;
    const ratio = ours && own ? ours.totalMs / own : Number.POSITIVE_INFINITY;
    targets.push({
      name: `ours ≤ ${TARGETS.oursOverFloor}x floor (bare walk in the content script's world) on ${page.name}`,
      met: ratio <= TARGETS.oursOverFloor,
      detail:
        ours && floor && own
          ? `${ours.totalMs.toFixed(2)} / ${own.toFixed(2)} ms = ${ratio.toFixed(2)}x (page-world walk: cold ${floor.coldMs.toFixed(2)} ms, ${(ours.totalMs / floor.coldMs).toFixed(1)}x; warm ${floor.warmMs.toFixed(2)} ms, ${(ours.totalMs / floor.warmMs).toFixed(1)}x)${describeLoads(ours.totalsOfLoads, floor.ownWorldOfLoads)}`
          : 'not measured',
    });
    if (page.kind !== 'corpus') continue;
    const markRatio = ours && markJs ? markJs.ms / ours.totalMs : 0;
    targets.push({
      name: `mark.js/ours ≥ ${TARGETS.markJsOverOurs}x on ${page.name}`,
      met: markRatio >= TARGETS.markJsOverOurs,
      detail:
        ours && markJs
          ? `${markJs.capped ? '> ' : ''}${markJs.ms.toFixed(0)} / ${ours.totalMs.toFixed(2)} ms = ${markJs.capped ? '> ' : ''}${markRatio.toFixed(0)}x`
          : 'not measured',
    });
  }
  const longest = results.pages
    .map((page) => ({
      name: `${page.name}, ${page.ours?.longestKind ?? '?'}${page.ours ? describeRecheck(page.ours) : ''}`,
      ms: page.ours?.longestTaskMs ?? Number.POSITIVE_INFINITY,
    }))
    .concat([
      { name: 'no-mentions-100kb', ms: results.noMentions?.longestTaskMs ?? Number.POSITIVE_INFINITY },
      { name: 'live page', ms: results.livePage?.longestTaskMs ?? Number.POSITIVE_INFINITY },
    ])
    .sort((a, b) => b.ms - a.ms)[0];
  targets.push({
    name: `no task of ours over ${TARGETS.longestTaskMs} ms on any page`,
    met: (longest?.ms ?? 0) <= TARGETS.longestTaskMs,
    detail: `longest ${longest?.ms.toFixed(2)} ms (${longest?.name})`,
  });
  const card = results.cardLatency?.overheadMs ?? Number.POSITIVE_INFINITY;
  targets.push({
    name: `card latency overhead ≤ ${TARGETS.cardOverheadMs} ms`,
    met: card <= TARGETS.cardOverheadMs,
    detail: `${card.toFixed(2)} ms (median; worst ${results.cardLatency?.worstMs.toFixed(2) ?? '–'} ms)`,
  });
  const none = results.noMentions?.totalMs ?? Number.POSITIVE_INFINITY;
  targets.push({
    name: `page without mentions ≤ ${TARGETS.noMentionsMs} ms of ours`,
    met: none <= TARGETS.noMentionsMs,
    detail: `${none.toFixed(2)} ms`,
  });
  const live = results.livePage?.ratio ?? Number.POSITIVE_INFINITY;
  targets.push({
    name: `live page last tenth ≤ ${TARGETS.liveRatio}x first tenth per KB`,
    met: live <= TARGETS.liveRatio,
    detail: results.livePage
      ? `${results.livePage.lastTenthMsPerKb.toFixed(3)} / ${results.livePage.firstTenthMsPerKb.toFixed(3)} ms/KB = ${live.toFixed(2)}x`
      : 'not measured',
  });
  if (results.livePage) {
    const { mentions, mentionsOnFreshLoad } = results.livePage;
    targets.push({
      name: 'live page: every mention registered (same count as a fresh load of the final page)',
      met: mentions === mentionsOnFreshLoad,
      detail: `${mentions} live, ${mentionsOnFreshLoad ?? '–'} fresh`,
    });
  }
  const gzipKb = results.contentScript.gzipBytes / 1024;
  targets.push({
    name: `content script ≤ ${TARGETS.gzipKb} KB gzipped`,
    met: gzipKb <= TARGETS.gzipKb,
    detail: `${gzipKb.toFixed(1)} KB`,
  });
  return targets;
}
