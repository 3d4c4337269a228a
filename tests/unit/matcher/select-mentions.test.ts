import { describe, expect, it } from 'vitest';
import type { AliasRecord } from '../../../src/matcher/compile-patterns.ts';
import { type Candidate, selectMentions } from '../../../src/matcher/select-mentions.ts';

function makeCandidate(
  start: number,
  end: number,
  strength: 'strong' | 'weak' = 'strong',
  order = 0,
): Candidate {
  const record: AliasRecord = {
    kind: 'alias',
    entityIndex: order,
    entityId: `e${order}`,
    aliasText: `${start}-${end}`,
    strength,
    caseSensitive: false,
    strictForm: undefined,
    foldDiacritics: true,
    capsSensitive: false,
    order,
  };
  return { start, end, record };
}

const spans = (candidates: Candidate[]) => candidates.map((c) => [c.start, c.end, c.record.order]);

describe('select-mentions', () => {
  describe('selectMentions', () => {
    it('keeps the longest of overlapping candidates, then the leftmost, sorted by start', () => {
      expect(
        spans(selectMentions([makeCandidate(10, 16), makeCandidate(0, 5), makeCandidate(3, 16)])),
      ).toEqual([[3, 16, 0]]);
      expect(spans(selectMentions([makeCandidate(4, 8), makeCandidate(0, 4), makeCandidate(2, 6)]))).toEqual([
        [0, 4, 0],
        [4, 8, 0],
      ]);
    });

    it('prefers a strong candidate to a weak one of the same length, then store order', () => {
      expect(
        spans(selectMentions([makeCandidate(0, 5, 'weak', 0), makeCandidate(0, 5, 'strong', 1)])),
      ).toEqual([[0, 5, 1]]);
      expect(
        spans(selectMentions([makeCandidate(0, 5, 'strong', 2), makeCandidate(0, 5, 'strong', 1)])),
      ).toEqual([[0, 5, 1]]);
    });

    it('returns no overlaps for any input', () => {
      const candidates = Array.from({ length: 200 }, (_, i) =>
        makeCandidate((i * 7) % 97, ((i * 7) % 97) + 1 + (i % 9)),
      );
      const chosen = selectMentions(candidates);
      for (let i = 1; i < chosen.length; i++) {
        expect(chosen[i]?.start).toBeGreaterThanOrEqual(chosen[i - 1]?.end as number);
      }
    });
  });
});
