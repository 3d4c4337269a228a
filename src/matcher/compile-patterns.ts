import { isWordCodeUnit } from './is-word-unit-at.ts';
import { makeStrictForm } from './make-strict-form.ts';
import type { MatchableEntity } from './matcher-types.ts';
import {
  createNormalizeBuffer,
  decodeUnits,
  type NormalizeBuffer,
  normalizeIntoBuffer,
} from './normalize-text.ts';

/** An alias of an entity: a candidate mention. */
export interface AliasRecord {
  kind: 'alias';
  entityIndex: number;
  entityId: string;
  aliasText: string;
  strength: 'strong' | 'weak';
  caseSensitive: boolean;
  /** Set when the folded match must be re-checked for case or diacritics. */
  strictForm: string | undefined;
  foldDiacritics: boolean;
  /** An ALL-CAPS case-sensitive alias ("IS", "UN"): skipped inside ALL-CAPS runs of words. */
  capsSensitive: boolean;
  /** Position in the store, the last tie-breaker between aliases on the same span. */
  order: number;
}

/** A context word: only confirms its entity, never a mention. */
export interface ContextRecord {
  kind: 'context';
  entityIndex: number;
}

/**
 * An exclusion phrase of one alias. `blockWide` when the phrase does not contain the alias
 * (an expansion such as "International Energy Agency" for "IEA", "Andhra Pradesh" for "AP"):
 * its presence anywhere in the block cancels every match of that alias in the block, which
 * covers "International Energy Agency (IEA) … the IEA said". Otherwise ("Pakistani
 * Taliban" for "Taliban") it cancels only the matches it covers.
 */
export interface ExcludeRecord {
  kind: 'exclude';
  target: number;
  blockWide: boolean;
}

export type PatternRecord = AliasRecord | ContextRecord | ExcludeRecord;

/** Distinct folded patterns for one automaton, and what each of them means. */
export interface PatternTable {
  patterns: string[];
  /** 1 when the pattern starts (ends) with a word character, so it needs a word boundary there. */
  checkStart: Uint8Array;
  checkEnd: Uint8Array;
  /**
   * The code unit the page text must have at the start of a hit, or -1: set when every
   * record of the pattern is a case-sensitive alias starting with the same ASCII character.
   * Lets the scan drop the many "is" hits of "IS" before any other work.
   */
  requiredFirstUnit: Int32Array;
  recordsOf: number[][];
  records: PatternRecord[];
}

function foldWith(buffer: NormalizeBuffer, text: string): string {
  const length = normalizeIntoBuffer(text, buffer);
  return decodeUnits(buffer.units, length).trim();
}

/** True when `word` occurs in `phrase` as a whole word (both already folded). */
function containsWholeWord(phrase: string, word: string): boolean {
  for (let at = phrase.indexOf(word); at >= 0; at = phrase.indexOf(word, at + 1)) {
    const before = at > 0 ? phrase.charCodeAt(at - 1) : 0x20;
    const after = at + word.length < phrase.length ? phrase.charCodeAt(at + word.length) : 0x20;
    if (!isWordCodeUnit(before) && !isWordCodeUnit(after)) return true;
  }
  return false;
}

function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** Fold every alias, context word and exclusion phrase of the store into one pattern table. */
export function compilePatterns(entities: readonly MatchableEntity[]): PatternTable {
  const buffer = createNormalizeBuffer(256);
  const patterns: string[] = [];
  const recordsOf: number[][] = [];
  const records: PatternRecord[] = [];
  const patternIndex = new Map<string, number>();
  const seen = new Set<string>();

  const addRecord = (folded: string, record: PatternRecord, key: string): number => {
    if (folded === '' || seen.has(key)) return -1;
    seen.add(key);
    let index = patternIndex.get(folded);
    if (index === undefined) {
      index = patterns.length;
      patternIndex.set(folded, index);
      patterns.push(folded);
      recordsOf.push([]);
    }
    records.push(record);
    (recordsOf[index] as number[]).push(records.length - 1);
    return records.length - 1;
  };

  entities.forEach((entity, entityIndex) => {
    // Strong aliases first, so a weak duplicate of a strong alias is dropped as seen.
    const aliases = [...entity.aliases].sort((a, b) =>
      a.strength === b.strength ? 0 : a.strength === 'strong' ? -1 : 1,
    );
    for (const alias of aliases) {
      const folded = foldWith(buffer, alias.text);
      const caseSensitive = alias.caseSensitive === true;
      const foldDiacritics = alias.foldDiacritics !== false;
      const needsCheck = caseSensitive || !foldDiacritics;
      const strictForm = needsCheck ? makeStrictForm(alias.text, !caseSensitive, foldDiacritics) : undefined;
      const target = addRecord(
        folded,
        {
          kind: 'alias',
          entityIndex,
          entityId: entity.id,
          aliasText: alias.text,
          strength: alias.strength,
          caseSensitive,
          strictForm,
          foldDiacritics,
          capsSensitive: caseSensitive && isAllCaps(alias.text),
          order: records.length,
        },
        `a\u0000${entityIndex}\u0000${folded}\u0000${strictForm ?? ''}`,
      );
      if (target < 0) continue;
      for (const phrase of alias.exclude ?? []) {
        const foldedPhrase = foldWith(buffer, phrase);
        const blockWide = !containsWholeWord(foldedPhrase, folded);
        addRecord(
          foldedPhrase,
          { kind: 'exclude', target, blockWide },
          `x\u0000${target}\u0000${foldedPhrase}`,
        );
      }
    }
    for (const word of entity.contextWords ?? []) {
      const folded = foldWith(buffer, word);
      addRecord(folded, { kind: 'context', entityIndex }, `c\u0000${entityIndex}\u0000${folded}`);
    }
  });

  const checkStart = new Uint8Array(patterns.length);
  const checkEnd = new Uint8Array(patterns.length);
  const requiredFirstUnit = new Int32Array(patterns.length).fill(-1);
  patterns.forEach((pattern, index) => {
    checkStart[index] = isWordCodeUnit(pattern.charCodeAt(0)) ? 1 : 0;
    checkEnd[index] = isWordCodeUnit(pattern.charCodeAt(pattern.length - 1)) ? 1 : 0;
    const firstUnits = new Set(
      (recordsOf[index] as number[]).map((r) => {
        const record = records[r];
        return record?.kind === 'alias' && record.caseSensitive ? record.aliasText.charCodeAt(0) : -1;
      }),
    );
    const [only] = firstUnits;
    if (firstUnits.size === 1 && only !== undefined && only < 0x80) requiredFirstUnit[index] = only;
  });
  return { patterns, checkStart, checkEnd, requiredFirstUnit, recordsOf, records };
}
