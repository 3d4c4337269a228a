import * as v from 'valibot';
import { isLanguageTag } from '../src/store/is-language-tag.ts';
import { loadBundledStore } from '../src/store/load-store.ts';
import { readStoredPacks } from '../src/store/pack-storage.ts';
import { entitySchema } from '../src/store/store-schema.ts';
import type { Entity } from '../src/store/types.ts';

const bundled = loadBundledStore();
const bundledById = new Map(bundled.entities.map((entity) => [entity.id, entity]));

/** An entity and the language its text is written in (its store's or pack's `meta.language`), if known. */
export interface FoundEntity {
  entity: Entity;
  language?: string;
}

/** A declared language, or undefined when there is none or it is not a language tag (a damaged value). */
function readLanguage(meta: unknown): string | undefined {
  return isRecord(meta) && typeof meta.language === 'string' && isLanguageTag(meta.language)
    ? meta.language
    : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One pack entity from the stored packs value, or undefined. The first pack
 * that has the id wins, as in mergeStores. The entity is checked against the
 * entity schema, so a corrupted storage value never reaches a card.
 */
export function findPackEntity(storedPacks: unknown, id: string): FoundEntity | undefined {
  if (!Array.isArray(storedPacks)) return undefined;
  for (const pack of storedPacks) {
    if (!isRecord(pack) || !isRecord(pack.store) || !Array.isArray(pack.store.entities)) continue;
    const found: unknown = pack.store.entities.find((entity) => isRecord(entity) && entity.id === id);
    if (found === undefined) continue;
    const result = v.safeParse(entitySchema, found);
    if (!result.success) return undefined;
    const language = readLanguage(pack.store.meta);
    return language ? { entity: result.output, language } : { entity: result.output };
  }
  return undefined;
}

/** An entity by id: the bundled store first (its ids can't be taken by a pack), then the packs. */
export async function findEntity(id: string): Promise<FoundEntity | undefined> {
  const entity = bundledById.get(id);
  if (entity) return { entity, language: bundled.meta.language };
  return findPackEntity(await readStoredPacks(), id);
}
