import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import { writeAliasIndex, writePatternTable } from './scripts/write-alias-index.ts';
import { encodeFoldSeed } from './src/matcher/fold-code-unit.ts';

type Target = 'chrome' | 'firefox';
type Manifest = Record<string, unknown> & { background?: Record<string, unknown> };

const target: Target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

/**
 * One manifest.json for both browsers (DESIGN.md decision 5). It is written
 * Chrome-first; Firefox gets background scripts instead of a service worker
 * and keeps browser_specific_settings, which Chrome would warn about.
 */
function adaptManifest(source: Manifest, browser: Target): Manifest {
  const { browser_specific_settings, background, ...rest } = source;
  const worker = String(background?.service_worker);
  if (browser === 'chrome') return { ...rest, background: { service_worker: worker, type: 'module' } };
  return { ...rest, background: { scripts: [worker], type: 'module' }, browser_specific_settings };
}

const manifest = adaptManifest(
  JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8')) as Manifest,
  target,
);

// crxjs builds standalone content scripts without user plugins, so the alias
// index is a generated file reached through resolve.alias, not a virtual module.
const aliasIndexPath = writeAliasIndex(
  resolve(import.meta.dirname, 'src/store/entities.json'),
  resolve(import.meta.dirname, 'node_modules/.cache/context-cards/alias-index.json'),
);
const patternTablePath = writePatternTable(
  resolve(import.meta.dirname, 'src/store/entities.json'),
  resolve(import.meta.dirname, 'node_modules/.cache/context-cards/pattern-table.json'),
);

// The stored name list (src/matcher/stored-matcher.ts) is tied to the build that made it: a
// content script accepts only a list with its own version, so after an update the new background
// rebuilds it. The version follows the bundled store's compiled form and the extension's version.
const matcherVersion = createHash('sha256')
  .update(String(manifest.version))
  .update(readFileSync(aliasIndexPath))
  .update(readFileSync(patternTablePath))
  .digest('hex')
  .slice(0, 16);

// `npm run bench` builds an instrumented copy (CC_BENCH=1) into its own folder
// (CC_OUT_DIR), so dist/ always holds the production build. In production
// __CC_BENCH__ is the literal false and the instrumentation is dropped.
const isBench = process.env.CC_BENCH === '1';

export default defineConfig({
  define: {
    __CC_BENCH__: JSON.stringify(isBench),
    __CC_MATCHER_VERSION__: JSON.stringify(matcherVersion),
    // The common non-ASCII characters, classified here rather than on every page (fold-code-unit.ts).
    __CC_FOLD_SEED__: JSON.stringify(encodeFoldSeed()),
  },
  resolve: { alias: { 'virtual:alias-index': aliasIndexPath, 'virtual:pattern-table': patternTablePath } },
  plugins: [
    crx({
      manifest: manifest as unknown as ManifestV3Export,
      browser: target,
      contentScripts: { standaloneFiles: ['content-scripts/annotate/index.ts'] },
    }),
  ],
  build: {
    outDir: process.env.CC_OUT_DIR ?? `dist/${target}`,
    emptyOutDir: true,
    target: target === 'firefox' ? 'firefox140' : 'chrome105',
    // CC_MINIFY=0 keeps function names for profiling bench builds.
    minify: process.env.CC_MINIFY !== '0',
    sourcemap: false,
    modulePreload: false,
  },
});
