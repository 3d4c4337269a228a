import { ENTITY_TYPES, type EntityType } from '../store/types.ts';
import { createMatcher, type Matcher } from './compile-matcher.ts';
import { createPrefilter, type Prefilter, type SerializedPrefilter } from './prefilter.ts';
import {
  deserializeAutomaton,
  hasExpectedDataLength,
  type SerializedAutomaton,
} from './serialize-automaton.ts';
import { deserializePatternTable, type SerializedPatternTable } from './serialize-pattern-table.ts';

/**
 * The compiled name list, as the background keeps it in storage.local for the content scripts.
 *
 * The content script runs in every frame of every page, and Chromium compiles it from source each
 * time. Carried inside it, the bundled pattern table and automaton (180 KB of string literals)
 * doubled that compile (median 29 ms against 13 ms per page on this machine, traced in headless
 * Chromium 156). So the background (background/publish-matcher.ts) compiles the bundled store and
 * any imported packs once, stores the result as one JSON string here, and the content script reads
 * it with its settings: one native JSON.parse per page, no compiling code in the content script.
 */
export const MATCHER_KEY = 'matcher';

declare global {
  /** Set by vite's `define` (vite.config.ts): changes with the bundled store and this format. */
  const __CC_MATCHER_VERSION__: string | undefined;
}

/** The version this build writes and accepts; a stored list from another build is rebuilt. */
export const MATCHER_VERSION = typeof __CC_MATCHER_VERSION__ === 'string' ? __CC_MATCHER_VERSION__ : 'dev';

/** What a page needs to know of an entity before its card is asked for. */
export interface MatcherEntity {
  id: string;
  name: string;
  type: EntityType;
}

export interface StoredMatcher {
  version: string;
  /** In the pattern table's entity order (its records' entityIndex). */
  entities: MatcherEntity[];
  table: SerializedPatternTable;
  automaton: SerializedAutomaton;
  /** The native first look for aliases (prefilter.ts); without it, every page is scanned. */
  prefilter?: SerializedPrefilter;
}

export interface LoadedMatcher {
  entities: MatcherEntity[];
  matcher: Matcher;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEntity(value: unknown): value is MatcherEntity {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    (ENTITY_TYPES as readonly unknown[]).includes(value.type)
  );
}

/**
 * Cheap shape checks, in a cold engine on every page: the top-level fields and the list lengths.
 * The 546 records are not walked one by one (3-18 ms here); a damaged record is caught when a
 * scan meets it (see decodeStoredMatcher).
 */
function isStoredMatcher(value: unknown, version: string): value is StoredMatcher {
  if (!isRecord(value) || value.version !== version) return false;
  const { entities, table, automaton } = value;
  if (!Array.isArray(entities) || !entities.every(isEntity)) return false;
  if (!isRecord(table) || !isRecord(automaton) || typeof automaton.data !== 'string') return false;
  const count = automaton.patternCount;
  const lists = [table.patterns, table.checkStart, table.checkEnd, table.requiredFirstUnit, table.recordsOf];
  return (
    typeof count === 'number' &&
    lists.every((list) => Array.isArray(list) && list.length === count) &&
    Array.isArray(table.records)
  );
}

/** A matcher that reports a damaged list once and finds nothing, rather than throwing into the page's tasks. */
function guard(build: () => Matcher, onDamaged: () => void, prefilter: Prefilter | undefined): Matcher {
  let reported = false;
  let built: Matcher | undefined;
  let broken: unknown;
  /** Built on first use (see decodeStoredMatcher); a build that threw throws again at once. */
  const matcher = (): Matcher => {
    if (broken !== undefined) throw broken;
    if (built) return built;
    try {
      built = build();
      return built;
    } catch (error) {
      broken = error ?? new Error('The stored name list is damaged.');
      throw broken;
    }
  };
  return {
    mayHaveMention(text) {
      try {
        return prefilter?.mayHaveMention(text) ?? true;
      } catch {
        return true;
      }
    },
    mayHaveAlias(text) {
      try {
        return prefilter?.mayHaveAlias(text) ?? true;
      } catch {
        return true;
      }
    },
    scanText(text) {
      try {
        return matcher().scanText(text);
      } catch {
        if (!reported) {
          reported = true;
          onDamaged();
        }
        return { mentions: [], confirmedIds: [] };
      }
    },
    canJoin(before, after, spaced) {
      try {
        return matcher().canJoin?.(before, after, spaced) ?? true;
      } catch {
        return true;
      }
    },
    findCandidates(text, onCandidate) {
      try {
        matcher().findCandidates?.(text, onCandidate);
      } catch {
        // The same damage makes every block's scan throw and report it; here the region is
        // simply walked, as if it had candidates.
        onCandidate(0, text.length);
      }
    },
  };
}

/**
 * The matcher in a stored value (or a background answer), or undefined when there is none, it is
 * from another build, or it is damaged: the caller then asks the background to build it again.
 * Damage the shape checks cannot see (in a record, or inside the automaton's data, which is
 * decoded on first use) makes a scan throw; the matcher then calls `onDamaged` (once) and finds
 * nothing. Never throws.
 */
export function decodeStoredMatcher(
  raw: unknown,
  version = MATCHER_VERSION,
  onDamaged: () => void = () => undefined,
): LoadedMatcher | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (!isStoredMatcher(value, version)) return undefined;
    const table = deserializePatternTable(value.table);
    const { recordsOf, records } = table;
    // Plain loops: a callback per pattern costs more in the cold engine every page starts with.
    for (let pattern = 0; pattern < recordsOf.length; pattern++) {
      const list = recordsOf[pattern];
      if (!Array.isArray(list)) return undefined;
      for (let at = 0; at < list.length; at++) {
        const index = list[at] as number;
        if (!(index >= 0 && index < records.length)) return undefined;
      }
    }
    if (!hasExpectedDataLength(value.automaton)) return undefined;
    // Decoded on the first scan, not here: a page the prefilter finds naming no one never needs
    // it (its base64 decode was 1-5 ms of every such page's start, bench build, Chromium 156).
    const build = () => createMatcher(value.entities, table, deserializeAutomaton(value.automaton));
    return { entities: value.entities, matcher: guard(build, onDamaged, createPrefilter(value.prefilter)) };
  } catch {
    return undefined;
  }
}
