import { describe, expect, it } from 'vitest';
import { normalizeSearchText } from '../../../popup/normalize-search-text.ts';
import { buildSearchIndex, type SearchableEntity, searchEntities } from '../../../popup/search-entities.ts';
import { loadBundledStore } from '../../../src/store/load-store.ts';

function makeEntity(id: string, name: string, aliases: string[] = []): SearchableEntity {
  return { id, name, type: 'person', aliases: [name, ...aliases].map((text) => ({ text })) };
}

describe('normalize-search-text', () => {
  describe('normalizeSearchText', () => {
    it.each([
      ['Sergueï', 'serguei'],
      ['KĀBUL', 'kabul'],
      ['Ёлкин', 'елкин'],
      ['  Al-Qaeda ', 'al qaeda'],
      ['ﬁve', 'five'],
      ['Мухаммад   Хасан', 'мухаммад хасан'],
    ])('folds %s to %s', (input, expected) => {
      expect(normalizeSearchText(input)).toBe(expected);
    });
  });
});

describe('search-entities', () => {
  const index = buildSearchIndex([
    makeEntity('sergey-lavrov', 'Sergey Lavrov', ['Лавров', 'Sergueï Lavrov']),
    makeEntity('kabul', 'Kabul', ['Kābul', 'Кабул']),
    makeEntity('zamir-kabulov', 'Zamir Kabulov', ['Kabulov']),
  ]);

  describe('searchEntities', () => {
    it('finds by name, ignoring case and diacritics', () => {
      expect(searchEntities(index, 'LAVRÓV').map((result) => result.entity.id)).toEqual(['sergey-lavrov']);
    });

    it('finds by alias in another script and says which alias matched', () => {
      const [result] = searchEntities(index, 'лавров');
      expect(result?.entity.id).toBe('sergey-lavrov');
      expect(result?.matchedAlias).toBe('Лавров');
    });

    it('ranks exact and prefix matches before matches inside a word', () => {
      expect(searchEntities(index, 'kabul').map((result) => result.entity.id)).toEqual([
        'kabul',
        'zamir-kabulov',
      ]);
    });

    it('gives nothing for an empty or punctuation-only query', () => {
      expect(searchEntities(index, '   ')).toEqual([]);
      expect(searchEntities(index, '—')).toEqual([]);
    });

    it('keeps the first entity of an id (the bundled store before packs)', () => {
      const merged = buildSearchIndex([makeEntity('a', 'First'), makeEntity('a', 'Second')]);
      expect(searchEntities(merged, 'second')).toEqual([]);
    });

    it('finds every bundled entity by its own name', () => {
      const bundled = buildSearchIndex(loadBundledStore().entities);
      for (const entity of loadBundledStore().entities)
        expect(searchEntities(bundled, entity.name, 50).map((result) => result.entity.id)).toContain(
          entity.id,
        );
    });
  });
});
