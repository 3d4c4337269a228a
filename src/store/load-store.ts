import bundledJson from './entities.json';
import type { Entity, Store } from './types.ts';

/**
 * The store that ships inside the extension. It is not validated here, on every page load:
 * tests and CI (`npm run validate-store`, tests/unit/store/bundled-store.test.ts) prove the file
 * matches `Store` before it can ship.
 */
export function loadBundledStore(): Store {
  // TypeScript infers a wider type from the JSON (type: string, not EntityType); the test above
  // is what makes this narrowing true.
  const store: unknown = bundledJson;
  return store as Store;
}

/**
 * Adds validated packs to the bundled store. An id that is already taken (by the bundled store or
 * an earlier pack) keeps its first owner: a pack entity with that id is skipped and reported,
 * never silently overwriting what the user already sees.
 */
export function mergeStores(bundled: Store, packs: Store[]): { entities: Entity[]; problems: string[] } {
  const entities = [...bundled.entities];
  const problems: string[] = [];
  const ownerById = new Map<string, string>();
  for (const entity of bundled.entities) ownerById.set(entity.id, 'the bundled store');

  for (const pack of packs) {
    const packName = `pack ${JSON.stringify(pack.meta.name)}`;
    for (const entity of pack.entities) {
      const owner = ownerById.get(entity.id);
      if (owner !== undefined) {
        const by = owner === packName ? 'an earlier entity in the same pack' : owner;
        problems.push(
          `${packName}: skipped entity ${JSON.stringify(entity.id)} (${entity.name}) because ${by} already uses that id`,
        );
        continue;
      }
      ownerById.set(entity.id, packName);
      entities.push(entity);
    }
  }
  return { entities, problems };
}
