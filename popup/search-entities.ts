import type { EntityType } from '../src/store/types.ts';
import { normalizeSearchText } from './normalize-search-text.ts';

export interface SearchableEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: readonly { text: string }[];
}

export interface SearchIndex {
  entries: { entity: SearchableEntity; keys: string[] }[];
}

export interface SearchResult {
  entity: SearchableEntity;
  /** The alias that matched when it is not the name, to show why a result is there. */
  matchedAlias?: string;
}

/** Precomputes the folded name and aliases of each entity; the first entity with an id wins (bundled before packs). */
export function buildSearchIndex(entities: readonly SearchableEntity[]): SearchIndex {
  const seen = new Set<string>();
  const entries: SearchIndex['entries'] = [];
  for (const entity of entities) {
    if (seen.has(entity.id)) continue;
    seen.add(entity.id);
    entries.push({
      entity,
      keys: [entity.name, ...entity.aliases.map((alias) => alias.text)].map(normalizeSearchText),
    });
  }
  return { entries };
}

/** 0: a key is the query; 1: a key starts with it; 2: a word in a key starts with it; 3: contains it. */
function rankKey(key: string, query: string): number | undefined {
  if (key === query) return 0;
  if (key.startsWith(query)) return 1;
  if (key.includes(` ${query}`)) return 2;
  if (key.includes(query)) return 3;
  return undefined;
}

/** Entities whose name or any alias contains the query, ignoring case and diacritics; best matches first. */
export function searchEntities(index: SearchIndex, rawQuery: string, limit = 20): SearchResult[] {
  const query = normalizeSearchText(rawQuery);
  if (!query) return [];
  const scored: { result: SearchResult; rank: number }[] = [];
  for (const { entity, keys } of index.entries) {
    let best: { rank: number; key: number } | undefined;
    keys.forEach((key, position) => {
      const rank = rankKey(key, query);
      if (rank !== undefined && (!best || rank < best.rank)) best = { rank, key: position };
    });
    if (!best) continue;
    const result: SearchResult = { entity };
    const alias = best.key > 0 ? entity.aliases[best.key - 1]?.text : undefined;
    if (alias && normalizeSearchText(alias) !== normalizeSearchText(entity.name)) result.matchedAlias = alias;
    scored.push({ result, rank: best.rank });
  }
  scored.sort((a, b) => a.rank - b.rank || a.result.entity.name.localeCompare(b.result.entity.name));
  return scored.slice(0, limit).map((item) => item.result);
}
