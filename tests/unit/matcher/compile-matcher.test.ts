import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, type MatchableEntity } from '../../../src/matcher/compile-matcher.ts';
import { normalizeText } from '../../../src/matcher/normalize-text.ts';

const entities: MatchableEntity[] = [
  {
    id: 'vladimir-putin',
    type: 'person',
    aliases: [
      { text: 'Vladimir Putin', strength: 'strong' },
      { text: 'Putin', strength: 'strong' },
      { text: 'Putins', strength: 'strong', lang: 'de' },
      { text: 'Путин', strength: 'strong', lang: 'ru' },
      { text: 'Путина', strength: 'strong', lang: 'ru' },
      { text: 'Путину', strength: 'strong', lang: 'ru' },
      { text: 'Путиным', strength: 'strong', lang: 'ru' },
      { text: 'Путине', strength: 'strong', lang: 'ru' },
    ],
  },
  {
    id: 'sergey-lavrov',
    type: 'person',
    aliases: [
      { text: 'Sergey Lavrov', strength: 'strong' },
      { text: 'Sergueï Lavrov', strength: 'strong', lang: 'fr' },
      { text: 'Сергея Лаврова', strength: 'strong', lang: 'ru' },
      { text: 'Lavrov', strength: 'weak' },
    ],
    contextWords: ['foreign minister'],
  },
  { id: 'zamir-kabulov', type: 'person', aliases: [{ text: 'Zamir Kabulov', strength: 'strong' }] },
  {
    id: 'kabul',
    type: 'place',
    aliases: [
      { text: 'Kabul', strength: 'strong' },
      { text: 'کابل', strength: 'strong', lang: 'fa' },
    ],
  },
  {
    id: 'russia',
    type: 'place',
    aliases: [
      { text: 'Russia', strength: 'strong', exclude: ['Russia Today'] },
      { text: 'Россия', strength: 'strong', lang: 'ru' },
    ],
  },
  {
    id: 'afghanistan',
    type: 'place',
    aliases: [
      { text: 'Afghanistan', strength: 'strong' },
      { text: 'افغانستان', strength: 'strong', lang: 'fa' },
    ],
  },
  {
    id: 'taliban',
    type: 'group',
    aliases: [
      { text: 'Taliban', strength: 'strong', exclude: ['Pakistani Taliban'] },
      { text: 'طالبان', strength: 'strong', lang: 'ps' },
    ],
  },
  {
    id: 'islamic-emirate',
    type: 'organization',
    aliases: [
      { text: 'Islamic Emirate of Afghanistan', strength: 'strong' },
      { text: 'IEA', strength: 'weak', caseSensitive: true, exclude: ['International Energy Agency'] },
    ],
    contextWords: ['Taliban'],
  },
  {
    id: 'islamic-state',
    type: 'group',
    aliases: [
      {
        text: 'Islamic State',
        strength: 'strong',
        caseSensitive: true,
        exclude: ['Islamic State of Afghanistan'],
      },
      { text: 'IS', strength: 'strong', caseSensitive: true },
      { text: 'ISIS', strength: 'strong', caseSensitive: true },
    ],
  },
  {
    id: 'isis-k',
    type: 'group',
    aliases: [
      { text: 'ISIS-K', strength: 'strong' },
      { text: 'IS-K', strength: 'strong', caseSensitive: true },
    ],
  },
  {
    id: 'united-nations',
    type: 'organization',
    aliases: [
      { text: 'UN', strength: 'strong', caseSensitive: true },
      { text: 'U.N.', strength: 'strong' },
      { text: 'United Nations', strength: 'strong' },
    ],
  },
  {
    id: 'associated-press',
    type: 'organization',
    aliases: [
      { text: 'Associated Press', strength: 'strong' },
      { text: 'AP', strength: 'strong', caseSensitive: true, exclude: ['Andhra Pradesh'] },
    ],
  },
  {
    id: 'moscow',
    type: 'place',
    aliases: [{ text: 'Moscow', strength: 'strong', exclude: ['Moscow, Idaho'] }],
  },
  {
    id: 'sergei-accented',
    type: 'person',
    aliases: [{ text: 'Séverine Exact', strength: 'strong', foldDiacritics: false }],
  },
];

const matcher = compileMatcher(entities);

/** Every mention as "surface→entity" (weak ones marked), as a reader would see them. */
function listMentions(text: string): string[] {
  return matcher
    .scanText(text)
    .mentions.map(
      (m) => `${text.slice(m.start, m.end)}→${m.entityId}${m.strength === 'weak' ? ' (weak)' : ''}`,
    );
}

describe('compile-matcher', () => {
  describe('compileMatcher', () => {
    it('finds nothing in text that names no entity, and nothing in empty text', () => {
      expect(matcher.scanText('The weather in the valley was mild all week.')).toEqual({
        mentions: [],
        confirmedIds: [],
      });
      expect(matcher.scanText('')).toEqual({ mentions: [], confirmedIds: [] });
    });

    it('matches whole words only, by Unicode letter classes', () => {
      expect(listMentions('Kabulov met people in Kabul.')).toEqual(['Kabul→kabul']);
      expect(listMentions('Putinism and computing are not Putin.')).toEqual(['Putin→vladimir-putin']);
      expect(listMentions('Russian and Belarussia and Russians, but Russia.')).toEqual(['Russia→russia']);
      expect(listMentions('UNESCO and UNHCR')).toEqual([]);
      expect(listMentions('Kabul2021 and 2021Kabul')).toEqual([]);
      expect(listMentions('user ANIME_IS_LIFE and Kabul_news')).toEqual([]);
    });

    it('does not take adjectives or demonyms for the country', () => {
      expect(listMentions('The Russian envoy met Afghan officials.')).toEqual([]);
    });

    it('treats a hyphen as a word boundary, but case-sensitive aliases still need their case', () => {
      expect(listMentions('a UN-backed plan')).toEqual(['UN→united-nations']);
      expect(listMentions('an un-American idea')).toEqual([]);
      expect(listMentions('the Kabul-based office')).toEqual(['Kabul→kabul']);
    });

    it('matches aliases that contain hyphens or dots as whole tokens, longest first', () => {
      expect(listMentions('ISIS-K claimed it; ISIS did not.')).toEqual([
        'ISIS-K→isis-k',
        'ISIS→islamic-state',
      ]);
      expect(listMentions('IS-K fighters')).toEqual(['IS-K→isis-k']);
      expect(listMentions('the U.N. said')).toEqual(['U.N.→united-nations']);
      expect(listMentions('at the end of the day, the U.N.')).toEqual(['U.N.→united-nations']);
    });

    it('matches possessives and covers only the name', () => {
      expect(listMentions("Putin's remarks")).toEqual(['Putin→vladimir-putin']);
      expect(listMentions('Putin’s remarks')).toEqual(['Putin→vladimir-putin']);
      expect(listMentions('Kabul’s airport')).toEqual(['Kabul→kabul']);
    });

    it('matches the German genitive only because the store lists it', () => {
      expect(listMentions('Putins Rede')).toEqual(['Putins→vladimir-putin']);
      const withoutGenitive = compileMatcher([
        { id: 'p', type: 'person', aliases: [{ text: 'Putin', strength: 'strong' }] },
      ]);
      expect(withoutGenitive.scanText('Putins Rede').mentions).toEqual([]);
    });

    it('matches case-sensitive aliases only as written', () => {
      expect(listMentions('IS fighters attacked; this is not it; Is it?')).toEqual(['IS→islamic-state']);
      expect(listMentions('the islamic state of things')).toEqual([]);
      expect(listMentions('the Islamic State group')).toEqual(['Islamic State→islamic-state']);
      expect(listMentions('ＩＳ fighters')).toEqual(['ＩＳ→islamic-state']);
    });

    it('skips ALL-CAPS case-sensitive aliases inside ALL-CAPS runs of words', () => {
      expect(listMentions('THIS IS A HEADLINE')).toEqual([]);
      expect(listMentions('UN DAY IS HERE')).toEqual([]);
      expect(listMentions('UN-BACKED FORCES ADVANCE')).toEqual([]);
      expect(listMentions('MOSCOW (AP) — Russia hosted talks')).toEqual([
        'MOSCOW→moscow',
        'AP→associated-press',
        'Russia→russia',
      ]);
      expect(listMentions('The US, UN and EU agreed.')).toEqual(['UN→united-nations']);
      expect(listMentions('Fighters of IS attacked.')).toEqual(['IS→islamic-state']);
    });

    it('lets the longest match win and never overlaps', () => {
      expect(listMentions('the Islamic Emirate of Afghanistan said')).toEqual([
        'Islamic Emirate of Afghanistan→islamic-emirate',
      ]);
      expect(listMentions('Sergey Lavrov spoke')).toEqual(['Sergey Lavrov→sergey-lavrov']);
      expect(listMentions('Vladimir Putin and Putin')).toEqual([
        'Vladimir Putin→vladimir-putin',
        'Putin→vladimir-putin',
      ]);
    });

    it('returns mentions sorted by start and with offsets into the original text', () => {
      const text = 'In Kabul, Putin met Taliban envoys.';
      const { mentions } = matcher.scanText(text);
      expect(mentions.map((m) => [m.start, m.end])).toEqual([
        [3, 8],
        [10, 15],
        [20, 27],
      ]);
      expect(mentions[1]).toEqual({
        start: 10,
        end: 15,
        entityId: 'vladimir-putin',
        alias: 'Putin',
        strength: 'strong',
      });
    });

    it('finds names written with soft hyphens, zero-width characters and odd spacing', () => {
      expect(listMentions('Vladi\u00admir Putin')).toEqual(['Vladi\u00admir Putin→vladimir-putin']);
      expect(listMentions('Pu\u200btin and Ka\u200dbul and \ufeffRussia')).toEqual([
        'Pu\u200btin→vladimir-putin',
        'Ka\u200dbul→kabul',
        'Russia→russia',
      ]);
      expect(listMentions('Vladimir\u00a0Putin')).toEqual(['Vladimir\u00a0Putin→vladimir-putin']);
      expect(listMentions('Vladimir \n\t  Putin')).toEqual(['Vladimir \n\t  Putin→vladimir-putin']);
    });

    it('does not stretch a mention over trailing invisible characters', () => {
      const text = 'Putin\u200b\u00ad said';
      const [mention] = matcher.scanText(text).mentions;
      expect(text.slice(mention?.start, mention?.end)).toBe('Putin');
    });

    it('matches composed and decomposed accents, and folds diacritics by default', () => {
      expect(listMentions('Sergue\u00ef Lavrov')).toEqual(['Sergueï Lavrov→sergey-lavrov']);
      expect(listMentions('Sergue\u0069\u0308 Lavrov')).toEqual(['Sergue\u0069\u0308 Lavrov→sergey-lavrov']);
      expect(listMentions('Serguei Lavrov')).toEqual(['Serguei Lavrov→sergey-lavrov']);
    });

    it('keeps diacritics when the alias says foldDiacritics: false', () => {
      expect(listMentions('Séverine Exact')).toEqual(['Séverine Exact→sergei-accented']);
      expect(listMentions('Se\u0301verine exact')).toEqual(['Se\u0301verine exact→sergei-accented']);
      expect(listMentions('Severine Exact')).toEqual([]);
    });

    it('keeps offsets exact when case folding changes the length ("İ", "ß")', () => {
      const text = 'İİ Straße İ Putin';
      const [mention] = matcher.scanText(text).mentions;
      expect(text.slice(mention?.start, mention?.end)).toBe('Putin');
    });

    it('matches through characters that fold to several units or are surrogate pairs', () => {
      const streets = compileMatcher([
        { id: 's', type: 'place', aliases: [{ text: 'Hauptstraße', strength: 'strong' }] },
      ]);
      const text = 'HAUPTSTRASSE, Hauptstraße und 😀Hauptstrasse😀';
      expect(streets.scanText(text).mentions.map((m) => text.slice(m.start, m.end))).toEqual([
        'HAUPTSTRASSE',
        'Hauptstraße',
        'Hauptstrasse',
      ]);
      expect(listMentions('𝐏𝐮𝐭𝐢𝐧 and 🇷🇺Putin')).toEqual(['𝐏𝐮𝐭𝐢𝐧→vladimir-putin', 'Putin→vladimir-putin']);
    });

    it('matches Russian case forms listed in the store as whole Cyrillic words', () => {
      expect(listMentions('Путин заявил, что у Путина и Путину, с Путиным, о Путине')).toEqual([
        'Путин→vladimir-putin',
        'Путина→vladimir-putin',
        'Путину→vladimir-putin',
        'Путиным→vladimir-putin',
        'Путине→vladimir-putin',
      ]);
      expect(listMentions('путинский режим')).toEqual([]);
      expect(listMentions('встреча Сергея Лаврова')).toEqual(['Сергея Лаврова→sergey-lavrov']);
      expect(listMentions('РОССИЯ и Россия')).toEqual(['РОССИЯ→russia', 'Россия→russia']);
    });

    it('matches Arabic-script names, with ZWNJ inside words and Arabic letter variants', () => {
      expect(listMentions('طالبان در کابل')).toEqual(['طالبان→taliban', 'کابل→kabul']);
      expect(listMentions('كابل')).toEqual(['كابل→kabul']);
      expect(listMentions('افغان\u200cستان')).toEqual(['افغان\u200cستان→afghanistan']);
    });

    it('does not find Arabic-script names with an attached prefix (whole-word rule, by design)', () => {
      expect(listMentions('وکابل')).toEqual([]);
    });

    it('returns weak aliases as weak candidates, confirmed only by strong aliases or context words', () => {
      expect(matcher.scanText('Lavrov spoke.')).toEqual({
        mentions: [{ start: 0, end: 6, entityId: 'sergey-lavrov', alias: 'Lavrov', strength: 'weak' }],
        confirmedIds: [],
      });
      expect(matcher.scanText('The foreign minister, Lavrov, spoke.').confirmedIds).toEqual([
        'sergey-lavrov',
      ]);
      expect(matcher.scanText('Sergey Lavrov and Lavrov').confirmedIds).toEqual(['sergey-lavrov']);
    });

    it('uses context words only for confirmation, never as mentions', () => {
      const scan = matcher.scanText('the Foreign  Minister said');
      expect(scan.mentions).toEqual([]);
      expect(scan.confirmedIds).toEqual(['sergey-lavrov']);
    });

    it('confirms every entity with a strong mention, in store order', () => {
      expect(matcher.scanText('Taliban in Kabul and Putin').confirmedIds).toEqual([
        'vladimir-putin',
        'kabul',
        'taliban',
        'islamic-emirate',
      ]);
    });

    it('cancels a match covered by an exclusion phrase of its alias', () => {
      expect(listMentions('the Islamic State of Afghanistan in 1992')).toEqual(['Afghanistan→afghanistan']);
      expect(listMentions('the Pakistani Taliban and the Taliban')).toEqual(['Taliban→taliban']);
      expect(listMentions('Moscow, Idaho is small. Moscow is big.')).toEqual(['Moscow→moscow']);
      expect(listMentions('Russia Today reported from Russia')).toEqual(['Russia→russia']);
    });

    it('cancels an acronym everywhere in a block that names what else it stands for', () => {
      expect(listMentions('The International Energy Agency (IEA) said the IEA expects growth.')).toEqual([]);
      expect(listMentions('The IEA said. In Andhra Pradesh, AP officials agreed.')).toEqual([
        'IEA→islamic-emirate (weak)',
      ]);
      expect(listMentions('Taliban officials of the IEA said')).toEqual([
        'Taliban→taliban',
        'IEA→islamic-emirate (weak)',
      ]);
    });

    it('can be reused for many blocks, each scan independent', () => {
      expect(listMentions('Pakistani Taliban')).toEqual([]);
      expect(listMentions('Taliban')).toEqual(['Taliban→taliban']);
      const long = `${'word '.repeat(5000)}Putin`;
      expect(listMentions(long)).toEqual(['Putin→vladimir-putin']);
      expect(listMentions(`${'x '.repeat(200_000)}Kabul`)).toEqual(['Kabul→kabul']);
      expect(listMentions('Kabul')).toEqual(['Kabul→kabul']);
    });

    it('builds a working matcher from an empty store', () => {
      expect(compileMatcher([]).scanText('Putin in Kabul')).toEqual({ mentions: [], confirmedIds: [] });
    });

    it('resolves an alias shared by two entities to a strong one first, then to store order', () => {
      const shared = compileMatcher([
        { id: 'a', type: 'organization', aliases: [{ text: 'Foreign Ministry', strength: 'weak' }] },
        { id: 'b', type: 'organization', aliases: [{ text: 'Foreign Ministry', strength: 'strong' }] },
        { id: 'c', type: 'organization', aliases: [{ text: 'Foreign Ministry', strength: 'strong' }] },
      ]);
      expect(shared.scanText('the Foreign Ministry said').mentions.map((m) => m.entityId)).toEqual(['b']);
    });

    it('maps every mention back to exactly the surface form, whatever noise the page adds', () => {
      const names = ['Vladimir Putin', 'Kabul', 'Путиным', 'طالبان', 'Sergey Lavrov', 'U.N.', 'ISIS-K'];
      const noise = fc.constantFrom('\u00ad', '\u200b', '\u200c', '\ufeff', '');
      const spacing = fc.constantFrom(' ', '\u00a0', '\n  ', ' \t');
      const noisyName = fc
        .tuple(fc.constantFrom(...names), noise, fc.boolean())
        .map(([name, invisible, upper]) => {
          const cased = upper && !name.includes('.') ? name.toUpperCase() : name;
          const at = Math.max(1, Math.floor(cased.length / 2));
          return { name, surface: `${cased.slice(0, at)}${invisible}${cased.slice(at)}` };
        });
      const filler = fc.constantFrom('the', 'Kabulov', 'Russian', 'said', '2021', '—', 'Putinism');
      const piece = fc.oneof(
        noisyName,
        filler.map((word) => ({ name: '', surface: word })),
      );
      fc.assert(
        fc.property(fc.array(fc.tuple(piece, spacing), { maxLength: 12 }), (pieces) => {
          const text = pieces.map(([p, space]) => `${p.surface}${space}`).join('');
          const expected = pieces
            .filter(([p]) => p.name !== '')
            .map(([p]) => normalizeText(p.name).normalized);
          const mentions = matcher.scanText(text).mentions;
          const found = mentions.map((m) => normalizeText(text.slice(m.start, m.end)).normalized);
          expect(found).toEqual(expected);
          for (const m of mentions) {
            expect(text.slice(m.start, m.end)).toBe(text.slice(m.start, m.end).trim());
          }
        }),
      );
    });
  });

  describe('findCandidates', () => {
    const matcher = compileMatcher(entities);
    const listCandidates = (text: string) => {
      const found: string[] = [];
      matcher.findCandidates?.(text, (start, end) => found.push(text.slice(start, end)));
      return found;
    };

    it('lists names glued to the text around them, as blocks run together read', () => {
      expect(listCandidates('Last lineKabul first line')).toEqual(['Kabul']);
      expect(listCandidates('heldVladimir Putinaway')).toEqual(['Vladimir Putin', 'Putin']);
    });

    it('lists context words, which confirm weak names anywhere on the page', () => {
      expect(listCandidates('said the foreign minister')).toEqual(['foreign minister']);
    });

    it('says what each candidate can do: a mention alone, a mention once confirmed, or a confirmation', () => {
      const text = 'Lavrov, the foreign minister, met the Taliban (IEA) in Kabul';
      const found: string[] = [];
      matcher.findCandidates?.(text, (start, end, role, entityId) =>
        found.push(`${text.slice(start, end)} ${role} ${entityId}`),
      );
      expect(found.sort()).toEqual([
        'IEA weak islamic-emirate',
        'Kabul strong kabul',
        'Lavrov weak sergey-lavrov',
        'Taliban context islamic-emirate',
        'Taliban strong taliban',
        'foreign minister context sergey-lavrov',
      ]);
    });

    it('leaves out names whose case or form the store asks for and the text lacks', () => {
      expect(listCandidates('this is un ap')).toEqual([]);
      // Word boundaries are not checked: the "IS" inside "THIS" is one too.
      expect(listCandidates('THIS IS')).toEqual(['IS', 'IS']);
    });

    it('says two pieces of text cannot join into a candidate only when no name or context word holds the pair at the seam', () => {
      // "Vladimir Putin" holds "r p" across a space; a line break reads as one.
      expect(matcher.canJoin?.('Vladimir\n', 'Putin')).toBe(true);
      expect(matcher.canJoin?.('VLADIMIR  ', '  PUTIN')).toBe(true);
      expect(matcher.canJoin?.('Kabu', 'l')).toBe(true);
      // A table cell: a team, a line break, a season. No name runs from "s" across a space to "(".
      expect(matcher.canJoin?.('San Antonio Spurs\n', '(2007')).toBe(false);
      expect(matcher.canJoin?.('lorem', ' ipsum')).toBe(false);
      expect(matcher.canJoin?.('amet', 'zzz')).toBe(false);
      // A character that folds to nothing or to several units is not judged: could be anything.
      expect(matcher.canJoin?.('Vladimir\u00ad', 'Putin')).toBe(true);
      expect(matcher.canJoin?.('lorem', '\u00dfipsum')).toBe(true);
    });

    it('finds and judges the same after many seams as a fresh matcher does (the scan is warmed up on the way)', () => {
      const used = compileMatcher(entities);
      const fresh = compileMatcher(entities);
      const text = 'Vladimir Putin met Zamir Kabulov in Kabul; the foreign minister, Lavrov, said so.';
      // Past the seam where the scanning loop is run once on text of its own (compile-matcher.ts).
      for (let seam = 0; seam < 200; seam++) expect(used.canJoin?.('Vladimir\n', 'Putin')).toBe(true);
      expect(used.scanText(text)).toEqual(fresh.scanText(text));
      expect(used.scanText(text).mentions.map((mention) => mention.alias)).toEqual([
        'Vladimir Putin',
        'Zamir Kabulov',
        'Kabul',
        'Lavrov',
      ]);
      const found = (matcher: typeof used) => {
        const spans: string[] = [];
        matcher.findCandidates?.(text, (start, end) => spans.push(text.slice(start, end)));
        return spans;
      };
      expect(found(used)).toEqual(found(fresh));
      expect(used.canJoin?.('San Antonio Spurs\n', '(2007')).toBe(false);
    });

    it('reads a seam with a line break between the two sides as one where the line break ends the first side', () => {
      expect(matcher.canJoin?.('Vladimir', 'Putin', true)).toBe(true);
      expect(matcher.canJoin?.('Vladimir', 'Putin')).toBe(false);
      expect(matcher.canJoin?.('San Antonio Spurs', '(2007', true)).toBe(false);
      const side = fc.stringMatching(/^[a-zA-Z ()\n\u00ad\u00e9]{0,12}$/);
      fc.assert(
        fc.property(side, side, (before, after) => {
          expect(matcher.canJoin?.(before, after, true)).toBe(matcher.canJoin?.(`${before}\n`, after));
        }),
        { numRuns: 2_000 },
      );
    });

    it('never says no where a candidate runs across the seam', () => {
      const piece = fc.constantFrom(
        'Sergey Lavrov',
        'Lavrov',
        'Kabul',
        'Vladimir Putin',
        'IS',
        'the foreign minister',
        ' ',
        '\n',
        'tea',
        '\u00ad',
        'é',
        '(2007)',
        'x',
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(200), (parts, cut) => {
          const text = parts.join('');
          const seam = Math.min(cut, text.length);
          let spans = false;
          matcher.findCandidates?.(text, (start, end) => {
            spans ||= start < seam && end > seam;
          });
          if (spans) expect(matcher.canJoin?.(text.slice(0, seam), text.slice(seam))).toBe(true);
        }),
        { numRuns: 2_000 },
      );
    });

    it('lists everything scanText finds in any block cut from the text', () => {
      const piece = fc.constantFrom(
        'Sergey Lavrov',
        'Lavrov',
        'Kabul',
        'Kabulov',
        'IS',
        'is',
        'THIS IS',
        'Putin',
        'the foreign minister',
        ' ',
        '\n',
        'tea',
        '\u00ad',
        'é',
      );
      fc.assert(
        fc.property(
          fc.array(piece, { maxLength: 30 }),
          fc.array(fc.nat(60), { maxLength: 4 }),
          (parts, cuts) => {
            const text = parts.join('');
            const found: [number, number][] = [];
            matcher.findCandidates?.(text, (start, end) => found.push([start, end]));
            const bounds = [
              0,
              ...cuts.map((cut) => Math.min(cut, text.length)).sort((a, b) => a - b),
              text.length,
            ];
            for (let index = 0; index + 1 < bounds.length; index++) {
              const from = bounds[index] as number;
              const scan = matcher.scanText(text.slice(from, bounds[index + 1]));
              for (const mention of scan.mentions) {
                const start = from + mention.start;
                const end = from + mention.end;
                expect(found.some(([a, b]) => a <= start && end <= b)).toBe(true);
              }
            }
          },
        ),
      );
    });
  });
});
