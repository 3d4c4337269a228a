import { describe, expect, it } from 'vitest';
import {
  classifyChar,
  classifyCodeUnit,
  encodeFoldSeed,
  FOLDED_UNIT_TABLE,
  KIND_EXPAND,
  KIND_SINGLE,
  readFoldSeed,
  SEEDED_RANGES,
} from '../../../src/matcher/fold-code-unit.ts';

describe('fold-code-unit', () => {
  it('fills ASCII up front exactly as the full classification would', () => {
    const wrong: string[] = [];
    for (let unit = 0; unit < 0x80; unit++) {
      const { kind, folded } = classifyChar(String.fromCharCode(unit));
      const kindNow = classifyCodeUnit(unit);
      const foldedNow = kindNow === KIND_SINGLE ? String.fromCharCode(FOLDED_UNIT_TABLE[unit] ?? 0) : ' ';
      if (kindNow !== kind || (kind === KIND_SINGLE && foldedNow !== folded)) wrong.push(unit.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(String.fromCharCode(FOLDED_UNIT_TABLE[0x4b] ?? 0)).toBe('k');
    expect(String.fromCharCode(FOLDED_UNIT_TABLE[0x60] ?? 0)).toBe("'");
  });

  it('still folds what lies beyond ASCII on first use', () => {
    expect(classifyChar('É')).toEqual({ kind: KIND_SINGLE, folded: 'e' });
    expect(classifyChar('ß')).toEqual({ kind: 5, folded: 'ss' });
    expect(classifyChar('\u2019')).toEqual({ kind: KIND_SINGLE, folded: "'" });
    expect(classifyChar('\u00a0')).toEqual({ kind: 4, folded: ' ' });
  });

  it('answers for the common non-ASCII characters from the seed the build makes, as on first sight', () => {
    const seed = encodeFoldSeed();
    const wrong: string[] = [];
    for (const [from, to] of SEEDED_RANGES) {
      for (let unit = from; unit < to; unit++) {
        const want = classifyChar(String.fromCharCode(unit));
        const got = readFoldSeed(seed, unit);
        if (got?.kind !== want.kind || got.folded !== want.folded)
          wrong.push(`${unit.toString(16)}: ${JSON.stringify(got)}, not ${JSON.stringify(want)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(readFoldSeed(seed, 0xef)).toEqual({ kind: KIND_SINGLE, folded: 'i' }); // "Sergueï"
    expect(readFoldSeed(seed, 0x2026)).toEqual({ kind: KIND_EXPAND, folded: '...' });
    expect(readFoldSeed(seed, 0xdf)).toEqual({ kind: KIND_EXPAND, folded: 'ss' });
    expect(readFoldSeed(seed, 0x4e2d)).toBeUndefined(); // outside the ranges: classified on first sight
    expect(readFoldSeed(seed, 0x41)).toBeUndefined(); // ASCII is filled up front
  });

  it('answers nothing from a seed that is cut short or lacks an expansion, so the character is classified', () => {
    const seed = encodeFoldSeed();
    const units = SEEDED_RANGES.reduce((sum, [from, to]) => sum + to - from, 0);
    expect(readFoldSeed(seed.slice(0, 2 * units - 2), 0xe9)).toBeUndefined();
    expect(readFoldSeed('', 0x2019)).toBeUndefined();
    expect(readFoldSeed(seed.slice(0, 2 * units), 0x2026)).toBeUndefined();
    expect(readFoldSeed(seed.slice(0, 2 * units), 0xe9)).toEqual({ kind: KIND_SINGLE, folded: 'e' });
  });
});
