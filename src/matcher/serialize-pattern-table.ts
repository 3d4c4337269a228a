import type { PatternRecord, PatternTable } from './compile-patterns.ts';

/** A PatternTable as JSON: typed arrays as plain arrays. */
export interface SerializedPatternTable {
  patterns: string[];
  checkStart: number[];
  checkEnd: number[];
  requiredFirstUnit: number[];
  recordsOf: number[][];
  records: PatternRecord[];
}

/**
 * Folding every alias is most of a compile, and on a page it runs in a cold JavaScript engine
 * (about 100 ms on a loaded machine). The build folds the bundled store's aliases once and
 * ships the table; the content script only builds the automaton from it.
 */
export function serializePatternTable(table: PatternTable): SerializedPatternTable {
  return {
    patterns: table.patterns,
    checkStart: Array.from(table.checkStart),
    checkEnd: Array.from(table.checkEnd),
    requiredFirstUnit: Array.from(table.requiredFirstUnit),
    recordsOf: table.recordsOf,
    records: table.records,
  };
}

export function deserializePatternTable(serialized: SerializedPatternTable): PatternTable {
  return {
    patterns: serialized.patterns,
    checkStart: Uint8Array.from(serialized.checkStart),
    checkEnd: Uint8Array.from(serialized.checkEnd),
    requiredFirstUnit: Int32Array.from(serialized.requiredFirstUnit),
    recordsOf: serialized.recordsOf,
    // As parsed: JSON drops an undefined strictForm, and an absent one reads as undefined.
    // (Copying 546 records here was 1-7 ms of every page's start, in a cold engine.)
    records: serialized.records,
  };
}
