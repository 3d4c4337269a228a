import aliasIndex from 'virtual:alias-index';
import prebuilt from 'virtual:pattern-table';
import { buildStoredMatcher } from '../src/matcher/build-stored-matcher.ts';
import { MATCHER_VERSION } from '../src/matcher/stored-matcher.ts';
import { toPackIndex } from '../src/store/pack-storage.ts';
import type { StoreProblem } from '../src/store/validate-store.ts';

/**
 * The most characters the compiled name list (built-in store and every pack, see
 * stored-matcher.ts) may take. Every frame of every page decodes it before marking anything:
 * about 1.5 million characters (some 800 entries of five names beside the built-in store) took
 * 25-40 ms here; a list four times that took over 120 ms and no longer fitted Chrome's 10 MB
 * storage.local beside the packs themselves, so pages kept the old list and never marked the pack.
 */
export const MAX_NAME_LIST_CHARS = 1_500_000;

function formatMillions(chars: number): string {
  return `${(chars / 1_000_000).toFixed(1)} million characters`;
}

/**
 * Why the stored packs value `packs` would be too much for pages, if it would: checked before an
 * import is saved, so the reader hears it at once rather than seeing the pack never marked.
 */
export function findNameListProblem(packs: unknown[]): StoreProblem | undefined {
  const list = buildStoredMatcher({
    version: MATCHER_VERSION,
    bundled: aliasIndex,
    prebuilt,
    packs: toPackIndex(packs),
  });
  if (list.length <= MAX_NAME_LIST_CHARS) return undefined;
  return {
    path: '$',
    message:
      `would make the list of names every page reads ${formatMillions(list.length)} long, more than ` +
      `the ${formatMillions(MAX_NAME_LIST_CHARS)} pages can read quickly; split it, or remove another pack first`,
  };
}
