import { describe, expect, it } from 'vitest';
import { toStrictForm } from '../../../src/matcher/to-strict-form.ts';

describe('to-strict-form', () => {
  describe('toStrictForm', () => {
    it('keeps case and diacritics when asked, and folds spacing, ignorables and apostrophes', () => {
      expect(toStrictForm('Islamic\u00a0\n State', false, true)).toBe('Islamic State');
      expect(toStrictForm('Se\u0301ve\u00adrine’s', false, false)).toBe("Séverine's");
      expect(toStrictForm('Séverine', false, true)).toBe('Severine');
      expect(toStrictForm('SÉVERINE', true, false)).toBe('séverine');
    });
  });
});
