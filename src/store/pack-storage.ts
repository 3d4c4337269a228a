import { browser } from '../platform/browser.ts';
import { readLocal, watchLocal } from '../platform/local-storage.ts';
import { type Alias, ENTITY_TYPES, type Entity, type EntityType, type Store } from './types.ts';

/*
 * Kept free of the validator and the bundled store on purpose: the content
 * script imports this file, and valibot's schemas do not tree-shake (12 KB).
 * Validation of packs lives with its callers (options/, background/).
 */

/** storage.local key holding the user's imported packs (validated when imported). */
export const PACKS_KEY = 'packs';

export interface StoredPack {
  /** When it was imported, ISO 8601. */
  importedAt: string;
  store: Store;
}

export type PackIndexEntry = Pick<Entity, 'id' | 'name' | 'type' | 'aliases' | 'contextWords'>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toAlias(raw: unknown): Alias | undefined {
  if (!isRecord(raw) || typeof raw.text !== 'string' || !raw.text.trim()) return undefined;
  const strength = raw.strength === 'weak' ? 'weak' : 'strong';
  const alias: Alias = { text: raw.text, strength };
  if (typeof raw.caseSensitive === 'boolean') alias.caseSensitive = raw.caseSensitive;
  if (typeof raw.foldDiacritics === 'boolean') alias.foldDiacritics = raw.foldDiacritics;
  if (Array.isArray(raw.exclude))
    alias.exclude = raw.exclude.filter((item): item is string => typeof item === 'string');
  return alias;
}

/**
 * What the content script needs from the stored packs: the matching slice of
 * each entity. Packs were fully validated on import; this re-checks shape
 * cheaply so a corrupted storage value is skipped, never thrown on.
 */
export function toPackIndex(raw: unknown): PackIndexEntry[] {
  if (!Array.isArray(raw)) return [];
  const entries: PackIndexEntry[] = [];
  for (const pack of raw) {
    if (!isRecord(pack) || !isRecord(pack.store) || !Array.isArray(pack.store.entities)) continue;
    for (const entity of pack.store.entities) {
      if (!isRecord(entity) || typeof entity.id !== 'string' || typeof entity.name !== 'string') continue;
      if (!(ENTITY_TYPES as readonly unknown[]).includes(entity.type) || !Array.isArray(entity.aliases))
        continue;
      const aliases = entity.aliases.map(toAlias).filter((alias): alias is Alias => Boolean(alias));
      if (!aliases.length) continue;
      const contextWords = Array.isArray(entity.contextWords)
        ? entity.contextWords.filter((word): word is string => typeof word === 'string')
        : undefined;
      entries.push({
        id: entity.id,
        name: entity.name,
        type: entity.type as EntityType,
        aliases,
        contextWords,
      });
    }
  }
  return entries;
}

export function readStoredPacks(): Promise<unknown> {
  return readLocal(PACKS_KEY);
}

export async function readPackIndex(): Promise<PackIndexEntry[]> {
  return toPackIndex(await readStoredPacks());
}

/**
 * Replaces the stored packs value. Callers pass the value they read with one
 * change (a validated pack added, one item removed): items already stored go
 * back as they were, even ones that no longer pass a check, so a write never
 * loses a pack the user did not remove.
 */
export async function writePacks(packs: readonly unknown[]): Promise<void> {
  await browser.storage.local.set({ [PACKS_KEY]: packs });
}

/** Calls `onChange` when the stored packs change; stops when `signal` aborts. */
export function watchPacks(onChange: () => void, signal: AbortSignal): void {
  watchLocal(PACKS_KEY, onChange, signal);
}
