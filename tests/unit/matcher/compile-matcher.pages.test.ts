import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMatcher, type MatchableEntity, type Mention } from '../../../src/matcher/compile-matcher.ts';
import { compilePatterns } from '../../../src/matcher/compile-patterns.ts';
import { classifyCodeUnit, FOLDED_UNIT_TABLE, KIND_SINGLE } from '../../../src/matcher/fold-code-unit.ts';
import { resolveWeakMentions } from '../../../src/matcher/resolve-weak-mentions.ts';
import store from '../../../src/store/entities.json' with { type: 'json' };
import { extractVisibleBlocks } from '../../fixtures/matcher/extract-visible-blocks.ts';

const PAGES = new URL('../../fixtures/matcher/pages/', import.meta.url);
const matcher = compileMatcher(store.entities as MatchableEntity[]);

/** What the content script would highlight on a saved page: every block, then the page-level weak decision. */
function findPageMentions(file: string): { surface: string; mention: Mention }[] {
  const blocks = extractVisibleBlocks(readFileSync(new URL(file, PAGES), 'utf8'));
  const scans = blocks.map((text) => ({ text, scan: matcher.scanText(text) }));
  const confirmed = new Set(scans.flatMap(({ scan }) => scan.confirmedIds));
  return scans.flatMap(({ text, scan }) =>
    resolveWeakMentions(scan.mentions, confirmed).map((mention) => ({
      surface: text.slice(mention.start, mention.end),
      mention,
    })),
  );
}

describe('compile-matcher', () => {
  it('says two characters can join, side by side or across whitespace, exactly when a bundled name or context word holds them so', () => {
    // Read straight off the patterns, to hold the matcher's reading of its trie against.
    const patterns = compilePatterns(store.entities as MatchableEntity[]).patterns;
    const held = new Set<string>();
    const alphabet = new Set<string>(['#', '\u4e00']);
    for (const pattern of patterns) {
      for (let at = 0; at + 1 < pattern.length; at++) {
        const [unit, next, third] = [pattern[at], pattern[at + 1], pattern[at + 2]];
        if (unit === ' ') continue;
        alphabet.add(unit as string);
        if (next !== ' ') held.add(`${unit}${next}`);
        else if (third !== undefined) held.add(`${unit} ${third}`);
      }
    }
    const single = [...alphabet].filter((char) => {
      const unit = char.charCodeAt(0);
      return classifyCodeUnit(unit) === KIND_SINGLE && FOLDED_UNIT_TABLE[unit] === unit;
    });
    expect(single.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    let joinable = 0;
    for (const before of single)
      for (const after of single)
        for (const spaced of [false, true]) {
          const expected = held.has(spaced ? `${before} ${after}` : `${before}${after}`);
          if (expected) joinable++;
          if (matcher.canJoin?.(before, after, spaced) !== expected)
            wrong.push(`${before}|${after}|${spaced}`);
        }
    expect(wrong).toEqual([]);
    expect(joinable).toBeGreaterThan(100);
  });

  describe('compileMatcher with the bundled store, on fixture pages', () => {
    const negatives = readdirSync(PAGES).filter((name) => name.startsWith('negative-'));

    it.each(negatives)('highlights nothing on %s', (file) => {
      expect(findPageMentions(file).map(({ surface, mention }) => `${surface}→${mention.entityId}`)).toEqual(
        [],
      );
    });

    it('finds the story’s people, groups and places on a page about it', () => {
      const found = findPageMentions('positive-moscow-talks.html');
      const ids = new Set(found.map(({ mention }) => mention.entityId));
      for (const id of [
        'vladimir-putin',
        'sergey-lavrov',
        'zamir-kabulov',
        'abdul-qahar-balkhi',
        'abdul-salam-hanafi',
        'taliban',
        'islamic-emirate-of-afghanistan',
        'islamic-state',
        'isis-k',
        'russia',
        'afghanistan',
        'kabul',
        'moscow',
        'united-nations',
        'valdai-discussion-club',
        'associated-press',
        'csto',
        'tajikistan',
        'uzbekistan',
      ]) {
        expect(ids).toContain(id);
      }
      const surfaces = found.map(({ surface }) => surface);
      expect(surfaces).toContain('Путин');
      expect(surfaces).toContain('کابل');
      expect(surfaces).not.toContain('Russian');
    });
  });
});
