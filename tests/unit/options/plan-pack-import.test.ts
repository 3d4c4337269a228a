import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPackCollisions, planPackImport, toStoredPacks } from '../../../options/plan-pack-import.ts';
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

  describe('toStoredPacks', () => {
    it('keeps a pack whose relations point at the bundled store or another pack', () => {
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
      expect(toStoredPacks(raw, bundled)).toHaveLength(2);
      expect(toStoredPacks(raw)).toHaveLength(1);
    });

    it.each([undefined, 'garbage', { packs: [] }, 42])('gives no packs for %p', (raw) => {
      expect(toStoredPacks(raw)).toEqual([]);
    });

    it('keeps valid packs and drops corrupted ones', () => {
      const good = { importedAt: NOW.toISOString(), store: JSON.parse(validPackText) };
      const packs = toStoredPacks([
        good,
        { importedAt: 'x', store: { entities: 'no' } },
        null,
        { store: good.store },
      ]);
      expect(packs).toHaveLength(1);
      expect(packs[0]?.store.meta.name).toContain('Meridian');
    });
  });
});
