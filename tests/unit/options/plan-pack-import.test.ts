import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findPackCollisions,
  listStoredPacks,
  planPackImport,
  planPackRemoval,
} from '../../../options/plan-pack-import.ts';
import type { StoredPack } from '../../../src/store/pack-storage.ts';
import type { Entity, Store } from '../../../src/store/types.ts';

const FIXTURES = new URL('../../fixtures/stores/', import.meta.url);
const validPackText = readFileSync(new URL('valid-pack.json', FIXTURES), 'utf8');
const NOW = new Date('2026-01-02T03:04:05.000Z');

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

function makeStore(name: string, entities: Entity[]): Store {
  return { schemaVersion: 1, meta: { name, currentTo: '2024' }, entities };
}

const bundled = makeStore('bundled', [makeEntity('sergey-lavrov', 'Sergey Lavrov')]);

describe('plan-pack-import', () => {
  describe('planPackImport', () => {
    it('accepts a valid pack with its import date and no collisions', () => {
      const plan = planPackImport(validPackText, [], bundled, NOW);
      if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
      expect(plan.pack.importedAt).toBe(NOW.toISOString());
      expect(plan.pack.store.entities.map((entity) => entity.id)).toEqual([
        'meridian-institute',
        'aigerim-sadykova',
      ]);
      expect(plan.collisions).toEqual([]);
    });

    it('rejects a pack with any problem, listing each with its JSON path', () => {
      const text = readFileSync(new URL('invalid-bad-date.json', FIXTURES), 'utf8');
      const plan = planPackImport(text, [], bundled, NOW);
      expect(plan.ok).toBe(false);
      if (plan.ok) return;
      expect(plan.problems.length).toBeGreaterThan(0);
      for (const problem of plan.problems) expect(problem.path).toMatch(/^\$/);
    });

    it('rejects text that is not JSON', () => {
      const plan = planPackImport('{ not json', [], bundled, NOW);
      expect(plan.ok).toBe(false);
    });

    it('reports ids already used by the bundled store and keeps them out', () => {
      const pack = makeStore('mine', [makeEntity('sergey-lavrov', 'Another Lavrov'), makeEntity('fresh')]);
      const plan = planPackImport(JSON.stringify(pack), [], bundled, NOW);
      if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
      expect(plan.collisions).toEqual([{ id: 'sergey-lavrov', name: 'Another Lavrov', owner: undefined }]);
    });

    it('reports ids used by an earlier pack, naming that pack', () => {
      const earlier: StoredPack = {
        importedAt: NOW.toISOString(),
        store: makeStore('first', [makeEntity('x')]),
      };
      const plan = planPackImport(
        JSON.stringify(makeStore('second', [makeEntity('x')])),
        [earlier],
        bundled,
        NOW,
      );
      if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
      expect(plan.collisions).toEqual([{ id: 'x', name: 'x', owner: 'first' }]);
      // Same millisecond as the earlier import: the key still differs.
      expect(plan.pack.importedAt).not.toBe(earlier.importedAt);
    });

    it('skips and does not store an entity whose strong alias the bundled store has, saying whose', () => {
      const clashing = {
        ...makeEntity('my-lavrov'),
        aliases: [{ text: 'sergey LAVROV', strength: 'strong' as const }],
      };
      const plan = planPackImport(
        JSON.stringify(makeStore('mine', [clashing, makeEntity('fresh')])),
        [],
        bundled,
        NOW,
      );
      if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
      expect(plan.collisions).toEqual([
        {
          id: 'my-lavrov',
          name: 'my-lavrov',
          owner: undefined,
          alias: { text: 'sergey LAVROV', otherId: 'sergey-lavrov' },
        },
      ]);
      expect(plan.pack.store.entities.map((entity) => entity.id)).toEqual(['fresh']);
      expect(plan.kept).toBe(1);
    });

    it('skips an entity whose strong alias an installed pack has, naming that pack', () => {
      const earlier = { importedAt: 'a', store: makeStore('first', [makeEntity('x', 'Xavier Ex')]) };
      const clashing = {
        ...makeEntity('y', 'Yvonne Why'),
        aliases: [
          { text: 'Yvonne Why', strength: 'strong' as const },
          { text: 'Xavier Ex', strength: 'strong' as const },
        ],
      };
      const plan = planPackImport(JSON.stringify(makeStore('second', [clashing])), [earlier], bundled, NOW);
      if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
      expect(plan.collisions).toEqual([
        { id: 'y', name: 'Yvonne Why', owner: 'first', alias: { text: 'Xavier Ex', otherId: 'x' } },
      ]);
      expect(plan.pack.store.entities).toEqual([]);
      expect(plan.kept).toBe(0);
    });

    it('lets a weak alias repeat a strong alias of the bundled store', () => {
      const entity = {
        ...makeEntity('lavrov-fan', 'Lavrov Fan'),
        aliases: [
          { text: 'Lavrov Fan', strength: 'strong' as const },
          { text: 'Sergey Lavrov', strength: 'weak' as const },
        ],
      };
      const plan = planPackImport(JSON.stringify(makeStore('weak', [entity])), [], bundled, NOW);
      if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
      expect(plan.collisions).toEqual([]);
      expect(plan.kept).toBe(1);
    });

    it('keeps every stored item in the value to store, damaged ones and dangling links included', () => {
      const relating = { ...makeEntity('beta-one'), related: [{ id: 'alpha-one', label: 'works with' }] };
      const stored = [
        { importedAt: 'b', store: makeStore('B', [relating]) },
        { importedAt: 'x', store: { entities: 'no' } },
      ];
      const plan = planPackImport(JSON.stringify(makeStore('C', [makeEntity('c')])), stored, bundled, NOW);
      if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
      expect(plan.packs).toEqual([...stored, plan.pack]);
    });

    it('lets relations point at bundled entities and at earlier packs', () => {
      const entity = { ...makeEntity('y'), related: [{ id: 'sergey-lavrov', label: 'met' }] };
      const plan = planPackImport(JSON.stringify(makeStore('rel', [entity])), [], bundled, NOW);
      expect(plan.ok).toBe(true);
    });
  });

  describe('findPackCollisions', () => {
    it('is empty when every id is new', () => {
      expect(findPackCollisions(bundled, [], makeStore('p', [makeEntity('new')]))).toEqual([]);
    });
  });

  describe('listStoredPacks', () => {
    it('checks relations between packs against the bundled store and every other pack', () => {
      const relating = {
        ...makeEntity('z'),
        related: [
          { id: 'sergey-lavrov', label: 'met' },
          { id: 'x', label: 'knows' },
        ],
      };
      const raw = [
        { importedAt: 'a', store: makeStore('one', [makeEntity('x')]) },
        { importedAt: 'b', store: makeStore('two', [relating]) },
      ];
      const listed = listStoredPacks(raw, bundled);
      expect(listed.map((entry) => entry.ok && entry.missingIds)).toEqual([[], []]);
    });

    it('keeps a pack whose relation points into a removed pack, naming the missing id', () => {
      const relating = { ...makeEntity('beta-one'), related: [{ id: 'alpha-one', label: 'works with' }] };
      const listed = listStoredPacks([{ importedAt: 'b', store: makeStore('B', [relating]) }], bundled);
      expect(listed).toHaveLength(1);
      const [entry] = listed;
      if (!entry?.ok) throw new Error(JSON.stringify(entry));
      expect(entry.name).toBe('B');
      expect(entry.missingIds).toEqual(['alpha-one']);
    });

    it.each([undefined, 'garbage', { packs: [] }, 42])('gives no packs for %p', (raw) => {
      expect(listStoredPacks(raw, bundled)).toEqual([]);
    });

    it('lists damaged items in place, each with what is wrong, next to the good ones', () => {
      const good = { importedAt: NOW.toISOString(), store: JSON.parse(validPackText) };
      const listed = listStoredPacks(
        [
          good,
          { importedAt: 'x', store: { meta: { name: 'Broken' }, entities: 'no' } },
          null,
          { store: good.store },
        ],
        bundled,
      );
      expect(listed.map((entry) => [entry.position, entry.ok, entry.name])).toEqual([
        [0, true, good.store.meta.name],
        [1, false, 'Broken'],
        [2, false, undefined],
        [3, false, good.store.meta.name],
      ]);
      const problems = listed.map((entry) => (entry.ok ? [] : entry.problems.map((problem) => problem.path)));
      expect(problems[1]).toContain('$.entities');
      expect(listed[2]?.ok === false && listed[2].problems).toEqual([
        { path: '$', message: 'is null, not a pack' },
      ]);
      expect(listed[3]?.ok === false && listed[3].problems[0]?.message).toContain('importedAt');
    });
  });

  describe('planPackRemoval', () => {
    const packA = { importedAt: 'a', store: makeStore('A', [makeEntity('alpha-one')]) };
    const packB = {
      importedAt: 'b',
      store: makeStore('B', [
        { ...makeEntity('beta-one'), related: [{ id: 'alpha-one', label: 'works with' }] },
      ]),
    };
    const damaged = { store: 'damaged' };

    it('removes only the chosen pack, keeping packs that link to it and damaged items as stored', () => {
      const raw = [damaged, packA, packB];
      const [, listedA] = listStoredPacks(raw, bundled);
      if (!listedA) throw new Error('A is not listed');
      expect(planPackRemoval(raw, listedA)).toEqual([damaged, packB]);
    });

    it('removes a damaged item', () => {
      const raw = [packA, damaged];
      const [, listedDamaged] = listStoredPacks(raw, bundled);
      if (!listedDamaged) throw new Error('the damaged item is not listed');
      expect(planPackRemoval(raw, listedDamaged)).toEqual([packA]);
    });

    it('finds the item where it moved to, and changes nothing when it is gone', () => {
      const [listedA] = listStoredPacks([packA], bundled);
      if (!listedA) throw new Error('A is not listed');
      expect(planPackRemoval([packB, packA], listedA)).toEqual([packB]);
      expect(planPackRemoval([packB], listedA)).toEqual([packB]);
    });
  });
});
