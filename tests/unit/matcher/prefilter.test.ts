import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../src/matcher/compile-matcher.ts';
import { compilePatterns } from '../../../src/matcher/compile-patterns.ts';
import { foldPunctuation } from '../../../src/matcher/fold-code-unit.ts';
import {
  buildPrefilter,
  createPrefilter,
  findUnsafeUnits,
  viewKeepingCase,
} from '../../../src/matcher/prefilter.ts';
import { resolveWeakMentions } from '../../../src/matcher/resolve-weak-mentions.ts';
import { loadBundledStore } from '../../../src/store/load-store.ts';
import { createRandom } from '../../fixtures/matcher/generate-page-text.ts';

const { entities } = loadBundledStore();
const table = compilePatterns(entities);
const unsafe = findUnsafeUnits();
const serialized = buildPrefilter(table.patterns, table.recordsOf, table.records, unsafe);
const prefilter = createPrefilter(serialized);
const matcher = compileMatcher(entities);

/** The mentions a page of this one text keeps: weak ones only where the page confirms their entity. */
const pageMentions = (text: string) => {
  const scan = matcher.scanText(text);
  return resolveWeakMentions(scan.mentions, new Set(scan.confirmedIds));
};

const mayHaveAlias = (text: string): boolean => {
  if (!prefilter) throw new Error('the bundled store has no prefilter');
  return prefilter.mayHaveAlias(text);
};

const mayHaveMention = (text: string): boolean => {
  if (!prefilter) throw new Error('the bundled store has no prefilter');
  return prefilter.mayHaveMention(text);
};

const PLAIN_WORDS =
  'the of and to in a that for on with as by at from was said after talks meeting border region ' +
  'security trade report minister morning river valley market village province capital ' +
  'delegation statement analysts economy prices wheat water roads schools farmers visited announced ' +
  'this is it was crisis central news source group international government organization';

describe('prefilter: the native first look for aliases', () => {
  it('says no for text naming no one, so such a page is not walked', () => {
    const random = createRandom(7);
    const words = PLAIN_WORDS.split(' ');
    for (let round = 0; round < 50; round++) {
      const text = Array.from({ length: 400 }, () => words[Math.floor(random() * words.length)]).join(' ');
      expect(pageMentions(text)).toEqual([]);
      expect(mayHaveMention(text)).toBe(false);
    }
    // Context words alone confirm a mention but are none; a weak alias alone is dropped unconfirmed.
    expect(mayHaveMention('The envoy spoke of sanctions and the annual meeting. This is it.')).toBe(false);
    expect(pageMentions('The Security Council met.')).toEqual([]);
    expect(mayHaveMention('The Security Council met.')).toBe(false);
    expect(pageMentions('The Security Council met on sanctions.')).not.toEqual([]);
    expect(mayHaveMention('The Security Council met on sanctions.')).toBe(true);
    // Confirmed by a context word of its own entity only: a foreign minister confirms Lavrov, not the UN.
    expect(pageMentions('The Security Council heard the foreign minister.')).toEqual([]);
    expect(mayHaveMention('The Security Council heard the foreign minister.')).toBe(false);
    // Around a script inside a name the confirmation may be anywhere: any alias counts there.
    expect(mayHaveAlias('The Security Council met.')).toBe(true);
    expect(mayHaveAlias('The envoy spoke of sanctions.')).toBe(false);
  });

  it('says maybe for every alias of the store, in any case, split by invisible characters or element boundaries', () => {
    for (const entity of entities) {
      for (const alias of entity.aliases) {
        // A weak alias with the first context word of its entity, which confirms it.
        const confirmation = alias.strength === 'weak' ? ` ${entity.contextWords?.[0] ?? ''}` : '';
        const text = alias.text + confirmation;
        expect(mayHaveMention(`before ${text} after`), text).toBe(true);
        // Read at once, two elements' text runs together: "Vladimir<br>Putin" reads "VladimirPutin".
        expect(mayHaveMention(text.replace(/\s+/g, '')), text).toBe(true);
        expect(mayHaveMention(text.replace(/\s+/g, '\u00a0\n ')), text).toBe(true);
        if (!alias.caseSensitive) {
          expect(mayHaveMention(text.toUpperCase()), text).toBe(true);
          expect(mayHaveMention(text.toLowerCase()), text).toBe(true);
        }
        const middle = Math.floor(text.length / 2);
        expect(mayHaveMention(`${text.slice(0, middle)}\u00ad${text.slice(middle)}`), text).toBe(true);
        expect(mayHaveMention(text.normalize('NFD')), text).toBe(true);
      }
    }
  });

  it('finds a weak alias that starts inside another one, and pairs it with its own entity', () => {
    const own = compilePatterns([
      { id: 'a', type: 'place', aliases: [{ text: 'Kabul', strength: 'weak' }], contextWords: ['harbour'] },
      { id: 'b', type: 'person', aliases: [{ text: 'Abulov', strength: 'weak' }], contextWords: ['envoy'] },
    ]);
    const look = createPrefilter(buildPrefilter(own.patterns, own.recordsOf, own.records, unsafe));
    expect(look?.mayHaveMention('The Kabulov envoy.')).toBe(true);
    expect(look?.mayHaveMention('The Kabulov harbour.')).toBe(true);
    expect(look?.mayHaveMention('The Kabulov speech.')).toBe(false);
  });

  it('keeps case where an alias does: "IS" in capitals is looked for, the word "is" is not', () => {
    expect(mayHaveMention('what this is about, in syria')).toBe(false);
    expect(mayHaveMention('WHAT THIS IS ABOUT, IN SYRIA')).toBe(true);
    expect(mayHaveMention('the UN said, citing sanctions')).toBe(true);
    expect(mayHaveMention('the un said, citing sanctions')).toBe(false);
  });

  it('says maybe where the engine folds a character differently from the matcher ("ß", "Σ")', () => {
    for (const text of ['Rußland', 'ΣΟΦΙΑ']) expect(mayHaveMention(text)).toBe(true);
    expect(new RegExp(unsafe).test('ß')).toBe(true);
    expect(new RegExp(unsafe).test('abcé’—')).toBe(false);
  });

  it('reads a letter written in another form as the matcher does (accents, full width, curly apostrophes)', () => {
    expect(viewKeepingCase('Kābul Ｋａｂｕｌ Putin’s')).toBe("Kabul Kabul Putin's");
    expect(mayHaveMention('in Ｋａｂｕｌ today')).toBe(true);
    expect(mayHaveMention('Lávrov at the Krémlin')).toBe(true);
  });

  it('views only the text outside ASCII, and reads it as a view of the whole text at once would', () => {
    const whole = (text: string): string =>
      text
        .normalize('NFKD')
        .replace(/[\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}\u0640]+/gu, '')
        .replace(/./gsu, (char) =>
          char.length === 1 ? String.fromCharCode(foldPunctuation(char.charCodeAt(0))) : char,
        );
    const random = createRandom(1207);
    const pieces = [
      'word',
      ' ',
      'e\u0301',
      '`',
      'Ｋａｂ',
      'Кабул',
      '東京',
      '\u00ad',
      'ﬁ',
      '𝐀',
      '’',
      '-',
      '\n',
      'ö',
    ];
    for (let round = 0; round < 200; round++) {
      // Up to about 1,500 runs outside ASCII: past 512 the rest is viewed in one call.
      const count = 1 + Math.floor(random() * 3000);
      const text = Array.from({ length: count }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect(viewKeepingCase(text), JSON.stringify(text.slice(0, 80))).toBe(whole(text));
    }
    expect(viewKeepingCase('plain ASCII text')).toBe('plain ASCII text');
  });

  it('says maybe for a character folded differently wherever it is, past many words in another script too', () => {
    const russian = Array.from({ length: 700 }, () => 'слово').join(' ');
    expect(mayHaveMention(russian)).toBe(false);
    expect(mayHaveMention(`${russian} Rußland`)).toBe(true);
    expect(mayHaveMention(`Rußland ${russian}`)).toBe(true);
    expect(mayHaveMention(`${russian} Кабул`)).toBe(true);
  });

  it('finds every alias where several begin alike or one begins another', () => {
    const own = compilePatterns(
      ['Kabul', 'Kabulistan', 'Kandahar', 'Karzai', 'Hamid Karzai', 'Hamid Gul'].map((text, index) => ({
        id: `e${index}`,
        type: 'person' as const,
        aliases: [{ text, strength: 'strong' as const }],
      })),
    );
    const look = createPrefilter(buildPrefilter(own.patterns, own.recordsOf, own.records, unsafe));
    for (const text of ['Kabul', 'KABULISTAN', 'Kandahar', 'Karzai', 'Hamid\nGul', 'HamidGul'])
      expect(look?.mayHaveMention(`in ${text} today`), text).toBe(true);
    for (const text of ['Kab', 'Kanda har', 'Hamid', 'Hamid Gu', 'Karza'])
      expect(look?.mayHaveMention(`in ${text} today`), text).toBe(false);
  });

  it('never says no where the matcher finds a mention (random pages of names, words and odd characters)', () => {
    const random = createRandom(20261207);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const aliases = entities.flatMap((entity) => [
      ...entity.aliases.map((alias) => alias.text),
      ...(entity.contextWords ?? []),
    ]);
    const odd = [
      '\u00ad',
      '\u200b',
      '\u0301',
      '\u00a0',
      '\n',
      '’',
      '-',
      '\u2011',
      'ß',
      'İ',
      'ı',
      'ﬁ',
      '𝐀',
      'é',
      ' ',
    ];
    const words = PLAIN_WORDS.split(' ');
    const perturb = (text: string): string => {
      const roll = random();
      if (roll < 0.2) return text.toUpperCase();
      if (roll < 0.35) return text.toLowerCase();
      if (roll < 0.5) {
        const at = Math.floor(random() * (text.length + 1));
        return text.slice(0, at) + pick(odd) + text.slice(at);
      }
      if (roll < 0.6) return text.normalize('NFD');
      if (roll < 0.7)
        return text.replace(/[A-Za-z]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
      return text;
    };
    let found = 0;
    for (let round = 0; round < 3000; round++) {
      const parts: string[] = [];
      const count = 3 + Math.floor(random() * 8);
      for (let index = 0; index < count; index++) {
        const roll = random();
        parts.push(roll < 0.35 ? perturb(pick(aliases)) : roll < 0.45 ? pick(odd) : pick(words));
      }
      const text = parts.join(random() < 0.8 ? ' ' : '');
      if (pageMentions(text).length === 0) continue;
      found++;
      expect(mayHaveMention(text), JSON.stringify(text)).toBe(true);
    }
    // The property is only worth something if many pages had mentions.
    expect(found).toBeGreaterThan(500);
  });

  it('is left out for a list so large that compiling it on every page would cost more than it saves', () => {
    const many = compilePatterns(
      Array.from({ length: 5_000 }, (_, index) => ({
        id: `e${index}`,
        type: 'person' as const,
        aliases: [{ text: `Person Number ${index} Of Many`, strength: 'strong' as const }],
      })),
    );
    expect(buildPrefilter(many.patterns, many.recordsOf, many.records, unsafe)).toBeUndefined();
    expect(buildPrefilter(table.patterns, table.recordsOf, table.records, unsafe)).toBeDefined();
  });

  it('is absent, not wrong, when a stored one is damaged: every page is then scanned', () => {
    expect(serialized).toBeDefined();
    expect(createPrefilter(undefined)).toBeUndefined();
    expect(createPrefilter({ ...serialized, strong: '(' })).toBeUndefined();
    expect(createPrefilter({ ...serialized, weak: [{ folded: 'x' }] })).toBeUndefined();
    expect(createPrefilter({ ...serialized, unsafe: 7 })).toBeUndefined();
    expect(createPrefilter('not an object')).toBeUndefined();
  });
});
