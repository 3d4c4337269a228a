import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Automaton, buildAutomaton } from '../../../src/matcher/build-automaton.ts';
import { compileMatcher, createMatcher } from '../../../src/matcher/compile-matcher.ts';
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
    // The seam table does not ship for an automaton of many classes (the page builds it).
    if (key === 'seams' && got === undefined && expected.stride > 256) continue;
    if (typeof want === 'number' || want === null || want === undefined) expect(got, key).toBe(want);
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

  it('ships the seam table of the bundled store, so a page judges its first line break without building one', () => {
    const built = buildAutomaton(compilePatterns(entities).patterns);
    const serialized = throughJson(serializeAutomaton(built));
    expect(typeof serialized.seams).toBe('string');
    expect(serialized.seams?.length).toBeLessThan(4_000);
    expect(deserializeAutomaton(serialized).seams).toBeInstanceOf(Uint8Array);
  });

  it('leaves the seam table out for an automaton of many classes, and its matcher judges seams all the same', () => {
    // 300 distinct CJK characters in pairs: 301 classes, a table of 22 KB if it shipped.
    const units = Array.from({ length: 300 }, (_, index) => String.fromCharCode(0x4e00 + index));
    const patterns = units.map((unit, index) => `${unit}${units[(index * 7 + 3) % units.length]}`);
    patterns.push('ab c');
    const built = buildAutomaton(patterns);
    const serialized = throughJson(serializeAutomaton(built));
    expect(serialized.seams).toBeUndefined();
    const shipped = deserializeAutomaton(serialized);
    expect(shipped.seams).toBeUndefined();
    // Seams are judged by the automaton alone; the (empty) table plays no part in them.
    const onPage = createMatcher([], compilePatterns([]), shipped);
    const reference = createMatcher([], compilePatterns([]), built);
    for (const [before, after, spaced] of [
      [units[0], units[3], false],
      [units[3], units[0], false],
      ['b', 'c', true],
      ['b', 'c', false],
      ['a', 'b', false],
    ] as [string, string, boolean][]) {
      expect(onPage.canJoin?.(before, after, spaced), `${before}|${after}|${spaced}`).toBe(
        reference.canJoin?.(before, after, spaced),
      );
    }
    expect(onPage.canJoin?.(units[0] as string, units[3] as string)).toBe(true);
    expect(onPage.canJoin?.('b', 'c')).toBe(false);
  });

  it('refuses a damaged seam table instead of judging seams by it', () => {
    const serialized = throughJson(serializeAutomaton(buildAutomaton(['ab', 'c d'])));
    expect(() => deserializeAutomaton({ ...serialized, seams: 'AAAA' })).toThrow(/seam table/);
    expect(deserializeAutomaton({ ...serialized, seams: null }).seams).toBeNull();
  });

  it('refuses an entry no format can hold instead of shipping a broken automaton', () => {
    const built = buildAutomaton(['ab']);
    const broken = { ...built, fail: Int32Array.from([0, -7, 0]) };
    expect(() => serializeAutomaton(broken)).toThrow(/fail\[1\] = -7/);
  });
});
