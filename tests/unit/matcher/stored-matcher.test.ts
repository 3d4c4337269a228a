import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildAutomaton } from '../../../src/matcher/build-automaton.ts';
import { buildStoredMatcher } from '../../../src/matcher/build-stored-matcher.ts';
import { compileMatcher } from '../../../src/matcher/compile-matcher.ts';
import { compilePatterns } from '../../../src/matcher/compile-patterns.ts';
import { serializeAutomaton } from '../../../src/matcher/serialize-automaton.ts';
import { serializePatternTable } from '../../../src/matcher/serialize-pattern-table.ts';
import { decodeStoredMatcher } from '../../../src/matcher/stored-matcher.ts';
import { loadBundledStore } from '../../../src/store/load-store.ts';
import { type PackIndexEntry, toPackIndex } from '../../../src/store/pack-storage.ts';

// pack-storage reads storage through the browser seam; only its pure toPackIndex is used here.
vi.mock('../../../src/platform/browser.ts', () => ({ browser: {} }));

const { entities } = loadBundledStore();
const bundled: PackIndexEntry[] = entities.map(({ id, name, type, aliases, contextWords }) => ({
  id,
  name,
  type,
  aliases,
  contextWords,
}));
const table = compilePatterns(entities);
const prebuilt = {
  table: serializePatternTable(table),
  automaton: serializeAutomaton(buildAutomaton(table.patterns)),
};
const pack = JSON.parse(readFileSync(resolve('tests/fixtures/stores/valid-pack.json'), 'utf8'));
const packs = toPackIndex([{ importedAt: '2026-11-28T00:00:00Z', store: pack }]);
const VERSION = 'test-1';

const TEXT = [
  'Sergey Lavrov met Zamir Kabulov in Moscow; THIS IS A HEADLINE about the IS group.',
  'Aigerim Sadykova of the Meridian Institute for Steppe Studies; Путина и Лаврова обсуждали в Кабуле.',
].join('\n');

const found = (scan: { mentions: { entityId: string; start: number; end: number }[] }) =>
  scan.mentions.map(({ entityId, start, end }) => `${entityId}:${TEXT.slice(start, end)}`);

describe('stored name list', () => {
  it('carries the native first look: no for a page naming no one, maybe when it names someone or the look is damaged', () => {
    const stored = buildStoredMatcher({ version: VERSION, bundled, prebuilt, packs });
    const loaded = decodeStoredMatcher(stored, VERSION);
    expect(loaded?.matcher.mayHaveMention?.('Farmers met at the market by the river.')).toBe(false);
    expect(loaded?.matcher.mayHaveMention?.('Farmers met Sergey Lavrov by the river.')).toBe(true);
    // A pack's names are looked for too.
    expect(loaded?.matcher.mayHaveMention?.('Farmers met Aigerim Sadykova by the river.')).toBe(true);
    expect(
      decodeStoredMatcher(
        buildStoredMatcher({ version: VERSION, bundled, prebuilt, packs: [] }),
        VERSION,
      )?.matcher.mayHaveMention?.('Farmers met Aigerim Sadykova by the river.'),
    ).toBe(false);
    for (const prefilter of [undefined, { strong: '(' }, 'damaged']) {
      const damaged = decodeStoredMatcher(JSON.stringify({ ...JSON.parse(stored), prefilter }), VERSION);
      expect(damaged?.matcher.mayHaveMention?.('Farmers met at the market by the river.')).toBe(true);
    }
  });

  it('without packs, finds on a page exactly what the full matcher finds', () => {
    const loaded = decodeStoredMatcher(
      buildStoredMatcher({ version: VERSION, bundled, prebuilt, packs: [] }),
      VERSION,
    );
    expect(loaded).toBeDefined();
    expect(loaded?.matcher.scanText(TEXT)).toEqual(compileMatcher(entities).scanText(TEXT));
    expect(found(loaded?.matcher.scanText(TEXT) ?? { mentions: [] })).toContain(
      'sergey-lavrov:Sergey Lavrov',
    );
    expect(loaded?.entities.map((entity) => entity.id)).toEqual(entities.map((entity) => entity.id));
    expect(loaded?.entities[0]).toEqual({
      id: entities[0]?.id,
      name: entities[0]?.name,
      type: entities[0]?.type,
    });
  });

  it('with a pack, finds the pack names and the bundled ones in one scan', () => {
    const loaded = decodeStoredMatcher(
      buildStoredMatcher({ version: VERSION, bundled, prebuilt, packs }),
      VERSION,
    );
    const names = found(loaded?.matcher.scanText(TEXT) ?? { mentions: [] });
    expect(names).toContain('aigerim-sadykova:Aigerim Sadykova');
    expect(names).toContain('meridian-institute:Meridian Institute for Steppe Studies');
    expect(names).toContain('sergey-lavrov:Sergey Lavrov');
    expect(loaded?.entities.find((entity) => entity.id === 'aigerim-sadykova')).toEqual({
      id: 'aigerim-sadykova',
      name: 'Aigerim Sadykova',
      type: 'person',
    });
  });

  it('never lets a pack take a bundled id: the bundled entity keeps its name and aliases', () => {
    const taken: PackIndexEntry = {
      id: 'sergey-lavrov',
      name: 'Somebody Else',
      type: 'person',
      aliases: [{ text: 'Somebody Else', strength: 'strong' }],
    };
    const text = 'Somebody Else met Sergey Lavrov.';
    const loaded = decodeStoredMatcher(
      buildStoredMatcher({ version: VERSION, bundled, prebuilt, packs: [taken] }),
      VERSION,
    );
    const mentions = loaded?.matcher.scanText(text).mentions ?? [];
    expect(mentions.map((mention) => text.slice(mention.start, mention.end))).toEqual(['Sergey Lavrov']);
    expect(loaded?.entities.filter((entity) => entity.id === 'sergey-lavrov')).toEqual([
      { id: 'sergey-lavrov', name: 'Sergey Lavrov', type: 'person' },
    ]);
  });

  it('refuses, without throwing, a list from another build or a damaged one, so the page asks for a new one', () => {
    const good = buildStoredMatcher({ version: VERSION, bundled, prebuilt, packs });
    const value = JSON.parse(good);
    const damaged = (change: (copy: typeof value) => void): string => {
      const copy = JSON.parse(good);
      change(copy);
      return JSON.stringify(copy);
    };
    const bad: unknown[] = [
      undefined,
      null,
      42,
      { ...value },
      '',
      'not json',
      good.slice(0, good.length / 2),
      good.replace(VERSION, 'other-build'),
      damaged((copy) => {
        copy.automaton.data = copy.automaton.data.slice(0, -8);
      }),
      damaged((copy) => {
        copy.automaton.data = '!!!';
      }),
      damaged((copy) => {
        copy.table.recordsOf[0] = [99_999];
      }),
      damaged((copy) => {
        copy.table.patterns.pop();
      }),
      damaged((copy) => {
        copy.entities[0].type = 'planet';
      }),
      damaged((copy) => {
        delete copy.table;
      }),
    ];
    for (const raw of bad)
      expect(decodeStoredMatcher(raw, VERSION), String(raw).slice(0, 40)).toBeUndefined();
    expect(decodeStoredMatcher(good, VERSION)).toBeDefined();
  });

  it('finds nothing and reports once, instead of throwing into the page, when a record is damaged', () => {
    const good = JSON.parse(buildStoredMatcher({ version: VERSION, bundled, prebuilt, packs }));
    good.table.records = good.table.records.map(() => null);
    let reports = 0;
    const loaded = decodeStoredMatcher(JSON.stringify(good), VERSION, () => reports++);
    expect(loaded).toBeDefined();
    expect(loaded?.matcher.scanText(TEXT)).toEqual({ mentions: [], confirmedIds: [] });
    expect(loaded?.matcher.scanText(TEXT)).toEqual({ mentions: [], confirmedIds: [] });
    expect(reports).toBe(1);
    // A text with no name never meets a record, so it is not a report.
    expect(loaded?.matcher.scanText('nothing to see here').mentions).toEqual([]);
    expect(reports).toBe(1);
  });

  it('decodes the automaton on first use, and a damaged one finds nothing and reports once', () => {
    const good = JSON.parse(buildStoredMatcher({ version: VERSION, bundled, prebuilt, packs }));
    good.automaton.data = '*'.repeat(good.automaton.data.length);
    let reports = 0;
    const loaded = decodeStoredMatcher(JSON.stringify(good), VERSION, () => reports++);
    expect(loaded).toBeDefined();
    // The first look needs no automaton: it still tells a page naming no one from one naming someone.
    expect(loaded?.matcher.mayHaveMention?.('Farmers met at the market.')).toBe(false);
    expect(loaded?.matcher.mayHaveMention?.('Farmers met Sergey Lavrov.')).toBe(true);
    expect(reports).toBe(0);
    expect(loaded?.matcher.scanText(TEXT)).toEqual({ mentions: [], confirmedIds: [] });
    expect(loaded?.matcher.scanText(TEXT)).toEqual({ mentions: [], confirmedIds: [] });
    expect(reports).toBe(1);
    // A region it cannot judge is walked, as if it held a candidate.
    const candidates: number[][] = [];
    loaded?.matcher.findCandidates?.(TEXT, (start, end) => candidates.push([start, end]));
    expect(candidates).toEqual([[0, TEXT.length]]);
  });
});
