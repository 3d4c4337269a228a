import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildAutomaton } from '../src/matcher/build-automaton.ts';
import { compilePatterns } from '../src/matcher/compile-patterns.ts';
import { serializeAutomaton } from '../src/matcher/serialize-automaton.ts';
import { serializePatternTable } from '../src/matcher/serialize-pattern-table.ts';
import type { Store } from '../src/store/types.ts';

/**
 * The content script runs on every page, so it carries only what matching
 * needs (ids, names, types, aliases, context words) and asks the background
 * for a card's full text when one opens. This cuts that slice out of the
 * bundled store before each build; the build imports it as `virtual:alias-index`.
 */
export function writeAliasIndex(storePath: string, outPath: string): string {
  const store = JSON.parse(readFileSync(storePath, 'utf8')) as Store;
  const index = store.entities.map(({ id, name, type, aliases, contextWords }) => ({
    id,
    name,
    type,
    aliases,
    ...(contextWords ? { contextWords } : {}),
  }));
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, JSON.stringify(index));
  return outPath;
}

/**
 * The bundled store's folded pattern table and its finished automaton (`virtual:pattern-table`),
 * so a page without packs neither folds an alias nor builds a state.
 */
export function writePatternTable(storePath: string, outPath: string): string {
  const store = JSON.parse(readFileSync(storePath, 'utf8')) as Store;
  const table = compilePatterns(store.entities);
  const shipped = {
    table: serializePatternTable(table),
    automaton: serializeAutomaton(buildAutomaton(table.patterns)),
  };
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, JSON.stringify(shipped));
  return outPath;
}
