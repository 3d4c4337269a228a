import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundledStore, mergeStores } from '../../../src/store/load-store.ts';
import type { Entity, Store } from '../../../src/store/types.ts';

function readValidPack(): Store {
  return JSON.parse(
    readFileSync(new URL('../../fixtures/stores/valid-pack.json', import.meta.url), 'utf8'),
  ) as Store;
}

function makeStore(name: string, entities: Entity[]): Store {
  return { schemaVersion: 1, meta: { name, currentTo: '2024' }, entities };
}

function makeEntity(id: string, name = id): Entity {
  return {
    id,
    name,
    type: 'person',
    summary: 'A person made up for this test.',
    role: 'None.',
    aliases: [{ text: name, strength: 'strong' }],
    facts: [],
    later: [],
    related: [],
  };
}

describe('load-store', () => {
  describe('loadBundledStore', () => {
    it('returns the bundled entities.json', () => {
      const store = loadBundledStore();
      expect(store.schemaVersion).toBe(1);
      expect(store.entities.length).toBeGreaterThan(0);
    });
  });

  describe('mergeStores', () => {
    it('appends pack entities after the bundled ones, in pack order', () => {
      const bundled = makeStore('bundled', [makeEntity('a')]);
      const { entities, problems } = mergeStores(bundled, [
        readValidPack(),
        makeStore('second', [makeEntity('b')]),
      ]);
      expect(entities.map((entity) => entity.id)).toEqual([
        'a',
        'meridian-institute',
        'aigerim-sadykova',
        'b',
      ]);
      expect(problems).toEqual([]);
    });

    it('skips and reports a pack entity whose id the bundled store already uses', () => {
      const bundled = makeStore('bundled', [makeEntity('taliban', 'Taliban')]);
      const pack = makeStore('My pack', [makeEntity('taliban', 'Taliban (mine)'), makeEntity('new-one')]);
      const { entities, problems } = mergeStores(bundled, [pack]);
      expect(entities.map((entity) => entity.name)).toEqual(['Taliban', 'new-one']);
      expect(problems).toEqual([
        'pack "My pack": skipped entity "taliban" (Taliban (mine)) because the bundled store already uses that id',
      ]);
    });

    it('keeps the first pack that uses an id, and reports the later one', () => {
      const first = makeStore('First', [makeEntity('x', 'X one')]);
      const second = makeStore('Second', [makeEntity('x', 'X two')]);
      const { entities, problems } = mergeStores(makeStore('bundled', []), [first, second]);
      expect(entities.map((entity) => entity.name)).toEqual(['X one']);
      expect(problems).toEqual([
        'pack "Second": skipped entity "x" (X two) because pack "First" already uses that id',
      ]);
    });

    it('reports a duplicate inside one pack as such', () => {
      const pack = makeStore('Dup', [makeEntity('x', 'X one'), makeEntity('x', 'X two')]);
      expect(mergeStores(makeStore('bundled', []), [pack]).problems).toEqual([
        'pack "Dup": skipped entity "x" (X two) because an earlier entity in the same pack already uses that id',
      ]);
    });

    it('does not change the stores it is given', () => {
      const bundled = makeStore('bundled', [makeEntity('a')]);
      mergeStores(bundled, [makeStore('p', [makeEntity('b')])]);
      expect(bundled.entities).toHaveLength(1);
    });
  });
});
