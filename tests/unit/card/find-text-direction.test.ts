import { describe, expect, it } from 'vitest';
import { findTextDirection } from '../../../src/card/find-text-direction.ts';

describe('find-text-direction', () => {
  describe('findTextDirection', () => {
    it.each(['fa', 'ps', 'ar-EG', 'ur', 'he', 'yi', 'ckb', 'dv', 'az-Arab', 'pa-Arab'])(
      'reads %s right to left',
      (tag) => {
        expect(findTextDirection(tag)).toBe('rtl');
      },
    );

    it.each(['en', 'ru', 'uz', 'tg', 'az', 'pa', 'ku', 'uz-Cyrl', 'pt-BR'])(
      'reads %s left to right',
      (tag) => {
        expect(findTextDirection(tag)).toBe('ltr');
      },
    );

    it('has no answer for no tag or one that is not a language tag', () => {
      expect(findTextDirection(undefined)).toBeUndefined();
      expect(findTextDirection('')).toBeUndefined();
      expect(findTextDirection('not a tag!')).toBeUndefined();
    });
  });
});
