import * as v from 'valibot';
import { loadBundledStore } from '../src/store/load-store.ts';
import { readStoredPacks } from '../src/store/pack-storage.ts';
import { entitySchema } from '../src/store/store-schema.ts';
import type { Entity } from '../src/store/types.ts';

const bundledById = new Map(loadBundledStore().entities.map((entity) => [entity.id, entity]));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One pack entity from the stored packs value, or undefined. The first pack
 * that has the id wins, as in mergeStores. The entity is checked against the
 * entity schema, so a corrupted storage value never reaches a card.
 */
export function findPackEntity(storedPacks: unknown, id: string): Entity | undefined {
  if (!Array.isArray(storedPacks)) return undefined;
  for (const pack of storedPacks) {
    if (!isRecord(pack) || !isRecord(pack.store) || !Array.isArray(pack.store.entities)) continue;
    const found: unknown = pack.store.entities.find((entity) => isRecord(entity) && entity.id === id);
    if (found === undefined) continue;
    const result = v.safeParse(entitySchema, found);
    return result.success ? result.output : undefined;
  }
  return undefined;
}

/** An entity by id: the bundled store first (its ids can't be taken by a pack), then the packs. */
export async function findEntity(id: string): Promise<Entity | undefined> {
  return bundledById.get(id) ?? findPackEntity(await readStoredPacks(), id);
}
