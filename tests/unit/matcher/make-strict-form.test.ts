import { describe, expect, it } from 'vitest';
import { makeStrictForm } from '../../../src/matcher/make-strict-form.ts';

describe('make-strict-form', () => {
  describe('makeStrictForm', () => {
    it('keeps case and diacritics when asked, and folds spacing, ignorables and apostrophes', () => {
      expect(makeStrictForm('Islamic\u00a0\n State', false, true)).toBe('Islamic State');
      expect(makeStrictForm('Se\u0301ve\u00adrine’s', false, false)).toBe("Séverine's");
      expect(makeStrictForm('Séverine', false, true)).toBe('Severine');
      expect(makeStrictForm('SÉVERINE', true, false)).toBe('séverine');
    });
  });
});
