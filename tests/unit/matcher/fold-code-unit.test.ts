import { describe, expect, it } from 'vitest';
import {
  classifyChar,
  classifyCodeUnit,
  FOLDED_UNIT_TABLE,
  KIND_SINGLE,
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
});
