import aliasIndex from 'virtual:alias-index';
import prebuilt from 'virtual:pattern-table';
import { buildStoredMatcher } from '../src/matcher/build-stored-matcher.ts';
import { MATCHER_KEY, MATCHER_VERSION } from '../src/matcher/stored-matcher.ts';
import { browser } from '../src/platform/browser.ts';
import { readLocal } from '../src/platform/local-storage.ts';
import { readPackIndex } from '../src/store/pack-storage.ts';

/** The name list for the current packs, as stored for the content scripts (see stored-matcher.ts). */
async function buildMatcher(): Promise<string> {
  const packs = await readPackIndex();
  return buildStoredMatcher({ version: MATCHER_VERSION, bundled: aliasIndex, prebuilt, packs });
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Builds the name list and stores it when it differs from what is stored, so a worker restart
 * does not wake every open page (they restart their session when the stored list changes).
 * Calls run one after another: two quick pack changes end with the last one's list stored.
 */
export function publishMatcher(): Promise<string | undefined> {
  const run = queue.then(async () => {
    try {
      const built = await buildMatcher();
      if ((await readLocal(MATCHER_KEY)) !== built) await browser.storage.local.set({ [MATCHER_KEY]: built });
      return built;
    } catch (error) {
      console.error('Context Cards: could not build the name list for pages:', error);
      return undefined;
    }
  });
  queue = run;
  return run;
}
