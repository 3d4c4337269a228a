/**
 * Run the matcher over saved pages and print what it would highlight
 * (`npm run eval:matcher -- DIR [--context]`).
 *
 * For every .html file in DIR: extract the visible text (no script, style, noscript,
 * template, svg, [hidden], aria-hidden="true" or inline display:none), split it into
 * blocks at block-level elements, scan each block with the matcher compiled from
 * src/store/entities.json, apply the page-level weak-alias decision, and print the mentions
 * per entity with their surface forms and counts, per page and in total. `--context` also
 * prints every mention (and every weak one the page did not confirm) with the text around
 * it, for reviewing false hits.
 *
 * The pages are read where they are (e.g. /work/shared/corpus/pages); nothing is copied.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileMatcher, type MatchableEntity, type Mention } from '../src/matcher/compile-matcher.ts';
import { resolveWeakMentions } from '../src/matcher/resolve-weak-mentions.ts';
import { extractVisibleBlocks } from '../tests/fixtures/matcher/extract-visible-blocks.ts';

const STORE_PATH = new URL('../src/store/entities.json', import.meta.url);
function loadEntities(): MatchableEntity[] {
  if (!existsSync(STORE_PATH)) {
    console.error(
      'eval:matcher needs the bundled store, src/store/entities.json, and it does not exist yet.',
    );
    process.exit(2);
  }
  const parsed: unknown = JSON.parse(readFileSync(STORE_PATH, 'utf8'));
  const entities = (parsed as { entities?: unknown }).entities;
  if (!Array.isArray(entities)) {
    console.error('src/store/entities.json has no "entities" array.');
    process.exit(2);
  }
  return entities as MatchableEntity[];
}

type Tally = Map<string, Map<string, number>>;

function addToTally(tally: Tally, entityId: string, surface: string, count = 1): void {
  let surfaces = tally.get(entityId);
  if (surfaces === undefined) {
    surfaces = new Map();
    tally.set(entityId, surfaces);
  }
  surfaces.set(surface, (surfaces.get(surface) ?? 0) + count);
}

function printTally(tally: Tally, indent: string): void {
  const rows = [...tally].map(([id, surfaces]) => {
    const total = [...surfaces.values()].reduce((a, b) => a + b, 0);
    const forms = [...surfaces]
      .sort((a, b) => b[1] - a[1])
      .map(([form, n]) => `${JSON.stringify(form)}×${n}`);
    return { id, total, forms };
  });
  for (const row of rows.sort((a, b) => b.total - a.total)) {
    console.log(`${indent}${row.id.padEnd(34)} ${String(row.total).padStart(4)}  ${row.forms.join(', ')}`);
  }
}

function describeContext(text: string, mention: Mention): string {
  const before = text.slice(Math.max(0, mention.start - 50), mention.start).replace(/\s+/g, ' ');
  const after = text.slice(mention.end, mention.end + 50).replace(/\s+/g, ' ');
  return `…${before}[${text.slice(mention.start, mention.end)}]${after}…`;
}

const dir = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
if (dir === undefined) {
  console.error('usage: npm run eval:matcher -- DIR [--context]');
  process.exit(2);
}
const showContext = process.argv.includes('--context');
const matcher = compileMatcher(loadEntities());
const total: Tally = new Map();
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.html'))
  .sort();
let pagesWithMentions = 0;

for (const file of files) {
  const blocks = extractVisibleBlocks(readFileSync(join(dir, file), 'utf8'));
  const scans = blocks.map((text) => ({ text, scan: matcher.scanText(text) }));
  const confirmed = new Set(scans.flatMap(({ scan }) => scan.confirmedIds));
  const page: Tally = new Map();
  const lines: string[] = [];
  let dropped = 0;
  for (const { text, scan } of scans) {
    const kept = resolveWeakMentions(scan.mentions, confirmed);
    dropped += scan.mentions.length - kept.length;
    if (showContext) {
      for (const mention of scan.mentions.filter((m) => !kept.includes(m))) {
        lines.push(
          `      dropped ${mention.entityId} (weak, unconfirmed): ${describeContext(text, mention)}`,
        );
      }
    }
    for (const mention of kept) {
      const surface = text.slice(mention.start, mention.end);
      addToTally(page, mention.entityId, surface);
      addToTally(total, mention.entityId, surface);
      if (showContext)
        lines.push(
          `      ${mention.entityId}${mention.strength === 'weak' ? ' (weak)' : ''}: ${describeContext(text, mention)}`,
        );
    }
  }
  const count = [...page.values()].reduce(
    (sum, forms) => sum + [...forms.values()].reduce((a, b) => a + b, 0),
    0,
  );
  const characters = blocks.reduce((sum, block) => sum + block.length, 0);
  console.log(
    `${file}: ${count} mentions, ${dropped} unconfirmed weak dropped (${blocks.length} blocks, ${characters} chars)`,
  );
  if (count > 0) pagesWithMentions++;
  printTally(page, '    ');
  for (const line of lines) console.log(line);
}

console.log(`\nTOTAL over ${files.length} pages (${pagesWithMentions} with mentions):`);
printTally(total, '    ');
