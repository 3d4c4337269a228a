import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIgnorableCodeUnit, normalizeText } from '../../../src/matcher/normalize-text.ts';

describe('normalize-text', () => {
  describe('normalizeText', () => {
    it('folds case, including Cyrillic, Greek and German sharp s', () => {
      expect(normalizeText('Putin ПУТИН ΣΟΦΊΑ Straße').normalized).toBe('putin путин σοφια strasse');
    });

    it('removes diacritics from composed and decomposed letters alike', () => {
      expect(normalizeText('Sergue\u00ef').normalized).toBe('serguei');
      expect(normalizeText('Sergue\u0069\u0308').normalized).toBe('serguei');
      expect(normalizeText('Ёлка Oʻzbekiston').normalized).toBe("елка o'zbekiston");
    });

    it('folds compatibility forms (NFKC): ligatures, full-width and mathematical letters', () => {
      expect(normalizeText('\ufb01nal ＰＵＴＩＮ 𝐏𝐮𝐭𝐢𝐧').normalized).toBe('final putin putin');
    });

    it('drops soft hyphens, zero-width characters, bidi marks and tatweel', () => {
      expect(normalizeText('Vladi\u00admir Pu\u200bt\u200ci\u200dn\u2060\ufeff').normalized).toBe(
        'vladimir putin',
      );
      expect(normalizeText('\u200fکابل\u200e').normalized).toBe('کابل');
      expect(normalizeText('طالـــبان').normalized).toBe('طالبان');
    });

    it('collapses any whitespace run, including no-break and line breaks, to one space', () => {
      expect(normalizeText('a \u00a0\n\t b\u2003\u3000c').normalized).toBe('a b c');
      expect(normalizeText('a \u00ad b').normalized).toBe('a b');
    });

    it('unifies apostrophes and dashes', () => {
      expect(normalizeText('Putin’s ‘x’ ISIS‑K ISIS–K').normalized).toBe("putin's 'x' isis-k isis-k");
    });

    it('unifies Arabic and Persian letter variants', () => {
      expect(normalizeText('كابل علي').normalized).toBe('کابل علی');
    });

    it('maps every folded unit back to the original character that produced it', () => {
      const text = 'İa\u00adß\u00a0 \u00a0b𝐏';
      const { normalized, toOriginal } = normalizeText(text);
      expect(normalized).toBe('iass bp');
      expect([...toOriginal]).toEqual([0, 1, 3, 3, 4, 7, 8, 10]);
    });

    it('keeps the map monotonic, in range and one entry longer than the folded text', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
          const { normalized, toOriginal } = normalizeText(text);
          expect(toOriginal.length).toBe(normalized.length + 1);
          expect(toOriginal[normalized.length]).toBe(text.length);
          for (let i = 1; i < toOriginal.length; i++) {
            expect(toOriginal[i]).toBeGreaterThanOrEqual(toOriginal[i - 1] as number);
          }
          for (let i = 0; i < normalized.length; i++) expect(toOriginal[i]).toBeLessThan(text.length);
        }),
      );
    });

    it('folds to a fixed point: capital sharp s, Arabic presentation forms', () => {
      expect(normalizeText('ẞ').normalized).toBe('ss');
      expect(normalizeText('\ufcf2\ufe7d').normalized).toBe('');
    });

    it('is idempotent on folded text', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
          const once = normalizeText(text).normalized;
          expect(normalizeText(once).normalized).toBe(once);
        }),
      );
    });
  });

  describe('isIgnorableCodeUnit', () => {
    it('is true for invisible characters and false for letters, marks and spaces', () => {
      expect([0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff].every(isIgnorableCodeUnit)).toBe(true);
      expect([0x41, 0x301, 0x20, 0xa0].some(isIgnorableCodeUnit)).toBe(false);
    });
  });
});
