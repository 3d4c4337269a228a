import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeStoredMatcher } from '../../../src/matcher/stored-matcher.ts';

/** storage.local as a Map, with every set recorded. */
const fake = vi.hoisted(() => {
  const stored = new Map<string, unknown>();
  const sets: Record<string, unknown>[] = [];
  const local = {
    async get(key: string) {
      return stored.has(key) ? { [key]: stored.get(key) } : {};
    },
    async set(items: Record<string, unknown>) {
      sets.push(items);
      for (const [key, value] of Object.entries(items)) stored.set(key, value);
    },
  };
  return { stored, sets, browser: { storage: { local } } };
});

vi.mock('../../../src/platform/browser.ts', () => ({ browser: fake.browser }));

const { publishMatcher } = await import('../../../background/publish-matcher.ts');

const pack = JSON.parse(readFileSync(resolve('tests/fixtures/stores/valid-pack.json'), 'utf8'));
const TEXT = 'Aigerim Sadykova met Sergey Lavrov.';
const namesIn = (raw: unknown) =>
  (decodeStoredMatcher(raw)?.matcher.scanText(TEXT).mentions ?? []).map((m) => TEXT.slice(m.start, m.end));

describe('publishMatcher (background)', () => {
  beforeEach(() => {
    fake.stored.clear();
    fake.sets.length = 0;
  });

  it('stores the name list once, and not again while nothing changed (no page restarts)', async () => {
    const first = await publishMatcher();
    expect(namesIn(fake.stored.get('matcher'))).toEqual(['Sergey Lavrov']);
    expect(await publishMatcher()).toBe(first);
    expect(fake.sets).toHaveLength(1);
  });

  it('stores a new list with the names of an imported pack, and the old one once it is removed', async () => {
    await publishMatcher();
    fake.stored.set('packs', [{ importedAt: '2026-11-28T00:00:00Z', store: pack }]);
    await publishMatcher();
    expect(namesIn(fake.stored.get('matcher'))).toEqual(['Aigerim Sadykova', 'Sergey Lavrov']);
    fake.stored.set('packs', []);
    await publishMatcher();
    expect(namesIn(fake.stored.get('matcher'))).toEqual(['Sergey Lavrov']);
    expect(fake.sets).toHaveLength(3);
  });

  it('replaces a damaged stored list, and skips a damaged packs value instead of failing', async () => {
    fake.stored.set('matcher', '{"version": "damag');
    fake.stored.set('packs', 'not a list of packs');
    await publishMatcher();
    expect(namesIn(fake.stored.get('matcher'))).toEqual(['Sergey Lavrov']);
  });
});
