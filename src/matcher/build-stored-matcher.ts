import type { PackIndexEntry } from '../store/pack-storage.ts';
import { buildAutomaton } from './build-automaton.ts';
import { compilePatterns } from './compile-patterns.ts';
import { buildPrefilter, findUnsafeUnits } from './prefilter.ts';
import { type SerializedAutomaton, serializeAutomaton } from './serialize-automaton.ts';
import { type SerializedPatternTable, serializePatternTable } from './serialize-pattern-table.ts';
import type { StoredMatcher } from './stored-matcher.ts';

export interface StoredMatcherInput {
  version: string;
  /** The bundled store's matching slice (virtual:alias-index). */
  bundled: readonly PackIndexEntry[];
  /** The bundled store's table and automaton, made at build time (virtual:pattern-table). */
  prebuilt: { table: SerializedPatternTable; automaton: SerializedAutomaton };
  /** The imported packs' matching slice (toPackIndex), in import order. */
  packs: readonly PackIndexEntry[];
}

/**
 * The stored name list (see stored-matcher.ts) as the JSON string the background writes. Without
 * packs it is the build's own table and automaton; with packs, the bundled entities and the packs'
 * (first owner of an id wins, as everywhere) are compiled together into one automaton, so a page
 * still scans its text once. Throws when an automaton cannot be serialized (see serializeAutomaton).
 */
export function buildStoredMatcher({ version, bundled, prebuilt, packs }: StoredMatcherInput): string {
  const entities = new Map<string, PackIndexEntry>();
  for (const entity of [...bundled, ...packs]) if (!entities.has(entity.id)) entities.set(entity.id, entity);
  const matchable = [...entities.values()];
  // Every pack entity's id already taken: the build's own table is the whole list.
  const { table, automaton } = matchable.length === bundled.length ? prebuilt : compile(matchable);
  const stored: StoredMatcher = {
    version,
    entities: matchable.map(({ id, name, type }) => ({ id, name, type })),
    table,
    automaton,
    prefilter: buildPrefilter(table.patterns, table.recordsOf, table.records, unsafeUnits()),
  };
  return JSON.stringify(stored);
}

let unsafe: string | undefined;
/** findUnsafeUnits reads the engine's own Unicode tables (0.3 s here): once per background start. */
function unsafeUnits(): string {
  unsafe ??= findUnsafeUnits();
  return unsafe;
}

function compile(entities: readonly PackIndexEntry[]): StoredMatcherInput['prebuilt'] {
  const table = compilePatterns(entities);
  return {
    table: serializePatternTable(table),
    automaton: serializeAutomaton(buildAutomaton(table.patterns)),
  };
}
