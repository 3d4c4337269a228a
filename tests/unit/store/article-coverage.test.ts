import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../src/matcher/compile-matcher.ts';
import { resolveWeakMentions } from '../../../src/matcher/resolve-weak-mentions.ts';
import { loadBundledStore } from '../../../src/store/load-store.ts';

const store = loadBundledStore();
const matcher = compileMatcher(store.entities);

/** The entity ids a reader would see marked in this text, after the page-level weak-alias decision. */
function findEntityIds(text: string): string[] {
  const scan = matcher.scanText(text);
  return resolveWeakMentions(scan.mentions, new Set(scan.confirmedIds)).map((mention) => mention.entityId);
}

describe('the bundled store', () => {
  describe('names as the article writes them', () => {
    // The article's own spellings, each inside a sentence written for this test.
    const cases: [string, string][] = [
      ['In the photo, Mawlawi Shahabuddin Dilawar shakes hands with the envoy.', 'shahabuddin-delawar'],
      ['The envoy, Zamir Kabulov, was also in the photo.', 'zamir-kabulov'],
      ['He spoke at the International Valdai Club that week.', 'valdai-discussion-club'],
      ['Officials of the Islamic Emirate of Afghanistan replied.', 'islamic-emirate-of-afghanistan'],
      ['A spokesman, Abdul Qahar Balkhi, welcomed the remarks.', 'abdul-qahar-balkhi'],
      ['President Vladimir Putin said so.', 'vladimir-putin'],
      ['Putin added that there was no rush.', 'vladimir-putin'],
      ['Foreign Minister Sergey Lavrov opened the talks.', 'sergey-lavrov'],
      ['The Taliban responded on Sunday.', 'taliban'],
      ['Threats from the Islamic State group were discussed.', 'islamic-state'],
      ['The decision belongs to the United Nations, he said.', 'united-nations'],
      ['Talks were held in Moscow.', 'moscow'],
      ['Drills took place in Tajikistan.', 'tajikistan'],
      ['Other drills took place in Uzbekistan.', 'uzbekistan'],
      ['Russia has influence in Central Asia.', 'central-asia'],
      ['The embassy in Kabul stayed open.', 'kabul'],
      ['Russia hosted the meeting.', 'russia'],
      ['The war in Afghanistan is over, he said.', 'afghanistan'],
    ];

    it.each(cases)('finds %j as %s', (text, id) => {
      expect(findEntityIds(text)).toContain(id);
    });

    it('does not mistake the envoy for the city, nor the adjective for the country', () => {
      expect(findEntityIds('Zamir Kabulov spoke.')).not.toContain('kabul');
      expect(findEntityIds('A Russian official spoke.')).not.toContain('russia');
    });
  });

  it('covers every entity the article names', () => {
    const ids = new Set(store.entities.map((entity) => entity.id));
    for (const id of [
      'vladimir-putin',
      'zamir-kabulov',
      'shahabuddin-delawar',
      'abdul-qahar-balkhi',
      'sergey-lavrov',
      'taliban',
      'islamic-emirate-of-afghanistan',
      'islamic-state',
      'isis-k',
      'valdai-discussion-club',
      'united-nations',
      'un-1988-sanctions-committee',
      'russian-foreign-ministry',
      'csto',
      'associated-press',
      'russia',
      'afghanistan',
      'kabul',
      'moscow',
      'sochi',
      'central-asia',
      'uzbekistan',
      'tajikistan',
      'moscow-format-talks-2021',
      'fall-of-kabul',
      'interim-government-2021',
      'russia-taliban-terrorist-listing',
      'csto-drills-tajikistan-2021',
      'hasan-akhund',
      'abdul-salam-hanafi',
      'amir-khan-muttaqi',
      'ashraf-ghani',
      'dmitry-zhirnov',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('carries the corrections the article needs', () => {
    const correctionsOf = (id: string) =>
      store.entities
        .find((entity) => entity.id === id)
        ?.corrections?.map((correction) => correction.text)
        .join(' ') ?? '';
    expect(correctionsOf('valdai-discussion-club')).toMatch(/Sochi/);
    expect(correctionsOf('uzbekistan')).toMatch(/CSTO/);
    expect(correctionsOf('russia-taliban-terrorist-listing')).toMatch(/2025/);
  });
});
