import { describe, expect, it } from 'vitest';
import { isInCapsRun } from '../../../src/matcher/is-in-caps-run.ts';

function check(text: string, word: string): boolean {
  const start = text.indexOf(word);
  return isInCapsRun(text, start, start + word.length);
}

describe('is-in-caps-run', () => {
  describe('isInCapsRun', () => {
    it('is true among ALL-CAPS words, looking past one-letter words', () => {
      expect(check('THIS IS A HEADLINE', 'IS')).toBe(true);
      expect(check('UN DAY IS HERE', 'UN')).toBe(true);
      expect(check('WHY IS A TEST', 'IS')).toBe(true);
      expect(check('UN-BACKED', 'UN')).toBe(true);
      expect(check('ОБЗОР ООН', 'ООН')).toBe(true);
    });

    it('is false in ordinary text, and when brackets or punctuation separate the words', () => {
      expect(check('Fighters of IS attacked', 'IS')).toBe(false);
      expect(check('MOSCOW (AP) — Russia', 'AP')).toBe(false);
      expect(check('The US, UN and EU', 'UN')).toBe(false);
      expect(check('UN', 'UN')).toBe(false);
      expect(check('a UN-backed plan', 'UN')).toBe(false);
      expect(check('I think IS is weak', 'IS')).toBe(false);
    });
  });
});
