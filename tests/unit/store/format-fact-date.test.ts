import { describe, expect, it } from 'vitest';
import { formatFactDate } from '../../../src/store/format-fact-date.ts';

describe('format-fact-date', () => {
  describe('formatFactDate', () => {
    it('writes full dates, months and years the way the card shows them', () => {
      expect(formatFactDate('2021-10-21')).toBe('21 Oct 2021');
      expect(formatFactDate('2003-02-14')).toBe('14 Feb 2003');
      expect(formatFactDate('2021-08')).toBe('Aug 2021');
      expect(formatFactDate('1999')).toBe('1999');
    });

    it('leaves anything else as it was given', () => {
      expect(formatFactDate('soon')).toBe('soon');
      expect(formatFactDate('2021-13')).toBe('2021');
    });
  });
});
