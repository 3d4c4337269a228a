import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Automaton, buildAutomaton } from '../../../src/matcher/build-automaton.ts';
import { compileMatcher } from '../../../src/matcher/compile-matcher.ts';
import { compilePatterns } from '../../../src/matcher/compile-patterns.ts';
import { deserializeAutomaton, serializeAutomaton } from '../../../src/matcher/serialize-automaton.ts';
import { loadBundledStore } from '../../../src/store/load-store.ts';

const { entities } = loadBundledStore();
const throughJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Field by field; typed arrays compared as bytes (toEqual on a 65,536-entry array is slow). */
function expectSameAutomaton(actual: Automaton, expected: Automaton): void {
  for (const key of Object.keys(expected) as (keyof Automaton)[]) {
    const want = expected[key];
    const got = actual[key];
    if (typeof want === 'number') expect(got, key).toBe(want);
    else {
      expect(got?.constructor, key).toBe(want.constructor);
      const bytes = (array: typeof want) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);
      expect(bytes(got as typeof want).equals(bytes(want)), key).toBe(true);
    }
  }
}

describe('serialize-automaton', () => {
  it('gives back, through JSON, the automaton of the bundled store that the build made', () => {
    const built = buildAutomaton(compilePatterns(entities).patterns);
    expectSameAutomaton(deserializeAutomaton(throughJson(serializeAutomaton(built))), built);
  });

  it('gives back any automaton, whatever code units its patterns hold (surrogates included)', () => {
    const patterns = fc.uniqueArray(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), {
      minLength: 1,
      maxLength: 40,
    });
    fc.assert(
      fc.property(patterns, (list) => {
        const built = buildAutomaton(list, 256);
        expectSameAutomaton(deserializeAutomaton(throughJson(serializeAutomaton(built))), built);
      }),
      { numRuns: 200 },
    );
  });

  it('makes a matcher that finds exactly what a matcher built on the page finds', () => {
    const text = [
      'Sergey Lavrov met Zamir Kabulov in Moscow; THIS IS A HEADLINE about the IS group.',
      'Путина и Лаврова обсуждали в Кабуле; طالبان در کابل; Sergueï Lavrov, Vladi\u00admir Putin’s remarks.',
    ].join('\n');
    const table = compilePatterns(entities);
    const shipped = deserializeAutomaton(throughJson(serializeAutomaton(buildAutomaton(table.patterns))));
    const prebuilt = compileMatcher(entities, table, shipped).scanText(text);
    expect(prebuilt).toEqual(compileMatcher(entities).scanText(text));
    expect(prebuilt.mentions.map((mention) => mention.entityId)).toContain('sergey-lavrov');
  });

  it('keeps an automaton of more than 65,535 patterns (a large pack) whole, in 32-bit entries', () => {
    // 68,921 distinct patterns of 3 characters: more than 16-bit entries can number.
    const letters = 'abcdefghijklmnopqrstuvwxyz0123456789-_.,;';
    const patterns: string[] = [];
    for (const a of letters) for (const b of letters) for (const c of letters) patterns.push(`${a}${b}${c}`);
    const built = buildAutomaton(patterns);
    expect(built.patternLength.length).toBeGreaterThan(0xffff);
    const serialized = throughJson(serializeAutomaton(built));
    expect(serialized.wordBytes).toBe(4);
    expectSameAutomaton(deserializeAutomaton(serialized), built);
  });

  it('keeps the bundled store in 16-bit entries, so the build ships the smaller form', () => {
    const built = buildAutomaton(compilePatterns(entities).patterns);
    expect(serializeAutomaton(built).wordBytes).toBeUndefined();
  });

  it('refuses an entry no format can hold instead of shipping a broken automaton', () => {
    const built = buildAutomaton(['ab']);
    const broken = { ...built, fail: Int32Array.from([0, -7, 0]) };
    expect(() => serializeAutomaton(broken)).toThrow(/fail\[1\] = -7/);
  });
});
