import { mergeStores } from '../src/store/load-store.ts';
import type { StoredPack } from '../src/store/pack-storage.ts';
import type { Store } from '../src/store/types.ts';
import { parseStoreJson, type StoreProblem, validateStore } from '../src/store/validate-store.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The ids in the stored packs value, read loosely: only for resolving relations between packs. */
function collectIds(raw: unknown[]): string[] {
  return raw.flatMap((item) =>
    isRecord(item) && isRecord(item.store) && Array.isArray(item.store.entities)
      ? item.store.entities.flatMap((entity) =>
          isRecord(entity) && typeof entity.id === 'string' ? [entity.id] : [],
        )
      : [],
  );
}

/**
 * The stored packs that are still valid stores, in import order. Packs were
 * validated on import; this re-validates so a corrupted or hand-edited storage
 * value is dropped instead of reaching the page. Relations may point at the
 * bundled store and at other packs, as they could on import.
 */
export function toStoredPacks(raw: unknown, bundled?: Store): StoredPack[] {
  if (!Array.isArray(raw)) return [];
  const knownIds = [...(bundled?.entities.map((entity) => entity.id) ?? []), ...collectIds(raw)];
  const packs: StoredPack[] = [];
  for (const item of raw) {
    if (!isRecord(item) || typeof item.importedAt !== 'string') continue;
    const result = validateStore(item.store, { knownIds });
    if (result.ok) packs.push({ importedAt: item.importedAt, store: result.store });
  }
  return packs;
}

/** A pack entity skipped because its id is already taken; `owner` is a pack name, or undefined for the bundled store. */
export interface PackCollision {
  id: string;
  name: string;
  owner: string | undefined;
}

export type PackImport =
  | { ok: false; problems: StoreProblem[] }
  | { ok: true; pack: StoredPack; collisions: PackCollision[] };

/** The entities of `pack` that mergeStores skips after the bundled store and `earlier` packs, and who has each id. */
export function findPackCollisions(bundled: Store, earlier: readonly Store[], pack: Store): PackCollision[] {
  const kept = new Set(mergeStores(bundled, [...earlier, pack]).entities);
  const owners = new Map<string, string | undefined>();
  for (const entity of bundled.entities) owners.set(entity.id, undefined);
  for (const store of earlier)
    for (const entity of store.entities) if (!owners.has(entity.id)) owners.set(entity.id, store.meta.name);
  return pack.entities
    .filter((entity) => !kept.has(entity))
    .map((entity) => ({
      id: entity.id,
      name: entity.name,
      owner: owners.has(entity.id) ? owners.get(entity.id) : pack.meta.name,
    }));
}

/**
 * Checks pasted or uploaded JSON as a new pack, to go after the stored packs.
 * Any validation problem rejects the whole pack, so nothing is stored. Ids
 * already taken by the bundled store or an earlier pack are reported and those
 * entities skipped (mergeStores), never overwritten. Pure: the caller stores the result.
 */
export function planPackImport(
  text: string,
  existing: readonly StoredPack[],
  bundled: Store,
  now: Date,
): PackImport {
  const knownIds = [...bundled.entities, ...existing.flatMap((pack) => pack.store.entities)].map(
    (entity) => entity.id,
  );
  const result = parseStoreJson(text, { knownIds });
  if (!result.ok) return { ok: false, problems: result.problems };
  // importedAt doubles as the pack's key: two imports in the same millisecond get distinct ones.
  let time = now.getTime();
  while (existing.some((pack) => pack.importedAt === new Date(time).toISOString())) time++;
  return {
    ok: true,
    pack: { importedAt: new Date(time).toISOString(), store: result.store },
    collisions: findPackCollisions(
      bundled,
      existing.map((pack) => pack.store),
      result.store,
    ),
  };
}
