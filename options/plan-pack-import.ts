import { describeValue } from '../src/store/find-field-problem.ts';
import { mergeStores } from '../src/store/load-store.ts';
import type { StoredPack } from '../src/store/pack-storage.ts';
import type { Store } from '../src/store/types.ts';
import {
  makeAliasKey,
  parseStoreJson,
  type StoreProblem,
  validateStore,
} from '../src/store/validate-store.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One item of the stored packs value, as the settings page lists it. */
interface ListedItem {
  /** Where it is in the stored list. */
  position: number;
  /** The item as stored: what removal looks for, and what a damaged pack exports. */
  item: unknown;
  /** Its name, or undefined when a damaged item has none. */
  name: string | undefined;
  /** When it was imported (its key in storage), or undefined when a damaged item has none. */
  importedAt: string | undefined;
}

export type ListedPack =
  | (ListedItem & {
      ok: true;
      pack: StoredPack;
      /** Ids its relations point to that no installed entity has: cards leave those links out. */
      missingIds: string[];
    })
  | (ListedItem & { ok: false; problems: StoreProblem[] });

function readName(item: unknown): string | undefined {
  const meta = isRecord(item) && isRecord(item.store) ? item.store.meta : undefined;
  return isRecord(meta) && typeof meta.name === 'string' && meta.name.trim() ? meta.name : undefined;
}

function checkItem(item: unknown, position: number): ListedPack {
  const name = readName(item);
  const importedAt = isRecord(item) && typeof item.importedAt === 'string' ? item.importedAt : undefined;
  const listed = { position, item, name, importedAt };
  if (!isRecord(item)) {
    return {
      ok: false,
      ...listed,
      problems: [{ path: '$', message: `is ${describeValue(item)}, not a pack` }],
    };
  }
  const problems: StoreProblem[] = [];
  if (importedAt === undefined)
    problems.push({ path: '$', message: 'has no import date (importedAt), which is its key in storage' });
  // A relation may point into a pack removed since: that is not damage (see listStoredPacks).
  const result = validateStore(item.store, { allowMissingRelated: true });
  if (!result.ok) problems.push(...result.problems);
  if (!result.ok || importedAt === undefined) return { ok: false, ...listed, problems };
  return { ok: true, ...listed, pack: { importedAt, store: result.store }, missingIds: [] };
}

/**
 * Every item of the stored packs value, in import order, each either a checked
 * pack or a damaged item with what is wrong with it. Nothing is left out: a
 * pack hidden here would be invisible to the user yet still partly used by
 * pages (toPackIndex reads loosely), and lost at the next write. Relations to
 * ids that are gone (their pack was removed) are listed per pack, not treated
 * as damage: cards leave such links out, and they come back if the entity does.
 */
export function listStoredPacks(raw: unknown, bundled: Store): ListedPack[] {
  if (!Array.isArray(raw)) return [];
  const listed = raw.map(checkItem);
  const known = new Set(bundled.entities.map((entity) => entity.id));
  for (const entry of listed)
    if (entry.ok) for (const entity of entry.pack.store.entities) known.add(entity.id);
  for (const entry of listed) {
    if (!entry.ok) continue;
    const related = entry.pack.store.entities.flatMap((entity) =>
      entity.related.map((relation) => relation.id),
    );
    entry.missingIds = [...new Set(related)].filter((id) => !known.has(id));
  }
  return listed;
}

/** The packs of `listed` that passed their check, in order. */
export function selectGoodPacks(listed: readonly ListedPack[]): StoredPack[] {
  return listed.flatMap((entry) => (entry.ok ? [entry.pack] : []));
}

/**
 * The stored packs value without the listed item, every other item kept as
 * stored, damaged or not. The item is found by content, so a list changed
 * meanwhile (another settings page) loses only that item; if it is gone
 * already, nothing changes.
 */
export function planPackRemoval(raw: unknown, listed: ListedPack): unknown[] {
  if (!Array.isArray(raw)) return [];
  const json = JSON.stringify(listed.item);
  const at =
    JSON.stringify(raw[listed.position]) === json
      ? listed.position
      : raw.findIndex((item) => JSON.stringify(item) === json);
  return at === -1 ? raw : raw.filter((_, index) => index !== at);
}

/**
 * A pack entity skipped because its id, or one of its strong aliases, is
 * already taken; `owner` is a pack name, or undefined for the bundled store.
 */
export interface PackCollision {
  id: string;
  name: string;
  owner: string | undefined;
  /** Set when the clash is a strong alias (`text`) of the entity `otherId`, not the id. */
  alias?: { text: string; otherId: string };
}

export type PackImport =
  | { ok: false; problems: StoreProblem[] }
  /**
   * `packs` is the new stored packs value: every stored item as it was, then
   * `pack`. `kept` counts the entities pages will use.
   */
  | { ok: true; pack: StoredPack; collisions: PackCollision[]; kept: number; packs: unknown[] };

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
 * The entities of `pack` with a strong alias that an entity pages already know
 * has as a strong alias (the bundled store, then `earlier` packs, first owner
 * of an id winning as in mergeStores). Such an entity could never be marked by
 * that alias: the matcher gives the mention to the first owner. Entities in
 * `skipIds` are skipped anyway and not checked.
 */
export function findAliasClashes(
  bundled: Store,
  earlier: readonly Store[],
  pack: Store,
  skipIds: ReadonlySet<string>,
): PackCollision[] {
  const ids = new Set<string>();
  const owners = new Map<string, { otherId: string; owner: string | undefined }>();
  const sources: { store: Store; owner: string | undefined }[] = [
    { store: bundled, owner: undefined },
    ...earlier.map((store) => ({ store, owner: store.meta.name })),
  ];
  for (const { store, owner } of sources) {
    for (const entity of store.entities) {
      if (ids.has(entity.id)) continue;
      ids.add(entity.id);
      for (const alias of entity.aliases) {
        const key = makeAliasKey(alias.text);
        if (alias.strength === 'strong' && !owners.has(key)) owners.set(key, { otherId: entity.id, owner });
      }
    }
  }
  return pack.entities.flatMap((entity): PackCollision[] => {
    if (skipIds.has(entity.id)) return [];
    for (const alias of entity.aliases) {
      const taken = alias.strength === 'strong' ? owners.get(makeAliasKey(alias.text)) : undefined;
      if (taken) {
        const { otherId, owner } = taken;
        return [{ id: entity.id, name: entity.name, owner, alias: { text: alias.text, otherId } }];
      }
    }
    return [];
  });
}

/**
 * Checks pasted or uploaded JSON as a new pack, to go after the stored packs
 * (`raw`, the stored value as read). Any validation problem rejects the whole
 * pack, so nothing is stored. Ids already taken by the bundled store or an
 * earlier pack are reported and those entities skipped (mergeStores), never
 * overwritten. An entity with a strong alias already taken there is reported
 * and left out of the stored pack: pages could never mark it by that alias,
 * and docs/pack-guide.md promises such duplicates are rejected. Pure: the
 * caller stores `packs`, which keeps every stored item, damaged ones
 * included, so an import never deletes what the user had.
 */
export function planPackImport(text: string, raw: unknown, bundled: Store, now: Date): PackImport {
  const listed = listStoredPacks(raw, bundled);
  const existing = selectGoodPacks(listed);
  const knownIds = [...bundled.entities, ...existing.flatMap((pack) => pack.store.entities)].map(
    (entity) => entity.id,
  );
  const result = parseStoreJson(text, { knownIds });
  if (!result.ok) return { ok: false, problems: result.problems };
  const earlier = existing.map((each) => each.store);
  const idCollisions = findPackCollisions(bundled, earlier, result.store);
  const skipIds = new Set(idCollisions.map((collision) => collision.id));
  const aliasClashes = findAliasClashes(bundled, earlier, result.store, skipIds);
  const clashIds = new Set(aliasClashes.map((clash) => clash.id));
  // Relations to a left-out entity stay: cards leave them out, as after a pack is removed.
  const store = {
    ...result.store,
    entities: result.store.entities.filter((entity) => !clashIds.has(entity.id)),
  };
  // importedAt doubles as the pack's key: two imports in the same millisecond get distinct ones.
  const taken = new Set(listed.map((entry) => entry.importedAt));
  let time = now.getTime();
  while (taken.has(new Date(time).toISOString())) time++;
  const pack = { importedAt: new Date(time).toISOString(), store };
  return {
    ok: true,
    pack,
    collisions: [...idCollisions, ...aliasClashes],
    kept: store.entities.length - idCollisions.length,
    // A value that is not a list holds no packs: pages read none from it either (toPackIndex).
    packs: [...(Array.isArray(raw) ? raw : []), pack],
  };
}
