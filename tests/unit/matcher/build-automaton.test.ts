import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAutomaton } from '../../../src/matcher/build-automaton.ts';
import { scanAutomaton } from '../../../src/matcher/scan-automaton.ts';

/** Every occurrence of every pattern, as "pattern@end", found the slow way. */
function findNaively(patterns: readonly string[], text: string): string[] {
  const found: string[] = [];
  patterns.forEach((pattern, index) => {
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) {
      found.push(`${index}@${at + pattern.length}`);
    }
  });
  return found.sort();
}

function findWithAutomaton(patterns: readonly string[], text: string): string[] {
  const found: string[] = [];
  const units = Uint16Array.from(text, (c) => c.charCodeAt(0));
  scanAutomaton(buildAutomaton(patterns), units, units.length, (pattern, end) =>
    found.push(`${pattern}@${end}`),
  );
  return found.sort();
}

describe('build-automaton', () => {
  describe('buildAutomaton', () => {
    it('finds every occurrence, overlapping ones included', () => {
      const patterns = ['he', 'she', 'his', 'hers', 'usher'];
      expect(findWithAutomaton(patterns, 'ushers and his')).toEqual(findNaively(patterns, 'ushers and his'));
    });

    it('finds nothing with no patterns', () => {
      expect(findWithAutomaton([], 'anything')).toEqual([]);
    });

    it('agrees with a naive search on random patterns and texts', () => {
      const letter = fc.constantFrom('a', 'b', 'c', 'д', 'ک');
      const word = fc.array(letter, { minLength: 1, maxLength: 6 }).map((l) => l.join(''));
      fc.assert(
        fc.property(
          fc.uniqueArray(word, { maxLength: 12 }),
          fc.array(letter, { maxLength: 80 }),
          (patterns, text) => {
            expect(findWithAutomaton(patterns, text.join(''))).toEqual(findNaively(patterns, text.join('')));
          },
        ),
      );
    });

    it('keeps only the shallowest states dense when the store is large', () => {
      const patterns = Array.from(
        { length: 3000 },
        (_, i) => `p${i.toString(36)}q${(i * 7919).toString(36)}`,
      );
      const automaton = buildAutomaton(patterns);
      expect(automaton.denseCount).toBeLessThan(automaton.fail.length);
      expect(automaton.dense.length).toBeLessThanOrEqual(1 << 15);
      const text = patterns.slice(0, 50).join(' ');
      expect(findWithAutomaton(patterns, text)).toEqual(findNaively(patterns, text));
    });
  });
});
