import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../src/matcher/compile-matcher.ts';
import { compilePatterns } from '../../../src/matcher/compile-patterns.ts';
import {
  deserializePatternTable,
  serializePatternTable,
} from '../../../src/matcher/serialize-pattern-table.ts';
import { loadBundledStore } from '../../../src/store/load-store.ts';

const { entities } = loadBundledStore();

describe('serialize-pattern-table', () => {
  describe('deserializePatternTable', () => {
    it('gives back the table the build folded, through JSON', () => {
      const table = compilePatterns(entities);
      const shipped = JSON.parse(JSON.stringify(serializePatternTable(table)));
      const loaded = deserializePatternTable(shipped);
      expect(loaded.patterns).toEqual(table.patterns);
      expect(loaded.checkStart).toEqual(table.checkStart);
      expect(loaded.checkEnd).toEqual(table.checkEnd);
      expect(loaded.requiredFirstUnit).toEqual(table.requiredFirstUnit);
      expect(loaded.recordsOf).toEqual(table.recordsOf);
      expect(loaded.records).toEqual(table.records);
    });

    it('makes a matcher that finds exactly what a matcher compiled on the page finds', () => {
      const text = [
        'Sergey Lavrov met Zamir Kabulov in Moscow; THIS IS A HEADLINE about the IS group.',
        'The International Energy Agency (IEA) said the IEA expects more; Pakistani Taliban fighters.',
        'Путина и Лаврова обсуждали в Кабуле; طالبان در کابل; Sergueï Lavrov, Vladi\u00admir Putin’s remarks.',
      ].join('\n');
      const shipped = deserializePatternTable(
        JSON.parse(JSON.stringify(serializePatternTable(compilePatterns(entities)))),
      );
      expect(compileMatcher(entities, shipped).scanText(text)).toEqual(
        compileMatcher(entities).scanText(text),
      );
      expect(compileMatcher(entities, shipped).scanText(text).mentions.length).toBeGreaterThan(5);
    });
  });
});
