import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../src/matcher/compile-matcher.ts';
import { resolveWeakMentions } from '../../../src/matcher/resolve-weak-mentions.ts';

const mention = (entityId: string, strength: 'strong' | 'weak', start: number): Mention => ({
  start,
  end: start + 5,
  entityId,
  alias: entityId,
  strength,
});

describe('resolve-weak-mentions', () => {
  describe('resolveWeakMentions', () => {
    const mentions = [
      mention('lavrov', 'weak', 0),
      mention('putin', 'strong', 10),
      mention('balkhi', 'weak', 20),
    ];

    it('keeps strong mentions and drops weak ones whose entity nothing on the page confirms', () => {
      expect(resolveWeakMentions(mentions, new Set())).toEqual([mentions[1]]);
    });

    it('keeps weak mentions of entities confirmed anywhere on the page, in order', () => {
      expect(resolveWeakMentions(mentions, new Set(['lavrov', 'balkhi']))).toEqual(mentions);
    });

    it('does not change its input', () => {
      const copy = structuredClone(mentions);
      resolveWeakMentions(mentions, new Set(['lavrov']));
      expect(mentions).toEqual(copy);
    });
  });
});
